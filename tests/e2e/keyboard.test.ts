// Keyboard: the first Tab from page load focuses the skip link, which is then visible with a focus
// indicator, and activating it moves to <main id="main">.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { paths, sample, useSite } from '../support/e2e.ts';
import type { Locale } from '../support/locales.ts';

const site = useSite();

async function focusState(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const cs = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    return {
      tag: el.tagName.toLowerCase(),
      className: el.className,
      href: el.getAttribute('href'),
      text: el.textContent?.trim() ?? '',
      focusVisible: el.matches(':focus-visible'),
      rect: { top: r.top, left: r.left, width: r.width, height: r.height },
      viewport: { width: innerWidth, height: innerHeight },
      visibility: cs.visibility,
      opacity: Number(cs.opacity),
      clipPath: cs.clipPath,
      clip: cs.clip,
      outlineStyle: cs.outlineStyle,
      outlineWidth: parseFloat(cs.outlineWidth),
      boxShadow: cs.boxShadow,
    };
  });
}

function targets(locale: Locale): Record<string, string> {
  const { report, section } = sample(locale);
  return {
    'archive home': paths.archive(locale),
    'report home': paths.report(locale, report),
    [`section ${section.id}`]: paths.section(locale, report, section.id),
    'HKEX index': paths.index(locale, report),
  };
}

describe('skip link', () => {
  const cases: [Locale, string, string][] = [
    ...Object.entries(targets('en')).map(([k, u]) => ['en', k, u] as [Locale, string, string]),
    ['tc', 'section', Object.values(targets('tc'))[2]],
    ['sc', 'section', Object.values(targets('sc'))[2]],
  ];
  for (const [locale, kind, urlPath] of cases) {
    it(`/${locale}/ ${kind}: first Tab focuses a visible skip link that moves to #main`, async () => {
      const { server, newPage } = site();
      const page = await newPage();
      await page.goto(server.url(urlPath));
      await page.keyboard.press('Tab');
      const s = await focusState(page);
      expect(s, 'something is focused after the first Tab').not.toBeNull();
      expect({ tag: s!.tag, skip: String(s!.className).split(/\s+/).includes('skip-link'), href: s!.href }, 'first focus stop').toEqual({
        tag: 'a',
        skip: true,
        href: '#main',
      });
      expect(s!.text, 'skip link has text').not.toBe('');
      expect(s!.focusVisible, ':focus-visible').toBe(true);
      // visible: has size, inside the viewport, not hidden or clipped away
      const { rect, viewport } = s!;
      expect(rect.width * rect.height, `skip link box ${JSON.stringify(rect)}`).toBeGreaterThan(4);
      expect(rect.left >= 0 && rect.top >= 0 && rect.left + rect.width <= viewport.width && rect.top + rect.height <= viewport.height, `skip link inside the viewport: ${JSON.stringify(rect)}`).toBe(true);
      expect(s!.visibility).toBe('visible');
      expect(s!.opacity).toBeGreaterThan(0.5);
      expect(s!.clipPath === 'none' && (s!.clip === 'auto' || s!.clip === ''), `not clipped (clip-path ${s!.clipPath}, clip ${s!.clip})`).toBe(true);
      // focus indicator: an outline or a box-shadow ring
      const indicator = (s!.outlineStyle !== 'none' && s!.outlineWidth > 0) || (s!.boxShadow !== 'none' && s!.boxShadow !== '');
      expect(indicator, `focus indicator (outline ${s!.outlineStyle} ${s!.outlineWidth}px, box-shadow ${s!.boxShadow})`).toBe(true);

      await page.keyboard.press('Enter');
      await page.waitForFunction(() => location.hash === '#main');
      const main = await page.evaluate(() => {
        const m = document.getElementById('main');
        return m ? { tag: m.tagName.toLowerCase(), target: m.matches(':target') } : null;
      });
      expect(main, '<main id="main"> is the :target').toEqual({ tag: 'main', target: true });
    });
  }
});
