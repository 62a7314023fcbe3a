// Landmarks of a page and their names (src/lib/landmarks.ts, check's `unique-landmark`): roles as
// HTML-AAM maps them (an <aside> inside an <article> is no landmark), names from every id of an
// aria-labelledby, and duplicates reported with their line and column.
import { describe, expect, it } from 'vitest';
import { describeDuplicate, duplicateLandmarks, landmarksOf } from '../../src/lib/landmarks.ts';
import { parsePage } from '../../src/lib/site-links.ts';

const page = (body: string) => parsePage(`<!doctype html><html lang="en"><head><title>t</title></head><body>${body}</body></html>`);
const roles = (body: string) => landmarksOf(page(body)).map((l) => `${l.role} ${l.tag} "${l.name}"`);

describe('landmarksOf: roles (HTML-AAM)', () => {
  it('header and footer are banner and contentinfo only outside sectioning content and main', () => {
    expect(roles('<header>h</header><main><article><header>a</header><footer>b</footer></article></main><footer>f</footer>')).toEqual([
      'banner header ""',
      'main main ""',
      'contentinfo footer ""',
    ]);
  });

  it('an <aside> in body or main is complementary; inside article, section, nav or aside only with a name', () => {
    expect(roles('<aside>a</aside><main><aside>b</aside><article><div><aside class="box">c</aside></div><aside aria-label="Named">d</aside></article><section><aside>e</aside></section></main>')).toEqual([
      'complementary aside ""',
      'main main ""',
      'complementary aside ""',
      'complementary aside "Named"',
    ]);
  });

  it('a <section> or <form> is a landmark only with a name; explicit roles win; hidden elements are left out', () => {
    expect(roles('<section><h2>x</h2></section><section aria-label="S">s</section><form></form><form aria-label="F"></form><nav role="presentation"></nav><div role="region" aria-label="R"></div><div role="region"></div><div role="search"></div><nav hidden></nav><div aria-hidden="true"><nav></nav></div>')).toEqual([
      'region section "S"',
      'form form "F"',
      'region div "R"',
      'search div ""',
    ]);
  });
});

describe('landmarksOf: names', () => {
  it('aria-labelledby joins the text of every id it lists, hidden ones included, hidden descendants left out', () => {
    const [region] = landmarksOf(page('<h3 id="r">Alibaba <span aria-hidden="true">✓</span>2023</h3><span id="n" hidden>table 2</span><div role="region" aria-labelledby="r c n" tabindex="0"><table><caption id="c">A1.2 ·\n Values</caption></table></div>'));
    expect(region).toMatchObject({ role: 'region', name: 'Alibaba 2023 A1.2 · Values table 2', selector: 'html > body > div' });
  });

  it('aria-label when aria-labelledby names nothing; title last', () => {
    expect(roles('<nav aria-labelledby="missing" aria-label="Breadcrumbs"></nav><nav title="Pages"></nav>')).toEqual(['navigation nav "Breadcrumbs"', 'navigation nav "Pages"']);
  });
});

describe('duplicateLandmarks', () => {
  it('a section and its scroll region named by the same heading: both, with line and column', () => {
    const tree = page('<main id="main">\n<section aria-labelledby="h"><h2 id="h">GRI</h2>\n  <div role="region" aria-labelledby="h" tabindex="0"><table></table></div></section></main>');
    const dups = duplicateLandmarks(tree);
    expect(dups.map((d) => [d.selector, d.line, d.column, d.others.map((o) => o.selector)])).toEqual([
      ['#main > section', 2, 1, ['#main > section > div']],
      ['#main > section > div', 3, 3, ['#main > section']],
    ]);
    expect(describeDuplicate(dups[0]!)).toMatch(/^<section> is a region landmark named "GRI", like 1 other on the page \(#main > section > div, line 3 column 3\)/);
  });

  it('names are compared without case and spacing; roles apart; unnamed landmarks beside others of their role', () => {
    const dups = duplicateLandmarks(page('<nav aria-label="Contents"></nav><nav aria-label=" contents "></nav><div role="region" aria-label="Contents"></div><aside>a</aside><aside aria-label="More"></aside>'));
    expect(dups.map((d) => `${d.role} "${d.name}" ${d.others.length}`)).toEqual(['navigation "Contents" 1', 'navigation "contents" 1', 'complementary "" 1']);
    expect(describeDuplicate(dups[2]!)).toMatch(/^<aside> is a complementary landmark without an accessible name, beside 1 other complementary landmark/);
  });

  it('the boxes of a section body are no landmarks: no findings for asides inside the article', () => {
    expect(duplicateLandmarks(page('<main><article><aside class="box">a</aside><aside class="box">b</aside></article></main><aside class="toc-aside"><nav aria-label="On this page"></nav></aside>'))).toEqual([]);
  });

  it('distinct names, or one landmark of a role: nothing to report', () => {
    expect(duplicateLandmarks(page('<header></header><main><div role="region" aria-labelledby="a b" tabindex="0"><span id="a">x</span></div><div role="region" aria-labelledby="a c"><span id="b">1</span><span id="c">2</span></div></main>'))).toEqual([]);
  });
});

describe('check reports duplicate landmarks as errors (htmlProblems)', () => {
  it('names the built file, line, element and the section source; aside boxes in the article pass', async () => {
    const { htmlProblems } = await import('../../scripts/lib/site-check.ts');
    const html = '<!DOCTYPE html>\n<html lang="en"><head><title>t</title></head><body><main id="main"><article><div class="prose"><aside class="box"><p>a</p></aside><aside class="box"><p>b</p></aside>\n<section aria-labelledby="h"><h2 id="h">GRI</h2><div role="region" aria-labelledby="h" tabindex="0"><table><tbody><tr><td>1</td></tr></tbody></table></div></section></div></article></main></body></html>\n';
    const problems = htmlProblems([{ file: 'en/x/2018/p1/index.html', html }], new Map([['/en/x/2018/p1/', 'content/reports/x/2018/en/05-p1.mdx']]), '<build>');
    expect(problems.map((p) => `${p.file}:${p.line}: ${p.severity}: ${p.message}`)).toEqual([
      expect.stringMatching(/^<build>\/en\/x\/2018\/p1\/index.html:3: error: HTML \[unique-landmark\] column 1: <section> is a region landmark named "GRI", like 1 other .* — at #main > article > div > section \(page built from content\/reports\/x\/2018\/en\/05-p1.mdx\) \(on \/en\/x\/2018\/p1\/\)$/),
      expect.stringMatching(/^<build>\/en\/x\/2018\/p1\/index.html:3: error: HTML \[unique-landmark\] column \d+: <div> is a region landmark named "GRI".* — at #main > article > div > section > div /),
    ]);
  });
});
