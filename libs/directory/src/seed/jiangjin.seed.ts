import type { EnterpriseSize, OrgUnitKind, SectorCode } from '@zhiben/contracts';

/**
 * Demo directory for one district, 江津区 (Chongqing, division code 500116).
 *
 * What comes from the seeds is cited as `FILE:LINE` (`shared/seeds`, `cat -n` numbering):
 * - 000 = 贾嗣镇 2023 major-hazard campaign (贾嗣府〔2023〕25号), 001 = 江津区安委办 2023 key-sector work points
 *   (津安委办发〔2023〕1号). Both are Jiangjin documents.
 * - 002 (铜梁区) and 004 (巴南区) are other Chongqing districts; where a department cites them, the citation
 *   supports the sector allocation pattern (roles-and-org §4 "key sector → owner"), not a Jiangjin fact.
 *
 * The district's towns and streets are real (江津区 has 5 streets and 25 towns; 15 are listed here). Everything
 * else not cited is DEMO DATA: the villages/communities are invented (not checked against the official roster),
 * the department list is the usual Chongqing district line-up, and every enterprise, person, phone number,
 * address and credit code below is fictitious. Any resemblance to a real enterprise or person is coincidental.
 */

export interface SeedOrgUnit {
  /** Dot path; the parent's code is the prefix for territorial units (`jiangjin.jiasi.xinqiao`). */
  code: string;
  name: string;
  nameEn: string;
  kind: OrgUnitKind;
  parentCode: string | null;
  /** Sectors this unit leads (departments only); each sector has exactly one lead department. */
  sectors?: SectorCode[];
  /** Seed citation (`FILE:LINE`) for the unit or, for departments, its sector duties. */
  source?: string;
}

export interface SeedEnterprise {
  /** 统一社会信用代码; synthetic, with valid GB 32100 check characters. */
  creditCode: string;
  name: string;
  sector: SectorCode;
  /** Territorial jurisdiction (属地): a town, street or platform code. */
  townCode: string;
  size: EnterpriseSize;
  principal: string;
  principalPhone: string;
  address: string;
}

export const JIANGJIN_ORG_UNITS: SeedOrgUnit[] = [
  // District and its work-safety committee office.
  {
    code: 'jiangjin',
    name: '江津区',
    nameEn: 'Jiangjin District',
    kind: 'district',
    parentCode: null,
    source: '001:1',
  },
  // 区安委办 sits in the emergency-management bureau (roles-and-org §2; 002:24 for the reporting pattern);
  // it issued 001 (001:1, 001:6, 001:11).
  {
    code: 'jiangjin.anweiban',
    name: '江津区安全生产委员会办公室',
    nameEn: 'Jiangjin District Work Safety Committee Office',
    kind: 'office',
    parentCode: 'jiangjin',
    source: '001:1',
  },

  // Towns and streets (镇街), addressed by 001:7 "各镇人民政府、街道办事处". Names are real; only 贾嗣镇 has a seed.
  {
    code: 'jiangjin.jiasi',
    name: '贾嗣镇',
    nameEn: 'Jiasi Town',
    kind: 'town',
    parentCode: 'jiangjin',
    source: '000:4',
  },
  { code: 'jiangjin.baisha', name: '白沙镇', nameEn: 'Baisha Town', kind: 'town', parentCode: 'jiangjin' },
  {
    code: 'jiangjin.jijiang',
    name: '几江街道',
    nameEn: 'Jijiang Subdistrict',
    kind: 'street',
    parentCode: 'jiangjin',
  },
  {
    code: 'jiangjin.degan',
    name: '德感街道',
    nameEn: 'Degan Subdistrict',
    kind: 'street',
    parentCode: 'jiangjin',
  },
  {
    code: 'jiangjin.shuangfu',
    name: '双福街道',
    nameEn: 'Shuangfu Subdistrict',
    kind: 'street',
    parentCode: 'jiangjin',
  },
  {
    code: 'jiangjin.dingshan',
    name: '鼎山街道',
    nameEn: 'Dingshan Subdistrict',
    kind: 'street',
    parentCode: 'jiangjin',
  },
  {
    code: 'jiangjin.luohuang',
    name: '珞璜镇',
    nameEn: 'Luohuang Town',
    kind: 'town',
    parentCode: 'jiangjin',
  },
  { code: 'jiangjin.zhiping', name: '支坪镇', nameEn: 'Zhiping Town', kind: 'town', parentCode: 'jiangjin' },
  { code: 'jiangjin.youxi', name: '油溪镇', nameEn: 'Youxi Town', kind: 'town', parentCode: 'jiangjin' },
  { code: 'jiangjin.wutan', name: '吴滩镇', nameEn: 'Wutan Town', kind: 'town', parentCode: 'jiangjin' },
  { code: 'jiangjin.shimen', name: '石门镇', nameEn: 'Shimen Town', kind: 'town', parentCode: 'jiangjin' },
  { code: 'jiangjin.lishi', name: '李市镇', nameEn: 'Lishi Town', kind: 'town', parentCode: 'jiangjin' },
  {
    code: 'jiangjin.simianshan',
    name: '四面山镇',
    nameEn: 'Simianshan Town',
    kind: 'town',
    parentCode: 'jiangjin',
  },
  {
    code: 'jiangjin.xianfeng',
    name: '先锋镇',
    nameEn: 'Xianfeng Town',
    kind: 'town',
    parentCode: 'jiangjin',
  },
  {
    code: 'jiangjin.zhongshan',
    name: '中山镇',
    nameEn: 'Zhongshan Town',
    kind: 'town',
    parentCode: 'jiangjin',
  },

  // Platform (平台, town-equivalent; 001:7 "各平台", 000:215 "镇街、平台").
  {
    code: 'jiangjin.zongbao',
    name: '江津综合保税区管委会',
    nameEn: 'Jiangjin Comprehensive Bonded Zone Administrative Committee',
    kind: 'platform',
    parentCode: 'jiangjin',
    source: '001:7',
  },

  // Villages and communities (村（社区）, 000:8, 000:123). DEMO DATA: invented names.
  {
    code: 'jiangjin.jiasi.jiasi',
    name: '贾嗣社区',
    nameEn: 'Jiasi Community',
    kind: 'community',
    parentCode: 'jiangjin.jiasi',
  },
  {
    code: 'jiangjin.jiasi.xinqiao',
    name: '新桥村',
    nameEn: 'Xinqiao Village',
    kind: 'village',
    parentCode: 'jiangjin.jiasi',
  },
  {
    code: 'jiangjin.jiasi.shilong',
    name: '石龙村',
    nameEn: 'Shilong Village',
    kind: 'village',
    parentCode: 'jiangjin.jiasi',
  },
  {
    code: 'jiangjin.jiasi.liangshui',
    name: '凉水村',
    nameEn: 'Liangshui Village',
    kind: 'village',
    parentCode: 'jiangjin.jiasi',
  },
  {
    code: 'jiangjin.baisha.binjiang',
    name: '滨江社区',
    nameEn: 'Binjiang Community',
    kind: 'community',
    parentCode: 'jiangjin.baisha',
  },
  {
    code: 'jiangjin.baisha.baozhu',
    name: '宝珠村',
    nameEn: 'Baozhu Village',
    kind: 'village',
    parentCode: 'jiangjin.baisha',
  },

  // District departments and the sectors they lead (roles-and-org §4 lookup). The Jiangjin seeds name
  // 应急 (001:56), and 公安、交通、经济信息、市场监管、生态环境 (001:97); the rest follow the Chongqing pattern.
  {
    code: 'jiangjin.dept.yingji',
    name: '江津区应急管理局',
    nameEn: 'Jiangjin District Emergency Management Bureau',
    kind: 'department',
    parentCode: 'jiangjin',
    sectors: ['Hazchem', 'NonCoalMine', 'IndustryTrade', 'Fireworks'],
    source: '001:56',
  },
  {
    code: 'jiangjin.dept.zhujian',
    name: '江津区住房和城乡建设委员会',
    nameEn: 'Jiangjin District Housing and Urban-Rural Development Commission',
    kind: 'department',
    parentCode: 'jiangjin',
    sectors: ['Construction', 'SelfBuiltHousing'],
    source: '002:20',
  },
  {
    code: 'jiangjin.dept.jiaotong',
    name: '江津区交通局',
    nameEn: 'Jiangjin District Transport Bureau',
    kind: 'department',
    parentCode: 'jiangjin',
    sectors: ['RoadTransport', 'Waterway'],
    source: '001:97',
  },
  {
    code: 'jiangjin.dept.jingxin',
    name: '江津区经济和信息化委员会',
    nameEn: 'Jiangjin District Economy and Information Technology Commission',
    kind: 'department',
    parentCode: 'jiangjin',
    sectors: ['Gas', 'CivilExplosives'],
    source: '001:97',
  },
  {
    code: 'jiangjin.dept.fagai',
    name: '江津区发展和改革委员会',
    nameEn: 'Jiangjin District Development and Reform Commission',
    kind: 'department',
    parentCode: 'jiangjin',
    sectors: ['OilGasPipeline'],
    source: '002:20',
  },
  {
    code: 'jiangjin.dept.shijian',
    name: '江津区市场监督管理局',
    nameEn: 'Jiangjin District Administration for Market Regulation',
    kind: 'department',
    parentCode: 'jiangjin',
    sectors: ['SpecialEquipment'],
    source: '001:97',
  },
  {
    code: 'jiangjin.dept.xiaofang',
    name: '江津区消防救援支队',
    nameEn: 'Jiangjin District Fire and Rescue Detachment',
    kind: 'department',
    parentCode: 'jiangjin',
    sectors: ['Fire'],
    source: '000:68',
  },
  // Co-department only (toxic/precursor chemicals, explosives permits, fireworks transport): leads no sector.
  {
    code: 'jiangjin.dept.gongan',
    name: '重庆市公安局江津区分局',
    nameEn: 'Jiangjin District Branch of the Chongqing Public Security Bureau',
    kind: 'department',
    parentCode: 'jiangjin',
    sectors: [],
    source: '001:97',
  },
  {
    code: 'jiangjin.dept.wenlv',
    name: '江津区文化和旅游发展委员会',
    nameEn: 'Jiangjin District Culture and Tourism Development Commission',
    kind: 'department',
    parentCode: 'jiangjin',
    sectors: ['CultureTourism', 'CulturalRelics'],
    source: '004:647',
  },
  {
    code: 'jiangjin.dept.shuili',
    name: '江津区水利局',
    nameEn: 'Jiangjin District Water Resources Bureau',
    kind: 'department',
    parentCode: 'jiangjin',
    sectors: ['WaterConservancy'],
    source: '004:513',
  },
  {
    code: 'jiangjin.dept.jiaowei',
    name: '江津区教育委员会',
    nameEn: 'Jiangjin District Education Commission',
    kind: 'department',
    parentCode: 'jiangjin',
    sectors: ['Education'],
    source: '004:73',
  },
  {
    code: 'jiangjin.dept.nongye',
    name: '江津区农业农村委员会',
    nameEn: 'Jiangjin District Agriculture and Rural Affairs Commission',
    kind: 'department',
    parentCode: 'jiangjin',
    sectors: ['Agriculture'],
    source: '004:534',
  },
  {
    code: 'jiangjin.dept.shangwu',
    name: '江津区商务委员会',
    nameEn: 'Jiangjin District Commerce Commission',
    kind: 'department',
    parentCode: 'jiangjin',
    sectors: ['Commerce'],
    source: '004:606',
  },
  {
    code: 'jiangjin.dept.chengguan',
    name: '江津区城市管理局',
    nameEn: 'Jiangjin District City Management Bureau',
    kind: 'department',
    parentCode: 'jiangjin',
    sectors: ['UrbanOperation'],
    source: '004:394',
  },
  // Geohazards and mineral rights (co-department for NonCoalMine); leads none of the catalogue's sectors.
  {
    code: 'jiangjin.dept.guizi',
    name: '江津区规划和自然资源局',
    nameEn: 'Jiangjin District Planning and Natural Resources Bureau',
    kind: 'department',
    parentCode: 'jiangjin',
    sectors: [],
    source: '004:282',
  },
  {
    code: 'jiangjin.dept.weijian',
    name: '江津区卫生健康委员会',
    nameEn: 'Jiangjin District Health Commission',
    kind: 'department',
    parentCode: 'jiangjin',
    sectors: ['Health'],
    source: '004:734',
  },
  {
    code: 'jiangjin.dept.minzheng',
    name: '江津区民政局',
    nameEn: 'Jiangjin District Civil Affairs Bureau',
    kind: 'department',
    parentCode: 'jiangjin',
    sectors: ['CivilAffairs'],
    source: '004:243',
  },
  {
    code: 'jiangjin.dept.shengtai',
    name: '江津区生态环境局',
    nameEn: 'Jiangjin District Ecology and Environment Bureau',
    kind: 'department',
    parentCode: 'jiangjin',
    sectors: ['Environment'],
    source: '001:97',
  },
  {
    code: 'jiangjin.dept.linye',
    name: '江津区林业局',
    nameEn: 'Jiangjin District Forestry Bureau',
    kind: 'department',
    parentCode: 'jiangjin',
    sectors: ['Forestry'],
    source: '004:1423',
  },
  {
    code: 'jiangjin.dept.tiyu',
    name: '江津区体育局',
    nameEn: 'Jiangjin District Sports Bureau',
    kind: 'department',
    parentCode: 'jiangjin',
    sectors: ['Sports'],
    source: '004:1102',
  },
  {
    code: 'jiangjin.dept.qixiang',
    name: '江津区气象局',
    nameEn: 'Jiangjin District Meteorological Bureau',
    kind: 'department',
    parentCode: 'jiangjin',
    sectors: ['Meteorology'],
    source: '004:1124',
  },
  // DEMO DATA: modelled on 巴南区's 区国资中心 (004:903); Jiangjin's actual SOE supervisor name is unverified.
  {
    code: 'jiangjin.dept.guozi',
    name: '江津区国有资产管理中心',
    nameEn: 'Jiangjin District State-owned Assets Management Centre',
    kind: 'department',
    parentCode: 'jiangjin',
    sectors: ['DistrictSOE'],
    source: '004:903',
  },
];

/**
 * DEMO DATA: ~50 fictitious enterprises over the key sectors, 工贸 (machinery, liquor and food, building
 * materials — the eight 工贸 trades, 001:21) weighted heaviest. Credit codes are 91 (企业), 92 (个体工商户),
 * 93 (农民专业合作社) or 52 (民办非企业单位) + 500116 + organisation code + check character. Apart from the
 * two reference enterprises (whose codes are fixed project-wide), the organisation codes also carry a valid
 * GB 11714 check character, like real codes.
 */
export const JIANGJIN_ENTERPRISES: SeedEnterprise[] = [
  // machinery; reference enterprise
  {
    creditCode: '91500116MA5U7KJ200',
    name: '重庆贾嗣精工机械有限公司',
    sector: 'IndustryTrade',
    townCode: 'jiangjin.jiasi',
    size: 'above_scale',
    principal: '陈志刚',
    principalPhone: '023-47554088',
    address: '重庆市江津区贾嗣镇工业园路8号',
  },
  // liquor; reference enterprise
  {
    creditCode: '91500116MA60AB1C2X',
    name: '重庆白沙酒业有限公司',
    sector: 'IndustryTrade',
    townCode: 'jiangjin.baisha',
    size: 'small_micro',
    principal: '刘洪彬',
    principalPhone: '13881989376',
    address: '重庆市江津区白沙镇滨江路126号',
  },
  // machinery
  {
    creditCode: '91500116MA605A5X4E',
    name: '重庆津贾农机配件有限公司',
    sector: 'IndustryTrade',
    townCode: 'jiangjin.jiasi',
    size: 'small_micro',
    principal: '周永红',
    principalPhone: '023-47558608',
    address: '重庆市江津区贾嗣镇新街42号',
  },
  // building materials (shale bricks)
  {
    creditCode: '91500116MA60Y0J12E',
    name: '重庆嗣兴新型建材有限公司',
    sector: 'IndustryTrade',
    townCode: 'jiangjin.jiasi',
    size: 'small_micro',
    principal: '杨光明',
    principalPhone: '13860534912',
    address: '重庆市江津区贾嗣镇石龙路3号',
  },
  // liquor
  {
    creditCode: '91500116MA613Y6D21',
    name: '重庆白沙福源烧酒坊有限公司',
    sector: 'IndustryTrade',
    townCode: 'jiangjin.baisha',
    size: 'small_micro',
    principal: '黄小平',
    principalPhone: '023-47553744',
    address: '重庆市江津区白沙镇酒厂路17号',
  },
  // liquor
  {
    creditCode: '91500116208262480R',
    name: '重庆江滨酿酒有限公司',
    sector: 'IndustryTrade',
    townCode: 'jiangjin.baisha',
    size: 'above_scale',
    principal: '赵德军',
    principalPhone: '13847867648',
    address: '重庆市江津区白沙镇工业园区2号',
  },
  // food
  {
    creditCode: '91500116202600645Q',
    name: '重庆几江米花糖食品有限公司',
    sector: 'IndustryTrade',
    townCode: 'jiangjin.jijiang',
    size: 'above_scale',
    principal: '吴晓燕',
    principalPhone: '023-47556472',
    address: '重庆市江津区几江街道艾坪山路55号',
  },
  // food (grain & oil); dust explosion
  {
    creditCode: '91500116202260468W',
    name: '重庆德感粮油精炼有限公司',
    sector: 'IndustryTrade',
    townCode: 'jiangjin.degan',
    size: 'above_scale',
    principal: '徐国庆',
    principalPhone: '13886087808',
    address: '重庆市江津区德感街道工业园东区9号',
  },
  // machinery (auto parts)
  {
    creditCode: '91500116MA5UQ3BJ9L',
    name: '重庆德感恒力汽车零部件有限公司',
    sector: 'IndustryTrade',
    townCode: 'jiangjin.degan',
    size: 'above_scale',
    principal: '孙建华',
    principalPhone: '023-47553504',
    address: '重庆市江津区德感街道工业园西区21号',
  },
  // machinery
  {
    creditCode: '91500116MA60H2TB0R',
    name: '重庆双福鑫达机械制造有限公司',
    sector: 'IndustryTrade',
    townCode: 'jiangjin.shuangfu',
    size: 'above_scale',
    principal: '胡永强',
    principalPhone: '13836231552',
    address: '重庆市江津区双福街道福星大道88号',
  },
  // light industry (furniture); wood dust
  {
    creditCode: '91500116MA5U753D01',
    name: '重庆双福锦程家具有限公司',
    sector: 'IndustryTrade',
    townCode: 'jiangjin.shuangfu',
    size: 'small_micro',
    principal: '朱丽萍',
    principalPhone: '023-47559104',
    address: '重庆市江津区双福街道福城路16号',
  },
  // metallurgy (steel structures)
  {
    creditCode: '91500116MA61BJWUX7',
    name: '重庆珞璜钢构有限公司',
    sector: 'IndustryTrade',
    townCode: 'jiangjin.luohuang',
    size: 'above_scale',
    principal: '高文斌',
    principalPhone: '13840928128',
    address: '重庆市江津区珞璜镇工业园B区5号',
  },
  // non-ferrous; molten metal
  {
    creditCode: '91500116204804887W',
    name: '重庆珞璜铝业有限公司',
    sector: 'IndustryTrade',
    townCode: 'jiangjin.luohuang',
    size: 'above_scale',
    principal: '林海涛',
    principalPhone: '023-47558424',
    address: '重庆市江津区珞璜镇工业园C区12号',
  },
  // building materials (cement)
  {
    creditCode: '91500116200006669N',
    name: '重庆支坪水泥有限公司',
    sector: 'IndustryTrade',
    townCode: 'jiangjin.zhiping',
    size: 'above_scale',
    principal: '何建军',
    principalPhone: '13846280064',
    address: '重庆市江津区支坪镇真武场路1号',
  },
  // building materials (ready-mix concrete)
  {
    creditCode: '91500116MA60CJQ94M',
    name: '重庆支坪商品混凝土有限公司',
    sector: 'IndustryTrade',
    townCode: 'jiangjin.zhiping',
    size: 'small_micro',
    principal: '郭红梅',
    principalPhone: '023-47557448',
    address: '重庆市江津区支坪镇支坪大道301号',
  },
  // textiles
  {
    creditCode: '91500116MA616QKD63',
    name: '重庆油溪纺织有限公司',
    sector: 'IndustryTrade',
    townCode: 'jiangjin.youxi',
    size: 'small_micro',
    principal: '罗成伟',
    principalPhone: '13844353152',
    address: '重庆市江津区油溪镇油溪正街77号',
  },
  // food
  {
    creditCode: '91500116MA5U7RMD1T',
    name: '重庆吴滩富硒食品有限公司',
    sector: 'IndustryTrade',
    townCode: 'jiangjin.wutan',
    size: 'small_micro',
    principal: '梁晓东',
    principalPhone: '023-47558768',
    address: '重庆市江津区吴滩镇吴滩新街9号',
  },
  // food; ammonia refrigeration
  {
    creditCode: '91500116MA5UKDWR28',
    name: '重庆先锋花椒食品有限公司',
    sector: 'IndustryTrade',
    townCode: 'jiangjin.xianfeng',
    size: 'above_scale',
    principal: '宋建平',
    principalPhone: '13851091392',
    address: '重庆市江津区先锋镇花椒产业园6号',
  },
  // light industry (electronics)
  {
    creditCode: '91500116MA6140588P',
    name: '重庆综保区精密电子有限公司',
    sector: 'IndustryTrade',
    townCode: 'jiangjin.zongbao',
    size: 'above_scale',
    principal: '郑继伟',
    principalPhone: '023-47557064',
    address: '重庆市江津区江津综合保税区综保大道18号',
  },
  // commerce/warehousing; ammonia refrigeration
  {
    creditCode: '91500116MA61C17E68',
    name: '重庆李市冷链仓储有限公司',
    sector: 'IndustryTrade',
    townCode: 'jiangjin.lishi',
    size: 'small_micro',
    principal: '谢芳琴',
    principalPhone: '13830721920',
    address: '重庆市江津区李市镇李市正街203号',
  },
  // light industry (printing)
  {
    creditCode: '91500116MA60F5C50A',
    name: '重庆鼎山印务有限公司',
    sector: 'IndustryTrade',
    townCode: 'jiangjin.dingshan',
    size: 'small_micro',
    principal: '韩志强',
    principalPhone: '023-47558576',
    address: '重庆市江津区鼎山街道鼎山大道66号',
  },
  // paint production
  {
    creditCode: '9150011620244884X2',
    name: '重庆德感化工涂料有限公司',
    sector: 'Hazchem',
    townCode: 'jiangjin.degan',
    size: 'above_scale',
    principal: '唐明礼',
    principalPhone: '13897252480',
    address: '重庆市江津区德感街道工业园化工区3号',
  },
  // hazchem warehouse (major hazard source)
  {
    creditCode: '91500116MA60WTWPXX',
    name: '重庆珞璜化工仓储有限公司',
    sector: 'Hazchem',
    townCode: 'jiangjin.luohuang',
    size: 'above_scale',
    principal: '冯德刚',
    principalPhone: '023-47551000',
    address: '重庆市江津区珞璜镇港口路28号',
  },
  // petrol station
  {
    creditCode: '91500116MA60WR4010',
    name: '重庆津南加油站有限公司',
    sector: 'Hazchem',
    townCode: 'jiangjin.jijiang',
    size: 'small_micro',
    principal: '邓承林',
    principalPhone: '13871336832',
    address: '重庆市江津区几江街道津南大道210号',
  },
  // industrial gases
  {
    creditCode: '91500116MA60JG4351',
    name: '重庆双福工业气体有限公司',
    sector: 'Hazchem',
    townCode: 'jiangjin.shuangfu',
    size: 'small_micro',
    principal: '曹阳春',
    principalPhone: '023-47559456',
    address: '重庆市江津区双福街道福星大道156号',
  },
  // hazchem trading without storage
  {
    creditCode: '91500116MA6120GE6N',
    name: '重庆白沙化学试剂经营有限公司',
    sector: 'Hazchem',
    townCode: 'jiangjin.baisha',
    size: 'small_micro',
    principal: '袁德斌',
    principalPhone: '13898949248',
    address: '重庆市江津区白沙镇朝阳街31号',
  },
  // limestone quarry (building stone)
  {
    creditCode: '91500116MA5UFYXU3Y',
    name: '重庆石门石料开采有限公司',
    sector: 'NonCoalMine',
    townCode: 'jiangjin.shimen',
    size: 'small_micro',
    principal: '许文杰',
    principalPhone: '023-47555224',
    address: '重庆市江津区石门镇大坪村',
  },
  // shale quarry
  {
    creditCode: '91500116MA609WEX3F',
    name: '重庆李市页岩矿业有限公司',
    sector: 'NonCoalMine',
    townCode: 'jiangjin.lishi',
    size: 'small_micro',
    principal: '傅明涛',
    principalPhone: '13818422528',
    address: '重庆市江津区李市镇青龙湾',
  },
  // urban natural-gas distributor
  {
    creditCode: '91500116206648806L',
    name: '重庆津城天然气有限公司',
    sector: 'Gas',
    townCode: 'jiangjin.jijiang',
    size: 'above_scale',
    principal: '沈丽华',
    principalPhone: '023-47553928',
    address: '重庆市江津区几江街道大西街312号',
  },
  // LPG bottling and supply
  {
    creditCode: '91500116MA5UYLCP7J',
    name: '重庆白沙液化气供应站有限公司',
    sector: 'Gas',
    townCode: 'jiangjin.baisha',
    size: 'small_micro',
    principal: '曾志勇',
    principalPhone: '13860597376',
    address: '重庆市江津区白沙镇新华路8号',
  },
  // CNG station
  {
    creditCode: '91500116MA609XDC8Y',
    name: '重庆德感压缩天然气加气站有限公司',
    sector: 'Gas',
    townCode: 'jiangjin.degan',
    size: 'small_micro',
    principal: '彭长波',
    principalPhone: '023-47553440',
    address: '重庆市江津区德感街道德感大道99号',
  },
  // general contractor
  {
    creditCode: '91500116202240424W',
    name: '重庆几江建筑工程有限公司',
    sector: 'Construction',
    townCode: 'jiangjin.jijiang',
    size: 'above_scale',
    principal: '吕建新',
    principalPhone: '13818052224',
    address: '重庆市江津区几江街道小西门路20号',
  },
  // municipal works
  {
    creditCode: '91500116MA60424F3M',
    name: '重庆双福市政工程有限公司',
    sector: 'Construction',
    townCode: 'jiangjin.shuangfu',
    size: 'above_scale',
    principal: '苏晓敏',
    principalPhone: '023-47552904',
    address: '重庆市江津区双福街道双福大道101号',
  },
  // small rural construction (cf. 000:30)
  {
    creditCode: '91500116MA603F742E',
    name: '重庆贾嗣乡村建设工程有限公司',
    sector: 'Construction',
    townCode: 'jiangjin.jiasi',
    size: 'small_micro',
    principal: '卢永刚',
    principalPhone: '13870089856',
    address: '重庆市江津区贾嗣镇正街15号',
  },
  // fireworks wholesale with warehouse
  {
    creditCode: '91500116MA61NPRW69',
    name: '重庆江津烟花爆竹批发有限公司',
    sector: 'Fireworks',
    townCode: 'jiangjin.zhiping',
    size: 'above_scale',
    principal: '蒋明华',
    principalPhone: '023-47559368',
    address: '重庆市江津区支坪镇大桥村仓储区',
  },
  // fireworks retail (individual business)
  {
    creditCode: '92500116MA5U802W1E',
    name: '江津区贾嗣镇福临烟花爆竹零售店',
    sector: 'Fireworks',
    townCode: 'jiangjin.jiasi',
    size: 'small_micro',
    principal: '魏东升',
    principalPhone: '13858140160',
    address: '重庆市江津区贾嗣镇正街61号',
  },
  // fireworks retail (individual business)
  {
    creditCode: '92500116MA5U08JX6M',
    name: '江津区白沙镇鸿运烟花爆竹零售店',
    sector: 'Fireworks',
    townCode: 'jiangjin.baisha',
    size: 'small_micro',
    principal: '薛正峰',
    principalPhone: '023-47556728',
    address: '重庆市江津区白沙镇石坝街12号',
  },
  // passenger transport
  {
    creditCode: '91500116202648227Y',
    name: '重庆津通客运有限公司',
    sector: 'RoadTransport',
    townCode: 'jiangjin.jijiang',
    size: 'above_scale',
    principal: '余光波',
    principalPhone: '13851965056',
    address: '重庆市江津区几江街道江洲路2号',
  },
  // freight transport
  {
    creditCode: '91500116MA5UR6699C',
    name: '重庆德感物流运输有限公司',
    sector: 'RoadTransport',
    townCode: 'jiangjin.degan',
    size: 'small_micro',
    principal: '潘世勇',
    principalPhone: '023-47554752',
    address: '重庆市江津区德感街道物流园8号',
  },
  // dangerous-goods road transport
  {
    creditCode: '91500116MA61ALH09M',
    name: '重庆珞璜危险货物运输有限公司',
    sector: 'RoadTransport',
    townCode: 'jiangjin.luohuang',
    size: 'small_micro',
    principal: '杜春梅',
    principalPhone: '13833666816',
    address: '重庆市江津区珞璜镇港口路66号',
  },
  // large commercial complex (key fire unit)
  {
    creditCode: '91500116MA61WWGTXX',
    name: '重庆几江购物广场有限公司',
    sector: 'Fire',
    townCode: 'jiangjin.jijiang',
    size: 'above_scale',
    principal: '戴永军',
    principalPhone: '023-47553488',
    address: '重庆市江津区几江街道东门路18号',
  },
  // market hall (crowded place)
  {
    creditCode: '91500116MA60GXAH89',
    name: '重庆鼎山综合市场管理有限公司',
    sector: 'Fire',
    townCode: 'jiangjin.dingshan',
    size: 'small_micro',
    principal: '钟华英',
    principalPhone: '13851305984',
    address: '重庆市江津区鼎山街道鼎山大道8号',
  },
  // scenic-spot operator
  {
    creditCode: '91500116MA61GJY20M',
    name: '重庆四面山云岭旅游开发有限公司',
    sector: 'CultureTourism',
    townCode: 'jiangjin.simianshan',
    size: 'above_scale',
    principal: '田德勇',
    principalPhone: '023-47553768',
    address: '重庆市江津区四面山镇景区大道1号',
  },
  // homestays in the old town
  {
    creditCode: '91500116MA60BBYW67',
    name: '重庆中山古镇民宿管理有限公司',
    sector: 'CultureTourism',
    townCode: 'jiangjin.zhongshan',
    size: 'small_micro',
    principal: '谭永红',
    principalPhone: '13873201920',
    address: '重庆市江津区中山镇老街106号',
  },
  // elevator installation and maintenance
  {
    creditCode: '91500116MA61971K7J',
    name: '重庆津安电梯工程有限公司',
    sector: 'SpecialEquipment',
    townCode: 'jiangjin.jijiang',
    size: 'small_micro',
    principal: '廖小军',
    principalPhone: '023-47553248',
    address: '重庆市江津区几江街道滨江路201号',
  },
  // guesthouse in a self-built house (individual business)
  {
    creditCode: '92500116MA6113LP0Y',
    name: '江津区贾嗣镇老院子农家乐',
    sector: 'SelfBuiltHousing',
    townCode: 'jiangjin.jiasi',
    size: 'small_micro',
    principal: '邹明亮',
    principalPhone: '13876819328',
    address: '重庆市江津区贾嗣镇新桥村3组',
  },
  // Yangtze cargo shipping
  {
    creditCode: '91500116200020620T',
    name: '重庆津江航运有限公司',
    sector: 'Waterway',
    townCode: 'jiangjin.baisha',
    size: 'above_scale',
    principal: '熊学伟',
    principalPhone: '023-47557728',
    address: '重庆市江津区白沙镇码头路5号',
  },
  // recycling (cf. 001:148)
  {
    creditCode: '91500116MA61R45RXR',
    name: '重庆德感再生资源回收有限公司',
    sector: 'Commerce',
    townCode: 'jiangjin.degan',
    size: 'small_micro',
    principal: '冉启军',
    principalPhone: '13862921344',
    address: '重庆市江津区德感街道德感大道188号',
  },
  // farmers' cooperative (Sichuan pepper)
  {
    creditCode: '93500116MA5UX6Y498',
    name: '江津区先锋镇椒香花椒种植专业合作社',
    sector: 'Agriculture',
    townCode: 'jiangjin.xianfeng',
    size: 'small_micro',
    principal: '向明芬',
    principalPhone: '023-47557128',
    address: '重庆市江津区先锋镇麻柳村5组',
  },
  // private hospital
  {
    creditCode: '91500116MA610TQY1H',
    name: '重庆几江康宁医院有限公司',
    sector: 'Health',
    townCode: 'jiangjin.jijiang',
    size: 'small_micro',
    principal: '付建国',
    principalPhone: '13821621120',
    address: '重庆市江津区几江街道南安门路39号',
  },
  // private elderly-care home (民办非企业单位)
  {
    creditCode: '52500116MJBQ1H62XP',
    name: '江津区贾嗣镇福寿养老院',
    sector: 'CivilAffairs',
    townCode: 'jiangjin.jiasi',
    size: 'small_micro',
    principal: '张德友',
    principalPhone: '023-47554472',
    address: '重庆市江津区贾嗣镇正街88号',
  },
  // hazardous-waste disposal
  {
    creditCode: '91500116MA616EQPXQ',
    name: '重庆珞璜环保科技有限公司',
    sector: 'Environment',
    townCode: 'jiangjin.luohuang',
    size: 'above_scale',
    principal: '李庆华',
    principalPhone: '13898468288',
    address: '重庆市江津区珞璜镇工业园D区2号',
  },
  // water supply
  {
    creditCode: '91500116MA60EB6W40',
    name: '重庆油溪自来水有限公司',
    sector: 'UrbanOperation',
    townCode: 'jiangjin.youxi',
    size: 'small_micro',
    principal: '王德全',
    principalPhone: '023-47557216',
    address: '重庆市江津区油溪镇油溪水厂路1号',
  },
];
