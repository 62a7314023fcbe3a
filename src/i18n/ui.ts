import type { Locale } from './locales.ts';

/** Interface strings. Simplified strings are written out, not converted, so they read naturally. */
const en = {
  siteName: 'HKEX ESG Report Archive',
  siteTagline: 'Environmental, social and governance reports of Hong Kong-listed companies, section by section.',
  skipToContent: 'Skip to content',
  chooseLanguage: 'Choose a language',
  language: 'Language',
  archive: 'Archive',
  reports: 'Reports',
  issuer: 'Issuer',
  stockCode: 'Stock code',
  year: 'Year',
  reportingPeriod: 'Reporting period',
  languages: 'Languages',
  contents: 'Contents',
  reportContents: 'Report contents',
  onThisPage: 'On this page',
  breadcrumbs: 'Breadcrumbs',
  previous: 'Previous',
  next: 'Next',
  pagination: 'Previous and next sections',
  printedPages: 'Printed pages',
  pageAbbr: 'p.',
  hkexIndex: 'HKEX ESG index',
  hkexIndexTitle: 'HKEX ESG Reporting Guide index',
  hkexIndexIntro: 'Every aspect and KPI of the edition this report references, in Guide order, with the sections that disclose it.',
  frameworkCodes: 'HKEX ESG codes disclosed in this section',
  referencedEdition: 'HKEX edition referenced',
  code: 'Code',
  item: 'Aspect or KPI',
  status: 'Status',
  disclosedIn: 'Disclosed in',
  'status.disclosed': 'Disclosed',
  'status.not-applicable': 'Not applicable',
  'status.explained': 'Explained',
  'status.not-reported': 'Not reported',
  'status.no-data': 'Not indexed',
  'status.deleted': 'Deleted in this edition',
  'kind.area': 'Subject area',
  'kind.mandatory': 'Mandatory disclosure requirement',
  'kind.paragraph': 'Climate-related disclosure',
  applicableEdition: 'HKEX edition applicable to the financial year',
  editionMismatch: 'The report references a different edition from the one that applies to its financial year.',
  'kind.aspect': 'General disclosure',
  'kind.kpi': 'KPI',
  linkToHeading: 'Link to this heading',
  notFoundTitle: 'Page not found',
  notFoundText: 'This page does not exist. It may have moved when the archive was rebuilt.',
  backToArchive: 'Go to the archive',
  fallbackNotice: 'This report has no English edition. The text below is the Chinese edition.',
  readChinese: 'Read it in Chinese',
  convertedNotice: '',
  sections: 'sections',
  editionAuthored: 'authored',
  editionConverted: 'converted',
} as const;

export type UiKey = keyof typeof en;
type Strings = Record<UiKey, string>;

const tc: Strings = {
  siteName: '港交所ESG報告資料庫',
  siteTagline: '香港上市公司的環境、社會及管治報告，逐節閱讀。',
  skipToContent: '跳至內容',
  chooseLanguage: '選擇語言',
  language: '語言',
  archive: '資料庫',
  reports: '報告',
  issuer: '發行人',
  stockCode: '股份代號',
  year: '年度',
  reportingPeriod: '報告期',
  languages: '語言版本',
  contents: '目錄',
  reportContents: '報告目錄',
  onThisPage: '本頁內容',
  breadcrumbs: '導覽路徑',
  previous: '上一節',
  next: '下一節',
  pagination: '上一節及下一節',
  printedPages: '印刷版頁碼',
  pageAbbr: '第',
  hkexIndex: '港交所ESG指標索引',
  hkexIndexTitle: '香港聯交所ESG報告指引索引',
  hkexIndexIntro: '本報告所引用版本的每個層面及關鍵績效指標，按指引次序排列，並連結至披露該項的章節。',
  frameworkCodes: '本節披露的港交所ESG指標',
  referencedEdition: '所引用的港交所版本',
  code: '指標',
  item: '層面或關鍵績效指標',
  status: '狀態',
  disclosedIn: '披露章節',
  'status.disclosed': '已披露',
  'status.not-applicable': '不適用',
  'status.explained': '已解釋',
  'status.not-reported': '未披露',
  'status.no-data': '未列入索引',
  'status.deleted': '本版已刪除',
  'kind.area': '主要範疇',
  'kind.mandatory': '強制披露規定',
  'kind.paragraph': '氣候相關披露',
  applicableEdition: '適用於該財政年度的港交所版本',
  editionMismatch: '報告所引用的版本與其財政年度適用的版本不同。',
  'kind.aspect': '一般披露',
  'kind.kpi': '關鍵績效指標',
  linkToHeading: '連結至此標題',
  notFoundTitle: '找不到頁面',
  notFoundText: '此頁面不存在，可能已在資料庫重建時移動。',
  backToArchive: '前往資料庫',
  fallbackNotice: '此報告沒有英文版，以下為中文版內容。',
  readChinese: '閱讀中文版',
  convertedNotice: '本頁繁體中文由簡體中文原文自動轉換。',
  sections: '節',
  editionAuthored: '原文',
  editionConverted: '轉換',
};

const sc: Strings = {
  siteName: '港交所ESG报告资料库',
  siteTagline: '香港上市公司的环境、社会及管治报告，逐节阅读。',
  skipToContent: '跳至内容',
  chooseLanguage: '选择语言',
  language: '语言',
  archive: '资料库',
  reports: '报告',
  issuer: '发行人',
  stockCode: '股份代号',
  year: '年度',
  reportingPeriod: '报告期',
  languages: '语言版本',
  contents: '目录',
  reportContents: '报告目录',
  onThisPage: '本页内容',
  breadcrumbs: '导览路径',
  previous: '上一节',
  next: '下一节',
  pagination: '上一节及下一节',
  printedPages: '印刷版页码',
  pageAbbr: '第',
  hkexIndex: '港交所ESG指标索引',
  hkexIndexTitle: '香港联交所ESG报告指引索引',
  hkexIndexIntro: '本报告所引用版本的每个层面及关键绩效指标，按指引次序排列，并链接至披露该项的章节。',
  frameworkCodes: '本节披露的港交所ESG指标',
  referencedEdition: '所引用的港交所版本',
  code: '指标',
  item: '层面或关键绩效指标',
  status: '状态',
  disclosedIn: '披露章节',
  'status.disclosed': '已披露',
  'status.not-applicable': '不适用',
  'status.explained': '已解释',
  'status.not-reported': '未披露',
  'status.no-data': '未列入索引',
  'status.deleted': '本版已删除',
  'kind.area': '主要范畴',
  'kind.mandatory': '强制披露规定',
  'kind.paragraph': '气候相关披露',
  applicableEdition: '适用于该财政年度的港交所版本',
  editionMismatch: '报告所引用的版本与其财政年度适用的版本不同。',
  'kind.aspect': '一般披露',
  'kind.kpi': '关键绩效指标',
  linkToHeading: '链接至此标题',
  notFoundTitle: '找不到页面',
  notFoundText: '此页面不存在，可能已在资料库重建时移动。',
  backToArchive: '前往资料库',
  fallbackNotice: '此报告没有英文版，以下为中文版内容。',
  readChinese: '阅读中文版',
  convertedNotice: '本页简体中文由繁体中文原文自动转换。',
  sections: '节',
  editionAuthored: '原文',
  editionConverted: '转换',
};

const STRINGS: Record<Locale, Strings> = { en, tc, sc };

export function t(locale: Locale, key: UiKey): string {
  return STRINGS[locale][key];
}

/** A translator bound to one locale, for components. */
export function useT(locale: Locale): (key: UiKey) => string {
  return (key) => STRINGS[locale][key];
}

/** "p. 6–11" / "第6–11頁" */
export function formatPages(locale: Locale, pages: { from: number; to?: number | undefined }): string {
  const range = pages.to !== undefined && pages.to !== pages.from ? `${pages.from}–${pages.to}` : `${pages.from}`;
  if (locale === 'en') return `p. ${range}`;
  return `第${range}頁`.replace('頁', locale === 'sc' ? '页' : '頁');
}

/** Dates as readers of each locale write them; fixed formats keep builds deterministic. */
export function formatDate(locale: Locale, iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  if (locale === 'en') {
    const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    return `${d} ${months[m - 1]} ${y}`;
  }
  return `${y}年${m}月${d}日`;
}

export function formatPeriod(locale: Locale, period: { start: string; end: string }): string {
  return `${formatDate(locale, period.start)} – ${formatDate(locale, period.end)}`;
}
