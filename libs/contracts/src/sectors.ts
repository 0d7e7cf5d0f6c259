import { z } from 'zod';

/**
 * The sector catalogue (行业领域): every code of the "key sector → owner" lookup in
 * `shared/domain/roles-and-org.md` §4, named as the domain docs and seeds name them
 * (`shared/domain/glossary.md` §9 lists the variants, kept here as `aliasesZh`).
 *
 * `key` marks the 重点行业领域 the seeds single out:
 * - 000:21 (贾嗣镇 2023 campaign): 交通运输、建设施工、危险化学品、非煤矿山、工贸、燃气、消防;
 * - 001:16, 001:49, 001:87 (江津区 2023 work points): 工贸, 非煤矿山, 危险化学品和烟花爆竹;
 * - 001:142, 001:148: 自建房 (full-chain supervision, special rectification);
 * - 002:405 (铜梁区 2022): adds 文旅, 特种设备 to the list above.
 *
 * Which department leads a sector is jurisdiction data (see the directory seeds), not part of the catalogue.
 */
export const SECTORS = [
  {
    code: 'RoadTransport',
    nameZh: '道路运输',
    nameEn: 'Road transport',
    key: true,
    aliasesZh: ['道路交通', '交通运输'],
  },
  {
    code: 'Waterway',
    nameZh: '水上交通',
    nameEn: 'Waterway traffic',
    key: false,
    aliasesZh: ['港口', '航运'],
  },
  {
    code: 'Construction',
    nameZh: '建设施工',
    nameEn: 'Construction',
    key: true,
    aliasesZh: ['建筑施工', '建设工程施工'],
  },
  {
    code: 'Hazchem',
    nameZh: '危险化学品',
    nameEn: 'Hazardous chemicals',
    key: true,
    aliasesZh: ['危化品', '化工和危险化学品'],
  },
  {
    code: 'Fireworks',
    nameZh: '烟花爆竹',
    nameEn: 'Fireworks',
    key: true,
    aliasesZh: [],
  },
  {
    code: 'CivilExplosives',
    nameZh: '民用爆炸物品',
    nameEn: 'Civilian explosives',
    key: false,
    aliasesZh: ['民爆'],
  },
  {
    code: 'NonCoalMine',
    nameZh: '非煤矿山',
    nameEn: 'Non-coal mines',
    key: true,
    aliasesZh: ['矿山', '金属非金属矿山'],
  },
  {
    code: 'OilGasPipeline',
    nameZh: '油气长输管道',
    nameEn: 'Oil and gas long-distance pipelines',
    key: false,
    aliasesZh: ['天然气长输管道'],
  },
  {
    code: 'Gas',
    nameZh: '城镇燃气',
    nameEn: 'Urban gas',
    key: true,
    aliasesZh: ['燃气'],
  },
  {
    code: 'IndustryTrade',
    nameZh: '工贸',
    nameEn: 'Industry and trade',
    key: true,
    aliasesZh: ['工商贸', '冶金工贸'],
  },
  {
    code: 'Fire',
    nameZh: '消防',
    nameEn: 'Fire safety',
    key: true,
    aliasesZh: ['消防安全'],
  },
  {
    code: 'SpecialEquipment',
    nameZh: '特种设备',
    nameEn: 'Special equipment',
    key: true,
    aliasesZh: [],
  },
  {
    code: 'CultureTourism',
    nameZh: '文化旅游',
    nameEn: 'Culture and tourism',
    key: true,
    aliasesZh: ['文旅', '文化旅游场所'],
  },
  {
    code: 'CulturalRelics',
    nameZh: '文物',
    nameEn: 'Cultural relics',
    key: false,
    aliasesZh: [],
  },
  {
    code: 'SelfBuiltHousing',
    nameZh: '自建房',
    nameEn: 'Self-built housing',
    key: true,
    aliasesZh: ['农村自建房', '经营性自建房', '城乡房屋'],
  },
  {
    code: 'WaterConservancy',
    nameZh: '水利',
    nameEn: 'Water conservancy',
    key: false,
    aliasesZh: ['水利设施', '水利工程'],
  },
  {
    code: 'Education',
    nameZh: '教育',
    nameEn: 'Education',
    key: false,
    aliasesZh: ['校园安全', '校外培训机构'],
  },
  {
    code: 'CivilAffairs',
    nameZh: '民政',
    nameEn: 'Civil affairs',
    key: false,
    aliasesZh: ['民政机构', '养老机构'],
  },
  {
    code: 'Health',
    nameZh: '医疗卫生',
    nameEn: 'Health care',
    key: false,
    aliasesZh: ['卫生健康', '医疗卫生托育机构'],
  },
  {
    code: 'Agriculture',
    nameZh: '农业农村',
    nameEn: 'Agriculture and rural affairs',
    key: false,
    aliasesZh: ['农业', '农机', '畜牧'],
  },
  {
    code: 'Commerce',
    nameZh: '商贸',
    nameEn: 'Commerce and services',
    key: false,
    aliasesZh: ['商贸服务业'],
  },
  {
    code: 'UrbanOperation',
    nameZh: '城市运行',
    nameEn: 'Urban operation',
    key: false,
    aliasesZh: ['城市管理'],
  },
  {
    code: 'Environment',
    nameZh: '生态环境',
    nameEn: 'Ecology and environment',
    key: false,
    aliasesZh: ['突发环境事件'],
  },
  {
    code: 'Forestry',
    nameZh: '林业',
    nameEn: 'Forestry',
    key: false,
    aliasesZh: [],
  },
  {
    code: 'Sports',
    nameZh: '体育',
    nameEn: 'Sports',
    key: false,
    aliasesZh: ['体育场馆和设施'],
  },
  {
    code: 'Meteorology',
    nameZh: '气象',
    nameEn: 'Meteorology',
    key: false,
    aliasesZh: ['防雷', '升放气球'],
  },
  {
    code: 'DistrictSOE',
    nameZh: '区属国有企业',
    nameEn: 'District state-owned enterprises',
    key: false,
    aliasesZh: ['区属国企'],
  },
] as const satisfies readonly {
  code: string;
  nameZh: string;
  nameEn: string;
  key: boolean;
  aliasesZh: readonly string[];
}[];

export type Sector = (typeof SECTORS)[number];
export type SectorCode = Sector['code'];

export const SECTOR_CODES = SECTORS.map((s) => s.code) as [SectorCode, ...SectorCode[]];

export const KEY_SECTOR_CODES: readonly SectorCode[] = SECTORS.filter((s) => s.key).map((s) => s.code);

export const sectorCodeSchema = z.enum(SECTOR_CODES);

const SECTOR_BY_CODE: ReadonlyMap<string, Sector> = new Map(SECTORS.map((s) => [s.code, s]));

export function getSector(code: SectorCode): Sector {
  // Every SectorCode is in the map by construction.
  return SECTOR_BY_CODE.get(code) as Sector;
}

export function isSectorCode(value: unknown): value is SectorCode {
  return typeof value === 'string' && SECTOR_BY_CODE.has(value);
}
