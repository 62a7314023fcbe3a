/** The built-site link and anchor checker of `npm run check`, on small in-memory sites. */
import { describe, expect, it } from 'vitest';
import { checkLinks, fileToUrl, lineInSource, sectionSources, urlToFile, type BuiltPage } from '../../src/lib/site-links.ts';
import { linkProblems } from '../../scripts/lib/site-check.ts';

const page = (file: string, body: string, head = ''): BuiltPage => ({
  file,
  html: `<!DOCTYPE html><html lang="en"><head><title>t</title>${head}</head><body>\n${body}\n</body></html>`,
});

/** A tiny site in directory format: a home, a report home with a section and a CSV download. */
const files = ['index.html', 'en/index.html', 'en/r/2018/index.html', 'en/r/2018/p1/index.html', 'data/r/2018.csv', 'favicon.svg', '_astro/a.css'];

const broken = (pages: BuiltPage[], all = files) =>
  checkLinks(pages, all).broken.map(({ page, value, kind, target, fragment, line, inContent }) => ({ page, value, kind, target, fragment, line, inContent }));

describe('URL ↔ built file (trailingSlash always, directory format)', () => {
  it('maps files to the URLs they are served at', () => {
    expect(fileToUrl('index.html')).toBe('/');
    expect(fileToUrl('en/r/2018/index.html')).toBe('/en/r/2018/');
    expect(fileToUrl('data/r/2018.csv')).toBe('/data/r/2018.csv');
  });

  it('resolves /x/ to x/index.html, /x to the file x, and refuses what is not built', () => {
    const set = new Set(files);
    expect(urlToFile('/en/r/2018/', set)).toBe('en/r/2018/index.html');
    expect(urlToFile('/data/r/2018.csv', set)).toBe('data/r/2018.csv');
    expect(urlToFile('/favicon.svg', set)).toBe('favicon.svg');
    expect(urlToFile('/en/r/2019/', set)).toBeUndefined();
    expect(urlToFile('/data/r/2018.csv/', set)).toBeUndefined();
    expect(urlToFile('/en/../index.html', set)).toBeUndefined();
  });
});

describe('checkLinks', () => {
  it('passes a site whose links, assets and anchors all resolve', () => {
    const pages = [
      page('en/index.html', '<a href="/en/r/2018/">r</a><a href="r/2018/p1/#s1">s1</a><img src="/favicon.svg" alt=""><a href="#top">top</a>', '<link rel="stylesheet" href="/_astro/a.css"><link rel="canonical" href="https://site.example/en/">'),
      page('en/r/2018/index.html', '<a href="../../">up</a><a href="p1/">p1</a><a href="/data/r/2018.csv">csv</a>'),
      page('en/r/2018/p1/index.html', '<h2 id="s1">One</h2><a name="old"></a><a href="#s1">¶</a><a href="../#">r</a><a href="/en/r/2018/p1/#old">old</a>'),
      page('index.html', '<a href="/en/">en</a><a href="https://elsewhere.example/x/">out</a><a href="mailto:ir@example.com">mail</a>'),
    ];
    const report = checkLinks(pages, files);
    expect(report.broken).toEqual([]);
    expect(report.pages).toBe(4);
    // Internal references: every one but the external and mailto links; fragments checked: 4.
    expect(report.links).toBe(13);
    expect(report.anchors).toBe(4);
  });

  it('finds a link to a page that was not built, with the line of the built file', () => {
    const pages = [page('en/index.html', '<p>\n<a href="/en/r/2019/">2019</a></p>')];
    expect(broken(pages)).toEqual([{ page: 'en/index.html', value: '/en/r/2019/', kind: 'missing', target: '/en/r/2019/', fragment: undefined, line: 3, inContent: false }]);
  });

  it('resolves relative links against the page URL', () => {
    const pages = [page('en/r/2018/p1/index.html', '<a href="../p2/">p2</a><a href="../../2018/p1/">self</a>')];
    expect(broken(pages).map((b) => [b.value, b.target])).toEqual([['../p2/', '/en/r/2018/p2/']]);
  });

  it('checks src and srcset of images and sources, and asset links in the head', () => {
    const pages = [
      page('en/index.html', '<img src="/img/a.png" alt=""><picture><source srcset="/favicon.svg 1x, /img/b.png 2x"><img src="/favicon.svg" alt=""></picture>', '<link rel="stylesheet" href="/_astro/gone.css"><script type="module" src="/_astro/a.js"></script>'),
    ];
    expect(broken(pages).map((b) => b.value).sort()).toEqual(['/_astro/a.js', '/_astro/gone.css', '/img/a.png', '/img/b.png']);
  });

  it('treats absolute URLs on the site origin (canonical) as internal', () => {
    const pages = [page('en/index.html', '', '<link rel="canonical" href="https://site.example/en/"><link rel="alternate" hreflang="zh-Hant-HK" href="https://site.example/tc/">')];
    expect(broken(pages).map((b) => b.target)).toEqual(['/tc/']);
  });

  it('finds an anchor missing on the target page and on the same page, not ids that exist', () => {
    const pages = [
      page('en/r/2018/index.html', '<a href="p1/#s1">ok</a><a href="p1/#s9">bad</a><a href="#contents">bad here</a><h2 id="toc">x</h2>'),
      page('en/r/2018/p1/index.html', '<h2 id="s1">One</h2>'),
    ];
    expect(broken(pages).map((b) => [b.value, b.kind, b.target, b.fragment])).toEqual([
      ['p1/#s9', 'anchor', '/en/r/2018/p1/', 's9'],
      ['#contents', 'anchor', '/en/r/2018/', 'contents'],
    ]);
  });

  it('decodes fragments (ids in Chinese) and does not look for ids in non-HTML files', () => {
    const pages = [page('en/index.html', '<h2 id="排放物">x</h2><a href="#%E6%8E%92%E6%94%BE%E7%89%A9">ok</a><a href="/data/r/2018.csv#row=2">csv</a>')];
    expect(broken(pages)).toEqual([]);
  });

  it('marks references inside the MDX body (.prose) as content, the rest as template', () => {
    const pages = [page('en/r/2018/p1/index.html', '<nav><a href="/en/x/">nav</a></nav><div class="prose"><p><a href="/en/y/">body</a></p></div>')];
    expect(broken(pages).map((b) => [b.value, b.inContent])).toEqual([
      ['/en/x/', false],
      ['/en/y/', true],
    ]);
  });

  it('skips /pagefind/ when the site has no pagefind/ folder, checks it when it has one', () => {
    const pages = [page('en/index.html', '<script type="module" src="/pagefind/pagefind.js"></script>')];
    const without = checkLinks(pages, files);
    expect(without.broken).toEqual([]);
    expect(without.skippedPagefind).toBe(1);
    const withIndex = checkLinks(pages, [...files, 'pagefind/pagefind-entry.json']);
    expect(withIndex.skippedPagefind).toBe(0);
    expect(withIndex.broken.map((b) => b.target)).toEqual(['/pagefind/pagefind.js']);
    expect(checkLinks(pages, [...files, 'pagefind/pagefind.js']).broken).toEqual([]);
  });
});

describe('from a broken link back to the MDX line', () => {
  const report = 'content/reports/acme/2018';
  const content = [
    { path: `${report}/report.yaml`, text: 'issuer: acme\nyear: "2018"\nlanguages: [zh-Hant, en]\n' },
    { path: `${report}/en/01-about.mdx`, text: '---\nid: about\ntitle: About\norder: 1\n---\n\nSee [the data](/en/acme/2018/nope/).\n\nAnd [again](/en/acme/2018/nope/).\n' },
    { path: `${report}/zh-Hant/01-about.mdx`, text: '---\nid: about\ntitle: 關於\norder: 1\n---\n\n見 KPI A1.1。\n' },
  ];

  it('maps every locale’s section page to the MDX it shows (authored, converted, fallback)', () => {
    expect(sectionSources(content)).toEqual(
      new Map([
        ['/en/acme/2018/about/', `${report}/en/01-about.mdx`],
        ['/tc/acme/2018/about/', `${report}/zh-Hant/01-about.mdx`],
        ['/sc/acme/2018/about/', `${report}/zh-Hant/01-about.mdx`],
      ]),
    );
    const hansOnly = [{ path: 'content/reports/x/2023/report.yaml', text: 'languages: [zh-Hans]\n' }, { path: 'content/reports/x/2023/zh-Hans/01-a.mdx', text: '---\nid: a\n---\n' }];
    expect([...sectionSources(hansOnly).keys()]).toEqual(['/en/x/2023/a/', '/tc/x/2023/a/', '/sc/x/2023/a/']);
  });

  it('finds the line by the URL as written (the n-th occurrence), else by the link text, never in the frontmatter', () => {
    const en = content[1]!.text;
    expect(lineInSource(en, { value: '/en/acme/2018/nope/', text: 'the data' })).toBe(7);
    expect(lineInSource(en, { value: '/en/acme/2018/nope/', text: 'again' }, 1)).toBe(9);
    expect(lineInSource(content[2]!.text, { value: '../../../hkex/hkex-2015/A1.1/', text: 'KPI A1.1' })).toBe(7);
    expect(lineInSource(en, { value: '/x/', text: 'About' }, 0, 6)).toBeUndefined();
  });

  it('names the MDX file and line for a body link, the built file for a template link', () => {
    const pages = [
      page('en/acme/2018/about/index.html', '<nav><a href="/en/acme/2018/gone/">x</a></nav><div class="prose"><p>See <a href="/en/acme/2018/nope/">the data</a>.</p><p>And <a href="/en/acme/2018/nope/">again</a>.</p></div>'),
      page('en/acme/2018/index.html', '<nav><a href="/en/acme/2018/gone/">x</a></nav>'),
    ];
    const files = ['en/acme/2018/about/index.html', 'en/acme/2018/index.html'];
    const texts = new Map(content.map((f) => [f.path, f.text]));
    const problems = linkProblems(checkLinks(pages, files).broken, sectionSources(content), (f) => texts.get(f)!, '<build>');
    expect(problems).toEqual([
      {
        file: '<build>/en/acme/2018/about/index.html',
        line: 2,
        severity: 'error',
        message: 'link to /en/acme/2018/gone/ — no such page in the built site (on /en/acme/2018/about/, /en/acme/2018/). It comes from a template (src/pages, src/components, src/layouts), not from content: fix the template (column 6).',
      },
      { file: `${report}/en/01-about.mdx`, line: 7, severity: 'error', message: 'link to /en/acme/2018/nope/ — no such page in the built site (on /en/acme/2018/about/). Fix the URL or the section id.' },
      { file: `${report}/en/01-about.mdx`, line: 9, severity: 'error', message: 'link to /en/acme/2018/nope/ — no such page in the built site (on /en/acme/2018/about/). Fix the URL or the section id.' },
    ]);
  });
});
