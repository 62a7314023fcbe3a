import { describe, expect, it } from 'vitest';
import { conversionFor, convertMarked, convertPage, scriptOfPath, textAttributes } from '../../src/lib/page-conversion.ts';

describe('conversionFor', () => {
  it('converts /sc/ pages showing the Traditional edition', () => {
    expect(conversionFor('sc', ['zh-Hant'])).toEqual({ from: 'zh-Hant', to: 'zh-Hans' });
  });
  it('converts /tc/ pages only when all their Chinese is Simplified', () => {
    expect(conversionFor('tc', ['zh-Hans'])).toEqual({ from: 'zh-Hans', to: 'zh-Hant' });
    expect(conversionFor('tc', ['zh-Hant', 'zh-Hans'])).toBeUndefined();
    expect(conversionFor('tc', ['zh-Hant'])).toBeUndefined();
  });
  it('never converts English pages or authored Simplified', () => {
    expect(conversionFor('en', ['zh-Hant'])).toBeUndefined();
    expect(conversionFor('sc', ['zh-Hans'])).toBeUndefined();
  });
});

describe('textAttributes', () => {
  it('labels text shown in another language and marks text to convert', () => {
    expect(textAttributes({ en: 'Alibaba Health', 'zh-Hant': '阿里健康' }, 'en')).toEqual({});
    expect(textAttributes({ 'zh-Hant': '阿里健康' }, 'en')).toEqual({ lang: 'zh-Hant-HK' });
    expect(textAttributes({ 'zh-Hant': '環境、社會及管治報告' }, 'sc')).toEqual({ 'data-convert': 'zh-Hant' });
    expect(textAttributes({ 'zh-Hans': '环境、社会及管治报告' }, 'tc')).toEqual({ 'data-convert': 'zh-Hans' });
    expect(textAttributes({ en: 'ESG Report' }, 'tc')).toEqual({ lang: 'en' });
  });
});

describe('converting rendered HTML', () => {
  it('converts only marked elements and removes the marks', () => {
    const html = '<!doctype html><html lang="zh-Hant-HK"><body><p>環境報告</p><span data-convert="zh-Hans">环境、社会及管治报告</span></body></html>';
    const out = convertMarked(html, 'zh-Hant');
    expect(out).toContain('<p>環境報告</p>');
    expect(out).toContain('<span>環境、社會及管治報告</span>');
    expect(out).not.toContain('data-convert');
  });
  it('converts a whole page from the Traditional edition, keeping codes and skipped elements', () => {
    const html = '<!doctype html><html lang="zh-Hans-CN"><head><title>環境友好</title></head><body><p>關鍵績效指標 A1.1：溫室氣體排放量</p><a translate="no">繁體中文</a></body></html>';
    const out = convertPage(html, { from: 'zh-Hant', to: 'zh-Hans' });
    expect(out).toContain('<title>环境友好</title>');
    expect(out).toContain('关键绩效指标 A1.1：温室气体排放量');
    expect(out).toContain('繁體中文');
  });
  it('knows the script of a locale path', () => {
    expect(scriptOfPath('/sc/alibaba-health/2018/')).toBe('zh-Hans');
    expect(scriptOfPath('/tc/')).toBe('zh-Hant');
    expect(scriptOfPath('/en/')).toBeUndefined();
  });
});
