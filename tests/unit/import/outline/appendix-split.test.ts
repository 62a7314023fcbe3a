/**
 * Appendices listed as one contents entry (`Appendices 8`, `附錄 111-131`) while the body opens each
 * with a numbered heading: one unit per appendix. Text written for the test in the style of an
 * extraction (form feeds between pages, running footer with folio from page 3).
 */
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../../../scripts/import/pipeline.ts';

const page = (n: number, lines: string[]) => `\f${lines.join('\n')}\nHarbour Lane Holdings ESG Report 2024 | ${n}`;
const body = (topic: string) => [`${topic} shapes how we run our depots and offices across Hong Kong.`, `We set targets for ${topic.toLowerCase()} and report progress to the board every quarter.`];
const text = [
  'Harbour Lane Holdings Limited\nEnvironmental, Social and Governance Report 2024',
  `\f${['CONTENTS', 'About this Report 3', 'Environment 4', 'Social 6', 'Appendices 8'].join('\n')}`, // the contents page carries no footer
  page(3, ['About this Report', ...body('Reporting scope')]),
  page(4, ['Environment', ...body('Energy use')]),
  page(5, body('Waste')),
  page(6, ['Social', ...body('Employee safety')]),
  page(7, body('Training')),
  page(8, ['Appendix I: Performance Data', 'Indicator\tUnit\t2023\t2024', 'Electricity\tMWh\t1,204\t1,150', 'Water\tm3\t8,400\t8,120']),
  page(9, ['Appendix II: Assurance Statement', ...body('Assurance')]),
  page(10, ['Appendix III: HKEX ESG Reporting Code Content Index', ...body('Index')]),
].join('\n');

describe('numbered appendices under one contents entry', () => {
  const r = runPipeline(text, 'en', {}, 'appendices.txt');
  it('become one unit each, titled as printed, in print order', () => {
    expect(r.outline.source).toBe('contents page');
    expect(r.sections.filter((s) => s.id.startsWith('a')).map((s) => [s.id, s.title])).toEqual([
      ['a01', 'Appendix I: Performance Data'],
      ['a02', 'Appendix II: Assurance Statement'],
      ['a03', 'Appendix III: HKEX ESG Reporting Code Content Index'],
    ]);
    expect(r.fidelity.fidelity).toBeGreaterThanOrEqual(0.995);
  });
  it('stay one unit when the body prints a single numbered appendix, or references one in running text', () => {
    const one = text.replace('Appendix II: Assurance Statement', 'Assurance Statement').replace('Appendix III: HKEX ESG Reporting Code Content Index', 'See Appendix 1 for the data tables, which we restate where needed.');
    const s = runPipeline(one, 'en', {}, 'appendices.txt').sections.filter((x) => x.id.startsWith('a'));
    expect(s.map((x) => x.title)).toEqual(['Appendices']);
  });
});
