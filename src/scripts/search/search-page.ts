/**
 * The search page in the browser: reads the query and filters from the URL, loads Pagefind
 * (only here, only when there is something to search), runs the shared query layer
 * (src/lib/search-query.ts) and renders every result as a link inside [data-search-results].
 */
import { hasHan, highlightExcerpt, isExactMatch, normalizeQuery, runQuery, type Hit, type PagefindApi, type PagefindResultData, type Source } from '../../lib/search-query.ts';
import { needsPairs, withPairs, type ScriptMap } from '../../lib/search-script-map.ts';
import { BUNDLE_PATH, FILTER_KEYS, FIRST_PAGE, INDEX_LANGUAGE, MORE_PAGE, PAGEFIND_OPTIONS, SCRIPT_MAP_PATH, SCRIPT_PAIRS_PATH, type SearchLocale } from '../../lib/search-config.ts';
import { partsFor, SEARCH_PARTS_PATH, type SearchPart, type SearchParts } from '../../lib/search-parts.ts';
import { reportLabelPath, type ReportSearchLabel, type ShownText } from '../../lib/search-labels.ts';


interface Config {
  locale: SearchLocale;
  htmlLang: string;
  chineseLang: string;
  strings: Record<string, string>;
}

interface PagefindInstance extends PagefindApi {
  init(): Promise<void>;
  mergeIndex(path: string, options: Record<string, unknown>): Promise<void>;
}
interface PagefindModule {
  createInstance(options: Record<string, unknown>): PagefindInstance;
}

let pagefindModule: Promise<PagefindModule> | undefined;
let instance: Promise<PagefindInstance> | undefined;
let widened = false;
/** Bundles merged into the instance, by `mergeKey`. */
const merges = new Map<string, Promise<void>>();
/** A bundle merged in a language ('' for the page's own). */
const mergeKey = (path: string, language = '') => `${path} ${language}`;
let manifest: Promise<SearchParts | undefined> | undefined;
const labels = new Map<string, Promise<ReportSearchLabel | undefined>>();
let scriptMap: Promise<ScriptMap | undefined> | undefined;
let scriptPairs: Promise<Record<string, string> | undefined> | undefined;

function loadPagefind(): Promise<PagefindModule> {
  const path = `${BUNDLE_PATH}pagefind.js`;
  pagefindModule ??= import(/* @vite-ignore */ path) as Promise<PagefindModule>;
  return pagefindModule;
}

/** The index's parts (src/lib/search-parts.ts); an index written without parts is one part. */
function loadParts(): Promise<SearchParts | undefined> {
  manifest ??= fetchJson<SearchParts>(SEARCH_PARTS_PATH);
  return manifest;
}

/**
 * One Pagefind instance per page (Pagefind runs on the main thread, `noWorker`: its WASM lives in
 * module state, so a second instance must not load it again). Its own bundle is the first part;
 * the other parts the reader searches are merged into it (multisite `mergeIndex`), and so is the
 * Chinese index of each for English readers who widen the search (narrowing again filters the
 * Chinese results out).
 */
async function pagefindFor(parts: SearchPart[], widen: boolean): Promise<PagefindInstance> {
  instance ??= (async () => {
    const mod = await loadPagefind();
    const pf = mod.createInstance({ ...PAGEFIND_OPTIONS, basePath: BUNDLE_PATH, baseUrl: '/' });
    await pf.init();
    return pf;
  })();
  const pf = await instance;
  widened ||= widen;
  const merge = (path: string, language: string) => {
    const key = mergeKey(path, language);
    // Pagefind skips a merge path that the primary one starts with, so bundles are named by absolute URL.
    if (!merges.has(key)) merges.set(key, pf.mergeIndex(new URL(path, location.href).href, { baseUrl: '/', ...(language ? { language, indexWeight: 0.8 } : {}) }));
    return merges.get(key)!;
  };
  await Promise.all(
    parts.flatMap((part) => [...(part.path === BUNDLE_PATH ? [] : [merge(part.path, '')]), ...(widen ? [merge(part.path, INDEX_LANGUAGE.tc)] : [])]),
  );
  return pf;
}

function fetchJson<T>(path: string): Promise<T | undefined> {
  return fetch(path)
    .then((r) => (r.ok ? (r.json() as Promise<T>) : undefined))
    .catch(() => undefined);
}

/** The archive's script map; its Simplified → Traditional contexts only when the query needs them. */
async function loadScriptMap(query: string, script: 'zh-Hant' | 'zh-Hans'): Promise<ScriptMap | undefined> {
  scriptMap ??= fetchJson<ScriptMap>(SCRIPT_MAP_PATH);
  const core = await scriptMap;
  if (!core || !needsPairs(query, script, core)) return core;
  scriptPairs ??= fetchJson<Record<string, string>>(SCRIPT_PAIRS_PATH);
  const pairs = await scriptPairs;
  return pairs ? withPairs(core, pairs) : core;
}

/** A report's label and chapters in the page's language (its `search.json`), fetched once. */
function labelOf(locale: string, issuer: string | undefined, year: string | undefined): Promise<ReportSearchLabel | undefined> {
  if (!issuer || !year) return Promise.resolve(undefined);
  const path = reportLabelPath(locale, issuer, year);
  if (!labels.has(path)) labels.set(path, fetchJson<ReportSearchLabel>(path));
  return labels.get(path)!;
}

function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

interface State {
  q: string;
  filters: Record<string, string[]>;
  sort: '' | 'year-desc' | 'year-asc';
  widen: boolean;
}

function readState(params: URLSearchParams): State {
  const filters: Record<string, string[]> = {};
  for (const key of FILTER_KEYS) {
    const values = params.getAll(key).map((v) => (key === 'hkex' ? v.trim().toUpperCase() : v.trim())).filter(Boolean);
    if (values.length) filters[key] = values;
  }
  const sort = params.get('sort');
  return { q: params.get('q') ?? '', filters, sort: sort === 'year-desc' || sort === 'year-asc' ? sort : '', widen: params.get('zh') === '1' };
}

function shown(tag: 'span' | 'option', text: ShownText, attrs: Record<string, string> = {}): HTMLElement {
  return el(tag, { ...attrs, ...(text.lang ? { lang: text.lang } : {}) }, text.text);
}

/**
 * The chapter filter lists the chapters of one report: the chosen issuer's report of the chosen
 * year, or the report of a chapter already in the URL (its value is issuer/year/chapter).
 */
async function fillChapters(form: HTMLFormElement, state: State, locale: string, anyLabel: string): Promise<void> {
  const select = form.querySelector<HTMLSelectElement>('[data-search-chapters]');
  if (!select) return;
  const chosen = state.filters.chapter?.[0];
  const [issuer, year] = chosen ? chosen.split('/') : state.filters.issuer?.length === 1 && state.filters.year?.length === 1 ? [state.filters.issuer[0], state.filters.year[0]] : [];
  const label = await labelOf(locale, issuer, year);
  const options = [el('option', { value: '' }, anyLabel), ...(label?.chapters ?? []).map((c) => shown('option', c.title, { value: c.value }))];
  select.replaceChildren(...options);
  select.value = chosen && label?.chapters.some((c) => c.value === chosen) ? chosen : '';
}

function fillForm(form: HTMLFormElement, state: State) {
  const set = (name: string, value: string) => {
    const field = form.elements.namedItem(name);
    if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement) field.value = value;
  };
  set('q', state.q);
  for (const key of FILTER_KEYS) set(key, state.filters[key]?.[0] ?? '');
  set('sort', state.sort);
  const zh = form.elements.namedItem('zh');
  if (zh instanceof HTMLInputElement) zh.checked = state.widen;
}

function formParams(form: HTMLFormElement): URLSearchParams {
  const params = new URLSearchParams();
  for (const [k, v] of new FormData(form)) if (typeof v === 'string' && v.trim() !== '') params.append(k, v.trim());
  return params;
}

export function startSearchPage(): void {
  const configEl = document.getElementById('search-config');
  const form = document.querySelector<HTMLFormElement>('[data-search-form]');
  const status = document.querySelector<HTMLElement>('[data-search-status]');
  const output = document.querySelector<HTMLElement>('[data-search-results]');
  if (!configEl || !form || !status || !output) return;
  const config = JSON.parse(configEl.textContent ?? '{}') as Config;
  const s = config.strings;
  let run = 0;
  /** How many of the parts that can match a search (query and filters) the reader asked for. */
  const reach = new Map<string, number>();
  let focusFirst = false;

  const render = async (hits: Hit[], state: State, sources: Source[], shown: number, token: number, focusFrom?: number) => {
    let list = output.querySelector<HTMLOListElement>('ol.search-results');
    if (!list) {
      list = el('ol', { class: 'search-results' });
      output.append(list);
    }
    const start = list.children.length;
    const batch = hits.slice(start, shown);
    const datas = await Promise.all(batch.map((h) => h.result.data()));
    const reports = await Promise.all(datas.map((d) => labelOf(config.locale, d.filters.issuer?.[0], d.filters.year?.[0])));
    if (token !== run) return;
    batch.forEach((hit, i) => list.append(renderHit(hit, datas[i]!, reports[i], state, sources)));
    output.querySelector('[data-search-more]')?.remove();
    if (hits.length > shown) {
      const more = el('button', { type: 'button', class: 'search-more', 'data-search-more': '' }, s.searchMore);
      more.addEventListener('click', () => void render(hits, state, sources, shown + MORE_PAGE, token, shown));
      output.append(more);
    }
    if (focusFrom !== undefined) list.children[focusFrom]?.querySelector<HTMLAnchorElement>('a')?.focus();
  };

  const renderHit = (hit: Hit, data: PagefindResultData, report: ReportSearchLabel | undefined, state: State, sources: Source[]): HTMLLIElement => {
    const chinese = config.locale === 'en' && /^\/(tc|sc)\//.test(new URL(data.url, location.href).pathname);
    const li = el('li', { class: 'search-result', 'data-tier': String(hit.tier) });
    const meta = data.meta;
    // labelled by report and year, in the reader's language (the report's search.json)
    const source = el('p', { class: 'search-result-source' });
    if (report) {
      source.append(shown('span', report.issuer), ' · ', shown('span', report.year));
      const isHome = new URL(data.url, location.href).pathname.split('/').filter(Boolean).length === 3;
      if (!isHome) source.append(' — ', shown('span', report.title));
    }
    if (chinese) source.append(' ', el('span', { class: 'search-badge', 'data-search-chinese': '' }, s.searchChineseResult!));
    // A Chinese hit that only matched scattered pairs is labelled as related, not exact.
    if (hit.tier > 0 && !isExactMatch(state.q, hit.source, data.content)) {
      {
        li.dataset.partial = '';
        source.append(' ', el('span', { class: 'search-badge search-badge-partial' }, s.searchPartial!));
      }
    }
    const heading = el('h3', chinese ? { lang: config.chineseLang } : {});
    heading.append(el('a', { href: data.url }, meta.title ?? data.url));
    const excerpt = el('p', { class: 'search-excerpt', ...(chinese ? { lang: config.chineseLang } : {}) });
    excerpt.innerHTML = highlightExcerpt(data.excerpt, state.q, hit.source); // Pagefind escapes the text and only adds <mark>
    li.append(source, heading, excerpt);
    const pageUrl = data.url.replace(/#.*$/, '');
    const subs = data.sub_results.filter((sub) => sub.url !== pageUrl && sub.url.includes('#')).slice(0, 3);
    if (subs.length) {
      const ul = el('ul', { class: 'search-subresults', 'aria-label': s.searchInSection!, ...(chinese ? { lang: config.chineseLang } : {}) });
      for (const sub of subs) {
        const item = el('li');
        item.append(el('a', { href: sub.url }, sub.title));
        const ex = el('span', { class: 'search-excerpt' });
        ex.innerHTML = ` ${highlightExcerpt(sub.excerpt, state.q, hit.source)}`;
        item.append(ex);
        ul.append(item);
      }
      li.append(ul);
    }
    return li;
  };

  const search = async () => {
    const token = ++run;
    const state = readState(new URLSearchParams(location.search));
    fillForm(form, state);
    void fillChapters(form, state, config.locale, s.searchAny!);
    output.replaceChildren();
    const q = normalizeQuery(state.q);
    if (q === '' && Object.keys(state.filters).length === 0) {
      status.textContent = s.searchEmpty!;
      return;
    }
    status.textContent = s.searchLoading!;
    output.setAttribute('aria-busy', 'true');
    try {
      const widen = config.locale === 'en' && state.widen;
      const script = config.locale === 'tc' || widen ? 'zh-Hant' : config.locale === 'sc' ? 'zh-Hans' : undefined;
      void loadPagefind();
      // without a manifest the page's own bundle is all there is (it is searched in any case)
      const parts = await loadParts();
      const candidates = parts ? partsFor(parts, state.filters) : [];
      const key = `${q}\n${JSON.stringify(state.filters)}\n${widen}`;
      const wanted = candidates.slice(0, reach.get(key) ?? 1);
      const [api, map] = await Promise.all([pagefindFor(wanted, widen), script && hasHan(q) ? loadScriptMap(q, script) : Promise.resolve(undefined)]);
      const sources: Source[] = [{ api, kind: 'native', script, scriptMap: map }];
      // after a widened search the Chinese index stays merged: keep to English unless widened
      const filters = config.locale === 'en' && !widen && widened ? { ...state.filters, locale: ['en'] } : state.filters;
      const hits = await runQuery(sources, q, { filters, ...(state.sort ? { sort: state.sort } : {}) });
      if (token !== run) return;
      status.textContent = hits.length === 0 ? format(s.searchNone!, { q }) : format(q ? s.searchCount! : s.searchCountFiltered!, { n: hits.length, q });
      // the parts searched so far (those merged earlier count too) and the ones left
      const searched = candidates.filter((p) => p.path === BUNDLE_PATH || merges.has(mergeKey(p.path)));
      const left = candidates.filter((p) => !searched.includes(p));
      if (left.length > 0) {
        const count = (ps: SearchPart[]) => ps.reduce((n, p) => n + p.reports, 0);
        status.textContent += ` ${format(s.searchScope!, { n: count(searched), total: count(candidates) })}`;
      }
      // an English reader who typed Chinese: point to the widened search
      else if (hits.length === 0 && config.locale === 'en' && !widen && hasHan(q)) status.textContent += ` ${s.searchTryChinese}`;
      await render(hits, state, sources, FIRST_PAGE, token, focusFirst && hits.length > 0 ? 0 : undefined);
      focusFirst = false;
      if (token !== run || left.length === 0) return;
      const wider = el('button', { type: 'button', class: 'search-more', 'data-search-wider': '' }, format(s.searchWider!, { n: left[0]!.reports }));
      wider.addEventListener('click', () => {
        reach.set(key, candidates.indexOf(left[0]!) + 1);
        focusFirst = true;
        void search();
      });
      output.append(wider);
    } catch (error) {
      console.error(error);
      if (token === run) status.textContent = s.searchFailed!;
    } finally {
      if (token === run) output.removeAttribute('aria-busy');
    }
  };

  const submit = () => {
    const params = formParams(form);
    const next = `${location.pathname}${params.size ? `?${params}` : ''}`;
    if (next !== `${location.pathname}${location.search}`) history.pushState(null, '', next);
    void search();
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });
  form.addEventListener('change', (event) => {
    const target = event.target as HTMLElement;
    if (target instanceof HTMLInputElement && (target.name === 'q' || target.name === 'hkex')) return; // Enter submits those
    // a chapter belongs to one report: another issuer or year drops it
    if (target instanceof HTMLSelectElement && (target.name === 'issuer' || target.name === 'year')) {
      const chapter = form.elements.namedItem('chapter');
      if (chapter instanceof HTMLSelectElement) chapter.value = '';
    }
    submit();
  });
  window.addEventListener('popstate', () => void search());
  void search();
}
