import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  createConverter,
  emptyDictionary,
  loadDictionaries,
  makeDictionary,
  parseDictionary,
  traditionalOnlyChars,
} from '../../src/lib/script-convert.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dictionary = loadDictionaries(`${root}content/dictionaries`);
const t2s = createConverter({ from: 'zh-Hant', to: 'zh-Hans', dictionary });
const s2t = createConverter({ from: 'zh-Hans', to: 'zh-Hant', dictionary });

/** The real report text with hard line wraps inside Chinese text removed (as the importer does). */
const rawHant = readFileSync(
  `${root}content/reports/alibaba-health/2018/source/alibaba-health-fy2018.zh-Hant.txt`,
  'utf8',
);
const CJK = '[\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef]';
const joinedHant = rawHant.replace(new RegExp(`(${CJK})\\n(?:[ \\t]*\\n)*[ \\t]?(?=${CJK})`, 'gu'), '$1');

/**
 * Traditional → Simplified goldens. Sources are copied from the Alibaba Health FY2018 zh-Hant report
 * (lines joined); expected strings were written by reading, as a mainland editor would write them
 * (including “” for 「」). `fix` names what makes the result right when plain opencc hk→cn is not.
 */
const T2S: Array<{ name: string; src: string; want: string }> = [
  { name: '於 → 于, legal name, HK term 環境、社會及管治', src: '於2017年度報告中，阿里健康信息技術有限公司首次披露環境、社會及管治信息。', want: '于2017年度报告中，阿里健康信息技术有限公司首次披露环境、社会及管治信息。' },
  { name: 'quotes 「」 → “”', src: '為便於表述和方便閱讀，阿里健康信息技術有限公司在報告中的表述分別使用「阿里健康」、「公司」或「我們」。', want: '为便于表述和方便阅读，阿里健康信息技术有限公司在报告中的表述分别使用“阿里健康”、“公司”或“我们”。' },
  { name: 'dates and numbers unchanged, 範圍', src: '本報告的時間跨度為阿里健康2018財年，自2017年4月1日至2018年3月31日，部分內容超出此時間範圍。', want: '本报告的时间跨度为阿里健康2018财年，自2017年4月1日至2018年3月31日，部分内容超出此时间范围。' },
  { name: '裡 → 里, Latin CEO kept', src: '作為阿里健康的CEO，很高興在這裡與大家分享阿里健康這一年來在履行社會責任方面的成果和感想。', want: '作为阿里健康的CEO，很高兴在这里与大家分享阿里健康这一年来在履行社会责任方面的成果和感想。' },
  { name: '幾年裡, 什麼 → 什么', src: '在阿里健康在互聯網健康行業摸索前行的這幾年裡，我們一直在思考，什麼是當下社會之所需，我們又能為社會做些什麼。', want: '在阿里健康在互联网健康行业摸索前行的这几年里，我们一直在思考，什么是当下社会之所需，我们又能为社会做些什么。' },
  { name: 'Taiwan-form 著 → 着 (fixed by the tw-variants step; plain hk→cn leaves 随著)', src: '隨著經濟發展由高速增長階段轉向高質量發展階段，民眾對於健康的需求也在逐漸發生著變化，這種改變更是健康觀念的轉變，健康變成了一個家庭的必需品，正悄悄與幸福劃上等號，成為這一代中國人共同追求的生活目標之一。', want: '随着经济发展由高速增长阶段转向高质量发展阶段，民众对于健康的需求也在逐渐发生着变化，这种改变更是健康观念的转变，健康变成了一个家庭的必需品，正悄悄与幸福划上等号，成为这一代中国人共同追求的生活目标之一。' },
  { name: '採取/製冷 → 采取/制冷', src: '2018財年，我們除了在辦公場所採取多種能源和資源節約措施以踐行綠色運營理念外，在多個大型倉庫採用節能環保的製冷系統，大大降低了能源消耗量，進一步減輕了對環境的負面影響。', want: '2018财年，我们除了在办公场所采取多种能源和资源节约措施以践行绿色运营理念外，在多个大型仓库采用节能环保的制冷系统，大大降低了能源消耗量，进一步减轻了对环境的负面影响。' },
  { name: 'name 曹禺 and quotations', src: '「我們會在未來繼續依託我們的健康業務特色，希望我們的健康公益活動，能帶給這個社會更多溫暖和改變」阿里健康公益委員會主席曹禺：「公益，是阿里健康成立以來一直在做的事。', want: '“我们会在未来继续依托我们的健康业务特色，希望我们的健康公益活动，能带给这个社会更多温暖和改变”阿里健康公益委员会主席曹禺：“公益，是阿里健康成立以来一直在做的事。' },
  { name: '臺 → 台, stock code in quotes', src: '戰略在醫藥健康領域的旗艦平臺，在香港聯交所上市，股票代碼為「00241」。', want: '战略在医药健康领域的旗舰平台，在香港联交所上市，股票代码为“00241”。' },
  { name: '售後 → 售后, 平臺 → 平台', src: '自2016年9月上線以來，阿里健康自營大藥房以豐富多樣的藥品選擇、專業高效的售前售後服務，贏得了平臺消費者的認可。', want: '自2016年9月上线以来，阿里健康自营大药房以丰富多样的药品选择、专业高效的售前售后服务，赢得了平台消费者的认可。' },
  { name: '帶著 → 带着, 瞭解 → 了解', src: '有時候會帶著老人和孩子一起來，能讓家裡人都瞭解到正確的健康知識。', want: '有时候会带着老人和孩子一起来，能让家里人都了解到正确的健康知识。' },
  { name: '下著大雨 → 下着大雨, 心裡', src: '「杭州外面下著大雨，剛拔的智齒痛的要命，在阿里健康上下了一單，雖然一個小時才送到，但是心裡暖暖的。', want: '“杭州外面下着大雨，刚拔的智齿痛的要命，在阿里健康上下了一单，虽然一个小时才送到，但是心里暖暖的。' },
  { name: '兩萬餘家 → 两万余家, O2O kept', src: '• 吸納兩萬餘家藥房門店，通過線下藥店為中國一百多個城市的消費者提供醫藥O2O服務。', want: '• 吸纳两万余家药房门店，通过线下药店为中国一百多个城市的消费者提供医药O2O服务。' },
  { name: '剩餘 → 剩余, 系統 → 系统', src: '• 商家點擊發貨時檢驗，若系統發現商品剩餘保質期不滿足要求，也將視為違規對商品下架。', want: '• 商家点击发货时检验，若系统发现商品剩余保质期不满足要求，也将视为违规对商品下架。' },
  { name: 'grouped numbers 23,000 / 50,000, 諮詢 → 咨询', src: '截至2018財年末，阿里健康簽約提供在線健康諮詢服務的執業醫師、執業藥師和營養師合計已將近23,000人，日均諮詢量已超過50,000次。', want: '截至2018财年末，阿里健康签约提供在线健康咨询服务的执业医师、执业药师和营养师合计已将近23,000人，日均咨询量已超过50,000次。' },
  { name: '診療後的後期複診 → 诊疗后的后期复诊', src: '阿里健康還致力於為消費者提供日常護理及專業診療後的後期複診等多元化醫療健康服務，為消費者提供線上線下一體的全鏈路醫療健康服務，滿足消費者的個性化、定制化健康服務需求。', want: '阿里健康还致力于为消费者提供日常护理及专业诊疗后的后期复诊等多元化医疗健康服务，为消费者提供线上线下一体的全链路医疗健康服务，满足消费者的个性化、定制化健康服务需求。' },
  { name: '提昇 → 提升', src: '與此同時，阿里健康注重且不斷提昇平臺產品的安全性管理，通過各種質量檢測措施提昇平臺上銷售產品的整體品質，為用戶的健康消費構築堅實的保障基石。', want: '与此同时，阿里健康注重且不断提升平台产品的安全性管理，通过各种质量检测措施提升平台上销售产品的整体品质，为用户的健康消费构筑坚实的保障基石。' },
  { name: '薰蒸 → 熏蒸 (dictionary fix: opencc keeps 薰蒸), 發黴 → 发霉', src: '而充斥各大新聞平臺的「以次充好」、「發黴長蟲」、「農藥殘留」、「硫磺薰蒸」等問題，在讓消費者們徒增疑慮的同時，也似乎需要他們練就一副火眼金睛，才能不讓「養生」變「傷身」。', want: '而充斥各大新闻平台的“以次充好”、“发霉长虫”、“农药残留”、“硫磺熏蒸”等问题，在让消费者们徒增疑虑的同时，也似乎需要他们练就一副火眼金睛，才能不让“养生”变“伤身”。' },
  { name: '鑒別 → 鉴别, 依靠著 → 依靠着', src: '絕大多數消費者並不具備鑒別醫藥產品質量的經驗和知識，很多時候都是依靠著對銷售人員和銷售平臺的信賴進行選購，如果購買的產品具有質量問題，輕則全無見效，重則加重病情。', want: '绝大多数消费者并不具备鉴别医药产品质量的经验和知识，很多时候都是依靠着对销售人员和销售平台的信赖进行选购，如果购买的产品具有质量问题，轻则全无见效，重则加重病情。' },
  { name: '恆溫 → 恒温, 櫃 → 柜, 儀器', src: '經過前期試運營，透明實驗室已採購紫外分光光度計、酶標儀、電熱恆溫培養箱、超聲波震盪提取器、高速萬能粉碎機、生物安全櫃等儀器設備，目前能對微生物、農藥殘留、非法添加物等做快速檢測。', want: '经过前期试运营，透明实验室已采购紫外分光光度计、酶标仪、电热恒温培养箱、超声波震荡提取器、高速万能粉碎机、生物安全柜等仪器设备，目前能对微生物、农药残留、非法添加物等做快速检测。' },
  { name: 'dates and counts unchanged', src: '截至2018年4月18日，透明實驗室已對阿里健康自營藥房經營的枸杞、蜂蜜、減肥類保健食品三大類別共計85個產品實現批批檢測，累計完成143批次產品、171個項目的檢測。', want: '截至2018年4月18日，透明实验室已对阿里健康自营药房经营的枸杞、蜂蜜、减肥类保健食品三大类别共计85个产品实现批批检测，累计完成143批次产品、171个项目的检测。' },
  { name: '掃瞄 → 扫描 (dictionary fix: opencc gives 扫瞄), brand names', src: '患者只需通過手機淘寶、支付寶或阿里健康客戶端掃瞄藥盒上的條形碼，就可以輕鬆獲得藥品信息，掌握疾病和健康管理知識。', want: '患者只需通过手机淘宝、支付宝或阿里健康客户端扫描药盒上的条形码，就可以轻松获得药品信息，掌握疾病和健康管理知识。' },
  { name: '公示後，於 → 公示后，于', src: '成人用品質量技術規範經過公示後，於2017年12月1日起作為阿里健康平臺的強制性質量標準。', want: '成人用品质量技术规范经过公示后，于2017年12月1日起作为阿里健康平台的强制性质量标准。' },
  { name: '乾電池 → 干电池', src: '對於廢舊乾電池，公司聯繫有資質的第三方環保公司，定期進行收集和處置。', want: '对于废旧干电池，公司联系有资质的第三方环保公司，定期进行收集和处置。' },
  { name: '佔比 → 占比, percentage', src: '截至2018年3月31日，阿里健康擁有員工484人，其中女員工佔比45.5%。', want: '截至2018年3月31日，阿里健康拥有员工484人，其中女员工占比45.5%。' },
  { name: '噸 → 吨, decimal and glued footnote digit', src: '本報告期內，阿里健康共產生溫室氣體排放353.7噸二氧化碳當量2。', want: '本报告期内，阿里健康共产生温室气体排放353.7吨二氧化碳当量2。' },
  { name: 'text that already writes 台 and brand 碼上放心', src: '對實施追溯的藥品，在出庫時進行追溯碼掃碼並將數據上傳至碼上放心追溯平台。', want: '对实施追溯的药品，在出库时进行追溯码扫码并将数据上传至码上放心追溯平台。' },
  { name: 'book title 《阿里巴巴集團數據安全總綱》', src: '在日常運營中，阿里健康沿用《阿里巴巴集團數據安全總綱》等數據安全執行規範，將各類數據根據風險等級，實行分級管理與權限審批。', want: '在日常运营中，阿里健康沿用《阿里巴巴集团数据安全总纲》等数据安全执行规范，将各类数据根据风险等级，实行分级管理与权限审批。' },
  { name: 'index row: KPI code A1.2 and page number unchanged', src: 'A1.2 溫室氣體總排放量（以噸計算）及（如適用）密度（如以每產量單位、每項設施計算） 37', want: 'A1.2 温室气体总排放量（以吨计算）及（如适用）密度（如以每产量单位、每项设施计算） 37' },
  { name: 'index row: A2.5 not applicable, 製成品 → 制成品', src: 'A2.5 製成品所用包裝材料的總量（以噸計算）及（如適用）每生產單位占量 不適用', want: 'A2.5 制成品所用包装材料的总量（以吨计算）及（如适用）每生产单位占量 不适用' },
  { name: '傢俱 → 家具, 製造 → 制造', src: '對於物料採購，公司在篩選供應商時會考慮其生產、製造、運輸、儲存過程是否會產生較大的環境影響，並優先選擇採購節能家電、環保傢俱等綠色產品，降低自身運營產生的環境影響。', want: '对于物料采购，公司在筛选供应商时会考虑其生产、制造、运输、储存过程是否会产生较大的环境影响，并优先选择采购节能家电、环保家具等绿色产品，降低自身运营产生的环境影响。' },
  { name: '每週 → 每周, section number 03', src: '03 物流配送時效監控對第三方物流服務商配送時效進行整體監控已保證顧客體驗；對發生異常的訂單及時發現並妥善處理，要求每天和每週提報數據；對第三方物流服務商的服務水平進行評估。', want: '03 物流配送时效监控对第三方物流服务商配送时效进行整体监控已保证顾客体验；对发生异常的订单及时发现并妥善处理，要求每天和每周提报数据；对第三方物流服务商的服务水平进行评估。' },
  { name: 'name 甯光 → 宁光 (dictionary fix: opencc keeps 甯), product 瑞寧助糖', src: '國家代謝性疾病臨床醫學研究中心主任甯光團隊，與阿里健康人工智能實驗室共同研發的「瑞寧助糖」人工智能醫生成功上線', want: '国家代谢性疾病临床医学研究中心主任宁光团队，与阿里健康人工智能实验室共同研发的“瑞宁助糖”人工智能医生成功上线' },
  { name: 'name 李范 kept', src: '「全國家庭過期藥品回收聯盟」成員，廣藥集團市場部主管，廣藥集團營銷俱樂部副秘書長李范：', want: '“全国家庭过期药品回收联盟”成员，广药集团市场部主管，广药集团营销俱乐部副秘书长李范：' },
  { name: 'CEO name 沈滌凡 → 沈涤凡', src: '沈滌凡', want: '沈涤凡' },
  { name: 'URL unchanged inside full-width brackets', src: '或香港聯交所官網（http://www.hkex.com.hk）下載獲取。', want: '或香港联交所官网（http://www.hkex.com.hk）下载获取。' },
  { name: 'e-mail address unchanged', src: '可以通過電子郵件alihealth_info@alibaba-inc.com與阿里健康取得聯繫。', want: '可以通过电子邮件alihealth_info@alibaba-inc.com与阿里健康取得联系。' },
  { name: '網絡醫院有限公司, 並 → 并', src: '2017年，阿里健康在廣州成立了阿里健康網絡醫院有限公司，並取得醫療機構執業許可證。', want: '2017年，阿里健康在广州成立了阿里健康网络医院有限公司，并取得医疗机构执业许可证。' },
];

describe('zh-Hant → zh-Hans goldens from the Alibaba Health FY2018 report', () => {
  it('has at least 30 goldens, all taken from the report text', () => {
    expect(T2S.length).toBeGreaterThanOrEqual(30);
    for (const g of T2S) expect(joinedHant.includes(g.src), g.src).toBe(true);
  });
  for (const g of T2S) {
    it(g.name, () => {
      expect(t2s(g.src)).toBe(g.want);
    });
  }
});

describe('zh-Hant → zh-Hans, characters the report does not contain', () => {
  it.each([
    ['頭髮與理髮', '头发与理发'],
    ['裏面和裡面', '里面和里面'],
    ['皇后與之後', '皇后与之后'],
    ['乾隆年間很乾燥', '乾隆年间很干燥'],
    ['衞生與衛生', '卫生与卫生'],
    ['其餘的人', '其余的人'],
  ])('%s → %s', (src, want) => {
    expect(t2s(src)).toBe(want);
  });
});

/**
 * Simplified → Traditional (Hong Kong) goldens. Sources copied from the Alibaba Group FY2023 ESG
 * report (zh-Hans). Expected: Hong Kong forms as opencc's hk locale writes them (HK standard glyphs
 * 着, 裏, 户; vocabulary unchanged), 「」 for quotations.
 */
const S2T: Array<{ name: string; src: string; want: string }> = [
  { name: '为了 → 為了, 创办', src: '为了支持中小企业发展，我们的创始人创办了本公司。', want: '為了支持中小企業發展，我們的創始人創辦了本公司。' },
  { name: '并为 → 並為 (dictionary fix: opencc writes 併為), HK glyph 户', src: '我们坚信，专注于客户需求并为其提供解决方案（不论消费者、商家或企业），最终将引领我们的业务走向成功。', want: '我們堅信，專注於客户需求並為其提供解決方案（不論消費者、商家或企業），最終將引領我們的業務走向成功。' },
  { name: '着眼于 → 着眼於 (HK glyph 着)', src: '同时，我们的关键决策坚持以长期使命为指引，而非着眼于短期利益。', want: '同時，我們的關鍵決策堅持以長期使命為指引，而非着眼於短期利益。' },
  { name: '创立于 1999 年: spaced numbers unchanged', src: '阿里巴巴创立于 1999 年，持续发展 102 年意味着我们将跨越三个世纪。', want: '阿里巴巴創立於 1999 年，持續發展 102 年意味着我們將跨越三個世紀。' },
  { name: '“” → 「」, ESG kept, 涌现 → 湧現', src: '我们期待，随着ESG战略的有效执行，在一个阿里巴巴下成长出更多“好公司”，涌现出更多可持续发展的引领者。', want: '我們期待，隨着ESG戰略的有效執行，在一個阿里巴巴下成長出更多「好公司」，湧現出更多可持續發展的引領者。' },
  { name: '后疫情 → 後疫情, 尽管 → 儘管, 动荡 → 動盪', src: '尽管后疫情时代下，宏观环境依然充满挑战，国际局势持续动荡，全球可持续发展与经济增长面临新的平衡，我们的 ESG 行动依然取得了显著进展。', want: '儘管後疫情時代下，宏觀環境依然充滿挑戰，國際局勢持續動盪，全球可持續發展與經濟增長面臨新的平衡，我們的 ESG 行動依然取得了顯著進展。' },
  { name: '范围 → 範圍, 借此 → 藉此', src: '双方已就范围 3+ 减排标准上展开合作，借此为全球提供创新性的减碳解决方案。', want: '雙方已就範圍 3+ 減排標準上展開合作，藉此為全球提供創新性的減碳解決方案。' },
  { name: '时间里 → 時間裏 (HK glyph)', src: '在不到 20 年的时间里，ESG 演进为一种全球性的倡议和现象，越来越成为一道必答题而非选择题。', want: '在不到 20 年的時間裏，ESG 演進為一種全球性的倡議和現象，越來越成為一道必答題而非選擇題。' },
  { name: 'quotations starting with digits, 雇主 → 僱主', src: '基于这一系列努力，我们也感到非常荣幸，荣获了“2023 年度公益企业”称号，同时也被评为“福布斯 2022 全球最佳雇主”。', want: '基於這一系列努力，我們也感到非常榮幸，榮獲了「2023 年度公益企業」稱號，同時也被評為「福布斯 2022 全球最佳僱主」。' },
  { name: 'e-mail address unchanged', src: '若有任何对报告的问题或建议，请发邮件至：ESG@alibaba-inc.com。', want: '若有任何對報告的問題或建議，請發郵件至：ESG@alibaba-inc.com。' },
  { name: '不晚于 → 不晚於, 亿吨 → 億噸', src: '2021 年，阿里巴巴集团提出不晚于 2030 年实现自身运营碳中和、实现价值链碳强度减半，及带动平台生态 15 年减碳 15 亿吨的雄心勃勃的目标。', want: '2021 年，阿里巴巴集團提出不晚於 2030 年實現自身運營碳中和、實現價值鏈碳強度減半，及帶動平台生態 15 年減碳 15 億噸的雄心勃勃的目標。' },
  { name: 'AED and 5,732 unchanged', src: '全国园区共有 5,732 名急救侠，共配置 138 台 AED（自动体外除颤器）。', want: '全國園區共有 5,732 名急救俠，共配置 138 台 AED（自動體外除顫器）。' },
  { name: '人人参与 → 人人參與 (dictionary fix: opencc writes 人人蔘與)', src: '推动人人参与的公益服务', want: '推動人人參與的公益服務' },
  { name: 'quotations around dictionary names, legal name', src: '2023 年 7 月报告中“阿里巴巴”“阿里”“我们”“集团”主要指“阿里巴巴集团控股有限公司”。', want: '2023 年 7 月報告中「阿里巴巴」「阿里」「我們」「集團」主要指「阿里巴巴集團控股有限公司」。' },
  { name: 'CEO name 沈涤凡 → 沈滌凡, 李范 kept (opencc would write 李範)', src: '沈涤凡和李范', want: '沈滌凡和李范' },
];

describe('zh-Hans → zh-Hant (Hong Kong) goldens', () => {
  it('has at least 10 goldens', () => expect(S2T.length).toBeGreaterThanOrEqual(10));
  for (const g of S2T) {
    it(g.name, () => {
      expect(s2t(g.src)).toBe(g.want);
    });
  }
  it('keeps English quotations and apostrophes', () => {
    expect(s2t('He said “hello” and it’s fine')).toBe('He said “hello” and it’s fine');
  });
});

describe('ASCII, codes, numbers, URLs and e-mail addresses are never altered', () => {
  const samples = [
    'SKU',
    'SKU QKU KPI A1.1 B6.5 A1 GD A1-GD',
    'KPI A1.2: 353.7 tCO2e; 1,103.6 h; 0.069%; 30%-40%',
    'https://www.hkexnews.hk/listedco/listconews/sehk/2018/0720/LTN20180720123.pdf?x=1&y=2#p3',
    'mailto:alihealth_info@alibaba-inc.com',
    'Alibaba Health Information Technology Limited (00241)',
    ' \t\n!"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~',
  ];
  for (const conv of [
    ['zh-Hant → zh-Hans', t2s],
    ['zh-Hans → zh-Hant', s2t],
  ] as const) {
    it(`${conv[0]}: pure ASCII passes through`, () => {
      for (const s of samples) expect(conv[1](s)).toBe(s);
    });
  }
  it('every printable ASCII character survives inside Chinese text, both directions', () => {
    let ascii = '';
    for (let c = 0x20; c < 0x7f; c++) ascii += String.fromCharCode(c);
    const stripAscii = (s: string) => s.replace(/[^\u0000-\u007f]/g, '');
    expect(stripAscii(t2s(`關於${ascii}報告`))).toBe(ascii);
    expect(stripAscii(s2t(`关于${ascii}报告`))).toBe(ascii);
  });
  it('codes embedded in Chinese text are unchanged', () => {
    expect(t2s('關鍵績效指標A1.1及KPI B6.5（SKU）')).toBe('关键绩效指标A1.1及KPI B6.5（SKU）');
    expect(s2t('关键绩效指标A1.1及KPI B6.5（SKU）')).toBe('關鍵績效指標A1.1及KPI B6.5（SKU）');
  });
  it('URLs with non-ASCII paths and e-mail addresses are unchanged', () => {
    expect(t2s('見https://zh.wikipedia.org/wiki/香港聯合交易所，或電郵esg@hkex.com.hk。')).toBe(
      '见https://zh.wikipedia.org/wiki/香港聯合交易所，或电邮esg@hkex.com.hk。',
    );
  });
  it('the whole English report is unchanged by zh-Hant → zh-Hans except its Chinese lines', () => {
    const en = readFileSync(`${root}content/reports/alibaba-health/2018/source/alibaba-health-fy2018.en.txt`, 'utf8');
    const out = t2s(en);
    const asciiOnly = (s: string) => s.replace(/[^\u0000-\u007f]/g, '');
    expect(asciiOnly(out)).toBe(asciiOnly(en));
  });
});

describe('dictionary', () => {
  it('loads the project dictionaries with issuer names, people and HK terms', () => {
    const hant = new Set(dictionary.entries.flatMap((e) => e['zh-Hant']));
    for (const n of ['阿里健康', '阿里巴巴', '京東健康', '阿里健康信息技術有限公司', '阿里巴巴集團控股有限公司', '京東健康股份有限公司', '沈滌凡', '曹禺', '香港聯合交易所', '環境、社會及管治']) {
      expect(hant.has(n), n).toBe(true);
    }
  });
  it('names are applied in both directions', () => {
    expect(t2s('京東健康股份有限公司')).toBe('京东健康股份有限公司');
    expect(s2t('京东健康股份有限公司')).toBe('京東健康股份有限公司');
    expect(s2t('汇丰与恒生')).toBe('滙豐與恒生');
    expect(t2s('恆生與恒生')).toBe('恒生与恒生');
  });
  it('parses plain strings, pairs and spelling lists', () => {
    const entries = parseDictionary({ names: ['曹禺', { 'zh-Hant': ['恒生', '恆生'], 'zh-Hans': '恒生', note: 'x' }], terms: [{ 'zh-Hant': '掃瞄', 'zh-Hans': '扫描' }] }, 't.yaml');
    expect(entries).toEqual([
      { kind: 'name', 'zh-Hant': ['曹禺'], 'zh-Hans': ['曹禺'], source: 't.yaml' },
      { kind: 'name', 'zh-Hant': ['恒生', '恆生'], 'zh-Hans': ['恒生'], source: 't.yaml', note: 'x' },
      { kind: 'term', 'zh-Hant': ['掃瞄'], 'zh-Hans': ['扫描'], source: 't.yaml' },
    ]);
  });
  it('rejects unknown keys and fields, and conflicting mappings', () => {
    expect(() => parseDictionary({ people: [] }, 'x.yaml')).toThrow(/unknown key/);
    expect(() => parseDictionary({ names: [{ 'zh-TW': '臺' }] }, 'x.yaml')).toThrow(/unknown field/);
    expect(() => parseDictionary({ names: [{ 'zh-Hant': '' }] }, 'x.yaml')).toThrow();
    expect(() =>
      makeDictionary([
        ...parseDictionary({ names: [{ 'zh-Hant': '甲', 'zh-Hans': '乙' }] }, 'a.yaml'),
        ...parseDictionary({ names: [{ 'zh-Hant': '甲', 'zh-Hans': '丙' }] }, 'b.yaml'),
      ]),
    ).toThrow(/mapped twice/);
  });
  it('a custom dictionary overrides opencc (陳乾 would become 陈干)', () => {
    expect(createConverter({ from: 'zh-Hant', to: 'zh-Hans' })('陳乾')).toBe('陈干');
    const d = makeDictionary(parseDictionary({ names: [{ 'zh-Hant': '陳乾', 'zh-Hans': '陈乾' }] }));
    expect(createConverter({ from: 'zh-Hant', to: 'zh-Hans', dictionary: d })('董事陳乾先生')).toBe('董事陈乾先生');
  });
  it('converters are cached per direction and dictionary', () => {
    expect(createConverter({ from: 'zh-Hant', to: 'zh-Hans', dictionary })).toBe(t2s);
    expect(createConverter({ from: 'zh-Hant', to: 'zh-Hans' })).toBe(createConverter({ from: 'zh-Hant', to: 'zh-Hans', dictionary: emptyDictionary }));
  });
  it('quotes can be left alone', () => {
    expect(createConverter({ from: 'zh-Hant', to: 'zh-Hans', quotes: false })('「健康中國」')).toBe('「健康中国」');
  });
});

describe('traditionalOnlyChars', () => {
  it('is empty for the converted report (whole Alibaba Health FY2018 text)', () => {
    expect(traditionalOnlyChars(t2s(rawHant), dictionary)).toEqual([]);
  });
  it('finds Traditional-only characters left in a Simplified text, in order, once each', () => {
    expect(traditionalOnlyChars('阿里健康的環境报告與環境', dictionary)).toEqual(['環', '與']);
    // 著 is a valid Simplified character (显著): the usage 随着 is checked by the conversion goldens, not here.
    expect(traditionalOnlyChars('随著发展', dictionary)).toEqual([]);
  });
  it('accepts characters that are also Simplified in context', () => {
    expect(traditionalOnlyChars('著名的乾隆、于先生、余华、皇后、台湾', dictionary)).toEqual([]);
  });
  it('ignores dictionary names, URLs and ASCII', () => {
    const d = makeDictionary(parseDictionary({ names: [{ 'zh-Hant': '滙豐', 'zh-Hans': '滙丰' }] }));
    expect(traditionalOnlyChars('滙丰银行 https://example.com/臺 SKU', d)).toEqual([]);
    expect(traditionalOnlyChars('滙丰银行', emptyDictionary)).toEqual(['滙']);
  });
});

describe('traditionalOnlyChars on authored Simplified text', () => {
  it('accepts characters that are valid Simplified (显著, 饿了么) and still flags Traditional ones', async () => {
    const { traditionalOnlyChars } = await import('../../src/lib/script-convert.ts');
    expect(traditionalOnlyChars('在前端页面进行显著效期提示；饿了么平台上的活跃骑士')).toEqual([]);
    expect(traditionalOnlyChars('显著提升，隨著業務')).toEqual(['隨', '業', '務']);
  });
});

/**
 * Fixes of opencc-js segmentation found by the conversion review (src/lib/conversion-review.ts) and
 * pinned in content/dictionaries/conversion-fixes.yaml. Sources are fragments of the real sections
 * (asserted below); expected strings were written by reading, as a Hong Kong / mainland editor would.
 */
const REVIEW_FIXES: Array<{ file: string; src: string; want: string; from: 'zh-Hans' | 'zh-Hant' }> = [
  { file: 'alibaba/2023/zh-Hans/06-f06.mdx', src: '为处于不同职业和人生发展阶段的员工提供多样化', want: '為處於不同職業和人生發展階段的員工提供多樣化', from: 'zh-Hans' },
  { file: 'alibaba/2023/zh-Hans/29-c05-s02.mdx', src: '多个口岸合作建立智能清关系统', want: '多個口岸合作建立智能清關系統', from: 'zh-Hans' },
  { file: 'alibaba/2023/zh-Hans/29-c05-s02.mdx', src: '应急管理大数据应用平台相关系统，为应急管理部的灾情', want: '應急管理大數據應用平台相關系統，為應急管理部的災情', from: 'zh-Hans' },
  { file: 'alibaba/2023/zh-Hans/16-c02-s04.mdx', src: '人参加了测试', want: '人參加了測試', from: 'zh-Hans' },
  { file: 'alibaba/2023/zh-Hans/18-c03-s01.mdx', src: '距今已有 600 多年历史。', want: '距今已有 600 多年歷史。', from: 'zh-Hans' },
  { file: 'alibaba/2023/zh-Hans/10-c01-s01.mdx', src: '多个场景下采用可降解购物袋', want: '多個場景下採用可降解購物袋', from: 'zh-Hans' },
  { file: 'alibaba/2023/zh-Hans/14-c02-s02.mdx', src: '主动申请并成功转岗人数', want: '主動申請並成功轉崗人數', from: 'zh-Hans' },
  { file: 'alibaba/2023/zh-Hans/36-c07-s02.mdx', src: '我们已制定并发布了超 10 个隐私保', want: '我們已制定並發佈了超 10 個隱私保', from: 'zh-Hans' },
  { file: 'alibaba/2023/zh-Hans/41-a05.mdx', src: '我们构建了如下的 ESG 议题实质', want: '我們構建了如下的 ESG 議題實質', from: 'zh-Hans' },
  { file: 'alibaba/2023/zh-Hans/23-c04-s01.mdx', src: '发布的中国公有云发展及设施平台', want: '發佈的中國公有雲發展及設施平台', from: 'zh-Hans' },
  { file: 'alibaba/2023/zh-Hans/23-c04-s01.mdx', src: '阿里云为中小微企业和其创业者', want: '阿里雲為中小微企業和其創業者', from: 'zh-Hans' },
  { file: 'alibaba/2023/zh-Hans/10-c01-s01.mdx', src: '计算平台云原生服务', want: '計算平台雲原生服務', from: 'zh-Hans' },
  { file: 'alibaba/2023/zh-Hans/25-c04-s03.mdx', src: '“残疾人云客服绿色通道”', want: '「殘疾人雲客服綠色通道」', from: 'zh-Hans' },
  { file: 'alibaba/2023/zh-Hans/28-c05-s01.mdx', src: '河北省巨鹿县有着被认为保存得最好', want: '河北省巨鹿縣有着被認為保存得最好', from: 'zh-Hans' },
  { file: 'alibaba/2023/zh-Hans/05-f05.mdx', src: '政府机构、合作伙伴、社区等利益相关方', want: '政府機構、合作夥伴、社區等利益相關方', from: 'zh-Hans' },
  { file: 'alibaba/2023/zh-Hans/06-f06.mdx', src: '存储、使用和销毁等数据及个人信息', want: '存儲、使用和銷毀等數據及個人信息', from: 'zh-Hans' },
  { file: 'alibaba/2023/zh-Hans/06-f06.mdx', src: '大量的新能源并网、源荷网储的协调', want: '大量的新能源並網、源荷網儲的協調', from: 'zh-Hans' },
  { file: 'alibaba/2023/zh-Hans/14-c02-s02.mdx', src: '可通过复议申诉通道申请专门的复议小组', want: '可通過覆議申訴通道申請專門的覆議小組', from: 'zh-Hans' },
  { file: 'alibaba/2023/zh-Hans/35-c07-s01.mdx', src: '事后复盘与改进机制', want: '事後覆盤與改進機制', from: 'zh-Hans' },
  { file: 'alibaba/2023/zh-Hans/35-c07-s01.mdx', src: '合规专家复核审查', want: '合規專家覆核審查', from: 'zh-Hans' },
  { file: 'jd-health/2024/zh-Hant/22-c03-s01.mdx', src: '京東健康在供應商倉儲方面建立瞭高於行業標準的溫濕度管', want: '京东健康在供应商仓储方面建立了高于行业标准的温湿度管', from: 'zh-Hant' },
  { file: 'jd-health/2024/zh-Hant/14-c01-s03.mdx', src: '補充瞭高風險場景的質檢邏輯', want: '补充了高风险场景的质检逻辑', from: 'zh-Hant' },
  { file: 'alibaba-health/2018/zh-Hant/14-p3-c1.mdx', src: '對其資質、進貨渠道等進行覆核', want: '对其资质、进货渠道等进行复核', from: 'zh-Hant' },
];

describe('fixes of opencc segmentation found by the conversion review', () => {
  for (const g of REVIEW_FIXES) {
    it(`${g.from === 'zh-Hans' ? '简→繁' : '繁→简'} ${g.want}`, () => {
      const text = readFileSync(`${root}content/reports/${g.file}`, 'utf8');
      expect(text.includes(g.src), `${g.src} in ${g.file}`).toBe(true);
      expect((g.from === 'zh-Hans' ? s2t : t2s)(g.src)).toBe(g.want);
    });
  }
  it('Alibaba FY2025 (Hong Kong Traditional) writes 覆議 / 覆盤, and they convert to 复议 / 复盘', () => {
    const seed = readFileSync(`${root}content/reports/alibaba/2025/source/alibaba-fy2025.zh-Hant.txt`, 'utf8');
    expect(seed).toContain('可按照覆議流程');
    expect(t2s('可按照覆議流程')).toBe('可按照复议流程');
    expect(seed).toContain('事後覆盤改進');
    expect(t2s('事後覆盤改進')).toBe('事后复盘改进');
  });
});
