import type {
  FormCell,
  FormConstraint,
  FormDefinition,
  FormPrefill,
  FormRow,
  FormRowLevel,
  FormUnit,
} from '@zhiben/contracts';

/**
 * 《重大事故隐患专项排查整治2023行动进展情况月度调度表》 — the attachment of seed 000 (title 000:125-131,
 * header 000:133, sections 000:135-319, footnote 000:321), as a declarative definition: every printed cell
 * with its number and label as printed, the value rows behind them (codes of forms-and-reports.md F-01),
 * their units, where the system can pre-fill them, and the cross-row constraints.
 *
 * Reading of the source:
 * - The form is a two-column grid: each printed line holds a left and a right cell (`lines`).
 * - Three printed cells hold two values: 行政处罚（次，万元） (E3a, E3b), 公布典型执法案例（个），其中危险作业罪案例
 *   （个） (E8a, E8b) and 举报奖励（万元），其中匿名举报查实奖励（万元） (L5a, L5b).
 * - Section 4's unnumbered lines under items 1–4 split the item by level: district leadership (D),
 *   district departments (Dd), towns/subdistricts and platforms (T). Item 4 has no department line: its
 *   cell is blank in the seed (000:293-295) and stays `null`.
 * - 是否在主流媒体播放安全生产专题栏目 has no unit; it is a yes/no row (`是否`).
 */

const row = (
  id: string,
  sectionId: string,
  number: string | undefined,
  labelZh: string,
  labelEn: string,
  unit: FormUnit,
  prefill: FormPrefill,
  level?: FormRowLevel,
): FormRow => ({
  id,
  sectionId,
  ...(number === undefined ? {} : { number }),
  labelZh,
  labelEn,
  unit,
  ...(level === undefined ? {} : { level }),
  prefill,
});
const cell = (number: string | null, labelZh: string, ...rows: string[]): FormCell => ({
  number,
  labelZh,
  rows,
});

const MANUAL: FormPrefill = { kind: 'manual' };
const enforcement = (metric: string): FormPrefill => ({ kind: 'enforcement', metric });
const selfFound: FormPrefill = {
  kind: 'hazards',
  grade: 'major',
  sources: ['SelfInspection'],
  measure: 'found',
};
const enforcementFound: FormPrefill = {
  kind: 'hazards',
  grade: 'major',
  sources: ['EnforcementInspection'],
  measure: 'found',
};

export const DISPATCH_FORM_2023_ID = 'dispatch-major-hazard-2023';

const ROWS: readonly FormRow[] = [
  // 一、总体情况 (000:135-158)
  row(
    'G1',
    'overall',
    '1',
    '企业自查发现的重大事故隐患',
    'Major hazards found by enterprise self-inspection',
    '个',
    selfFound,
  ),
  row(
    'G2',
    'overall',
    '2',
    '企业自查发现重大事故隐患中已完成整改的',
    'Of the major hazards found by self-inspection: rectification completed',
    '个',
    { ...selfFound, measure: 'rectified' },
  ),
  row(
    'G3',
    'overall',
    '3',
    '执法检查发现的重大事故隐患',
    'Major hazards found by enforcement inspection',
    '个',
    enforcementFound,
  ),
  row(
    'G4',
    'overall',
    '4',
    '执法检查发现重大事故隐患中已完成整改的',
    'Of the major hazards found by enforcement inspection: rectification completed',
    '个',
    { ...enforcementFound, measure: 'rectified' },
  ),
  row('G5', 'overall', '5', '挂牌督办的重大事故隐患', 'Major hazards under listed supervision', '个', {
    kind: 'listings',
    measure: 'listed',
  }),
  row(
    'G6',
    'overall',
    '6',
    '挂牌督办重大事故隐患中已完成整改的',
    'Of the listed major hazards: rectification completed',
    '个',
    { kind: 'listings', measure: 'rectified' },
  ),
  // 二、对企业自查自改进行抽查检查情况 (000:161-204)
  row(
    'S1',
    'spot-checks',
    '1',
    '抽查检查的企业总数',
    'Enterprises spot-checked',
    '家',
    enforcement('spotCheckedEnterprises'),
  ),
  row(
    'S2',
    'spot-checks',
    '2',
    '企业主要负责人未按要求亲自研究排查整治工作',
    'Principal did not personally study the inspection and rectification work as required',
    '家',
    enforcement('spotCheckPrincipalDidNotStudy'),
  ),
  row(
    'S3',
    'spot-checks',
    '3',
    '企业主要负责人未带队检查',
    'Principal did not lead inspections in person',
    '家',
    enforcement('spotCheckPrincipalDidNotLead'),
  ),
  row(
    'S4',
    'spot-checks',
    '4',
    '企业未制定全员安全生产责任制职责清单',
    'No duty list of the all-staff safety responsibility system',
    '家',
    enforcement('spotCheckNoDutyList'),
  ),
  row(
    'S5',
    'spot-checks',
    '5',
    '企业未依法建立安全管理机构和配足安全管理人员',
    'No safety management body or too few safety managers as the law requires',
    '家',
    enforcement('spotCheckNoSafetyBody'),
  ),
  row(
    'S6',
    'spot-checks',
    '6',
    '电焊等特种作业岗位人员无证上岗作业',
    'Welders and other special-operation staff working without certificates',
    '家',
    enforcement('spotCheckUncertifiedOperators'),
  ),
  row(
    'S7',
    'spot-checks',
    '7',
    '外包外租安全管理混乱',
    'Chaotic safety management of outsourcing and leasing',
    '家',
    enforcement('spotCheckOutsourcingChaos'),
  ),
  row(
    'S8',
    'spot-checks',
    '8',
    '未按规定开展应急演练、员工不熟悉逃生出口',
    'No emergency drill as required, or staff unfamiliar with the escape exits',
    '家',
    enforcement('spotCheckNoDrill'),
  ),
  // 三、精准严格执法情况 (000:207-250)
  row(
    'E1',
    'enforcement',
    '1',
    '区级部门指导帮扶镇街、平台',
    'Guidance visits by district departments to towns, subdistricts and platforms',
    '个次',
    enforcement('guidanceVisitsToTowns'),
  ),
  row(
    'E2',
    'enforcement',
    '2',
    '帮扶指导重点企业',
    'Guidance visits to key enterprises',
    '家次',
    enforcement('guidanceVisitsToKeyEnterprises'),
  ),
  row(
    'E3a',
    'enforcement',
    '3',
    '行政处罚（次数）',
    'Administrative penalties (number)',
    '次',
    enforcement('penalties'),
  ),
  row(
    'E3b',
    'enforcement',
    '3',
    '行政处罚（金额）',
    'Administrative penalties (amount)',
    '万元',
    enforcement('penaltyAmount'),
  ),
  row(
    'E4',
    'enforcement',
    '4',
    '企业和企业主要负责人“一案双罚”',
    '"One case, double penalty" on an enterprise and its principal',
    '次',
    enforcement('dualPenalties'),
  ),
  row(
    'E5',
    'enforcement',
    '5',
    '移送司法机关',
    'Persons transferred to judicial organs',
    '人',
    enforcement('personsReferredToJudiciary'),
  ),
  row(
    'E6',
    'enforcement',
    '6',
    '责令停产整顿',
    'Enterprises ordered to suspend production for rectification',
    '家',
    enforcement('suspensionOrders'),
  ),
  row(
    'E7',
    'enforcement',
    '7',
    '曝光、约谈、联合惩戒企业',
    'Enterprises exposed, summoned or jointly punished',
    '家',
    enforcement('enterprisesExposedSummonedOrPunished'),
  ),
  row(
    'E8a',
    'enforcement',
    '8',
    '公布典型执法案例',
    'Typical enforcement cases published',
    '个',
    enforcement('typicalCasesPublished'),
  ),
  row(
    'E8b',
    'enforcement',
    '8',
    '其中危险作业罪案例',
    'Of which: cases of the crime of dangerous operations',
    '个',
    enforcement('typicalDangerousOperationCases'),
  ),
  row(
    'E9',
    'enforcement',
    '9',
    '责任倒查追责问责',
    'Persons held accountable through responsibility trace-back',
    '人',
    enforcement('personsHeldAccountable'),
  ),
  row(
    'E10',
    'enforcement',
    '10',
    '约谈通报有关部门及镇街、平台',
    'Summons and circulars against departments, towns, subdistricts and platforms',
    '次',
    enforcement('summonsAndCircularsToUnits'),
  ),
  // 四、组织领导情况 (000:253-319)
  row(
    'L1.D',
    'leadership',
    '1',
    '区委、区政府组织专题学习安全生产十五条硬措施',
    'District party committee and government: special study of the Fifteen Hard Measures',
    '次',
    MANUAL,
    'district',
  ),
  row(
    'L1.Dd',
    'leadership',
    undefined,
    '区级部门组织专题学习安全生产十五条硬措施',
    'District departments: special study of the Fifteen Hard Measures',
    '次',
    MANUAL,
    'districtDepartments',
  ),
  row(
    'L1.T',
    'leadership',
    undefined,
    '镇街党委政府、平台组织专题学习安全生产十五条硬措施',
    'Party committees and governments of towns and subdistricts, and platforms: special study of the Fifteen Hard Measures',
    '次',
    MANUAL,
    'townsAndPlatforms',
  ),
  row(
    'L2.D',
    'leadership',
    '2',
    '区委、区政府主要负责同志专题研究',
    'Special studies by the principals of the district party committee and government',
    '次',
    MANUAL,
    'district',
  ),
  row(
    'L2.Dd',
    'leadership',
    undefined,
    '区级部门主要负责同志专题研究',
    'Special studies by the principals of district departments',
    '次',
    MANUAL,
    'districtDepartments',
  ),
  row(
    'L2.T',
    'leadership',
    undefined,
    '镇街、平台党政主要负责同志专题研究',
    'Special studies by the party and government principals of towns, subdistricts and platforms',
    '次',
    MANUAL,
    'townsAndPlatforms',
  ),
  row(
    'L3.D',
    'leadership',
    '3',
    '区政府负责同志现场督导检查',
    'On-site supervisory inspections by district government leaders',
    '次',
    MANUAL,
    'district',
  ),
  row(
    'L3.Dd',
    'leadership',
    undefined,
    '区级部门负责同志现场督导检查',
    'On-site supervisory inspections by district department leaders',
    '次',
    MANUAL,
    'districtDepartments',
  ),
  row(
    'L3.T',
    'leadership',
    undefined,
    '镇街、平台负责同志现场督导检查',
    'On-site supervisory inspections by leaders of towns, subdistricts and platforms',
    '次',
    MANUAL,
    'townsAndPlatforms',
  ),
  row(
    'L4.D',
    'leadership',
    '4',
    '区安委会成员单位负责同志到企业宣讲',
    'Briefings at enterprises by leaders of the district safety committee member units',
    '次',
    MANUAL,
    'district',
  ),
  row(
    'L4.T',
    'leadership',
    undefined,
    '镇街、平台安委会成员单位负责同志到企业宣讲',
    'Briefings at enterprises by leaders of the safety committee member units of towns, subdistricts and platforms',
    '次',
    MANUAL,
    'townsAndPlatforms',
  ),
  row('L5a', 'leadership', '5', '举报奖励', 'Rewards paid for reports', '万元', {
    kind: 'tipline',
    metric: 'rewardsPaid',
  }),
  row(
    'L5b',
    'leadership',
    '5',
    '其中匿名举报查实奖励',
    'Of which: rewards for verified anonymous reports',
    '万元',
    { kind: 'tipline', metric: 'anonymousRewardsPaid' },
  ),
  row(
    'L6',
    'leadership',
    '6',
    '是否在主流媒体播放安全生产专题栏目',
    'Work-safety programme broadcast in mainstream media',
    '是否',
    MANUAL,
  ),
  row(
    'L7',
    'leadership',
    '7',
    '区、镇街和平台两级配备专兼职技术检查员数量',
    'Full- and part-time technical inspectors at district and town or platform level',
    '人',
    MANUAL,
  ),
  row(
    'L8',
    'leadership',
    '8',
    '组织开展考核巡查督导检查',
    'Assessment, patrol and supervisory inspections organised',
    '次',
    MANUAL,
  ),
];

const lte = (r: string, max: string): FormConstraint => ({ kind: 'lte', row: r, max });

/** Rectified ≤ found; the spot-check findings ≤ enterprises checked; "of which" ≤ its total [design, F-01]. */
const CONSTRAINTS: readonly FormConstraint[] = [
  lte('G2', 'G1'),
  lte('G4', 'G3'),
  lte('G6', 'G5'),
  ...['S2', 'S3', 'S4', 'S5', 'S6', 'S7', 'S8'].map((s) => lte(s, 'S1')),
  lte('E4', 'E3a'),
  lte('E8b', 'E8a'),
  lte('L5b', 'L5a'),
];

/** The footnote, verbatim (000:321). */
const FOOTNOTE_ZH =
  '注：1．调度表内容应围绕专项行动并对照方案具体要求如实填报，特别是对企业自查情况进行抽查检查时，要深挖细查，查出问题。如：电焊等人员无证上岗作业，既要通过现场检查发现问题，也要通过对企业动火等特种作业存单进行检查核实来发现问题；外包外租管理混乱，是指符合以下情形之一的：承包承租方不具备安全生产条件、未取得相应资质，双方未签订安全生产协议，安全生产管理职责不清，未纳入本企业统一管理。';
const FOOTNOTE_EN =
  'Note 1. Fill in the form truthfully, around the campaign and against the specific requirements of the plan; when spot-checking enterprises’ self-inspection, dig deep and find the problems. For example, welders and others working without certificates must be found both by on-site inspection and by checking the enterprise’s records of hot work and other special operations. Chaotic management of outsourcing and leasing means any one of: the contractor or lessee lacks the safety conditions or the required qualification; the two parties have signed no safety agreement; safety management duties are unclear; the contractor or lessee is not part of the enterprise’s unified management.';

export const DISPATCH_FORM_2023: FormDefinition = {
  id: DISPATCH_FORM_2023_ID,
  version: 1,
  titleZh: '重大事故隐患专项排查整治2023行动进展情况月度调度表',
  titleEn:
    'Monthly dispatch form on the progress of the 2023 major-hazard inspection and rectification campaign',
  header: { unitLabelZh: '（部门或企业名称）：__________', dateLabelZh: '时间：2023年   月   日' },
  sections: [
    {
      id: 'overall',
      titleZh: '总体情况',
      titleEn: 'Overall situation',
      lines: [
        [
          cell('1', '企业自查发现的重大事故隐患（个）', 'G1'),
          cell('2', '企业自查发现重大事故隐患中已完成整改的（个）', 'G2'),
        ],
        [
          cell('3', '执法检查发现的重大事故隐患（个）', 'G3'),
          cell('4', '执法检查发现重大事故隐患中已完成整改的（个）', 'G4'),
        ],
        [
          cell('5', '挂牌督办的重大事故隐患（个）', 'G5'),
          cell('6', '挂牌督办重大事故隐患中已完成整改的（个）', 'G6'),
        ],
      ],
      citation: '000:135-158',
    },
    {
      id: 'spot-checks',
      titleZh: '对企业自查自改进行抽查检查情况',
      titleEn: 'Spot-checks of enterprises’ self-inspection and self-rectification',
      lines: [
        [
          cell('1', '抽查检查的企业总数（家）', 'S1'),
          cell('2', '企业主要负责人未按要求亲自研究排查整治工作（家）', 'S2'),
        ],
        [
          cell('3', '企业主要负责人未带队检查（家）', 'S3'),
          cell('4', '企业未制定全员安全生产责任制职责清单（家）', 'S4'),
        ],
        [
          cell('5', '企业未依法建立安全管理机构和配足安全管理人员（家）', 'S5'),
          cell('6', '电焊等特种作业岗位人员无证上岗作业（家）', 'S6'),
        ],
        [
          cell('7', '外包外租安全管理混乱（家）', 'S7'),
          cell('8', '未按规定开展应急演练、员工不熟悉逃生出口（家）', 'S8'),
        ],
      ],
      citation: '000:161-204',
    },
    {
      id: 'enforcement',
      titleZh: '精准严格执法情况',
      titleEn: 'Precise and strict enforcement',
      lines: [
        [cell('1', '区级部门指导帮扶镇街、平台（个次）', 'E1'), cell('2', '帮扶指导重点企业（家次）', 'E2')],
        [
          cell('3', '行政处罚（次，万元）', 'E3a', 'E3b'),
          cell('4', '企业和企业主要负责人“一案双罚”（次）', 'E4'),
        ],
        [cell('5', '移送司法机关（人）', 'E5'), cell('6', '责令停产整顿（家）', 'E6')],
        [
          cell('7', '曝光、约谈、联合惩戒企业（家）', 'E7'),
          cell('8', '公布典型执法案例（个），其中危险作业罪案例（个）', 'E8a', 'E8b'),
        ],
        [cell('9', '责任倒查追责问责（人）', 'E9'), cell('10', '约谈通报有关部门及镇街、平台（次）', 'E10')],
      ],
      citation: '000:207-250',
    },
    {
      id: 'leadership',
      titleZh: '组织领导情况',
      titleEn: 'Organisation and leadership',
      lines: [
        [
          cell('1', '区委、区政府组织专题学习安全生产十五条硬措施（次）', 'L1.D'),
          cell('2', '区委、区政府主要负责同志专题研究（次）', 'L2.D'),
        ],
        [
          cell(null, '区级部门组织专题学习安全生产十五条硬措施（次）', 'L1.Dd'),
          cell(null, '区级部门主要负责同志专题研究（次）', 'L2.Dd'),
        ],
        [
          cell(null, '镇街党委政府、平台组织专题学习安全生产十五条硬措施（次）', 'L1.T'),
          cell(null, '镇街、平台党政主要负责同志专题研究（次）', 'L2.T'),
        ],
        [
          cell('3', '区政府负责同志现场督导检查（次）', 'L3.D'),
          cell('4', '区安委会成员单位负责同志到企业宣讲（次）', 'L4.D'),
        ],
        [cell(null, '区级部门负责同志现场督导检查（次）', 'L3.Dd'), null],
        [
          cell(null, '镇街、平台负责同志现场督导检查（次）', 'L3.T'),
          cell(null, '镇街、平台安委会成员单位负责同志到企业宣讲（次）', 'L4.T'),
        ],
        [
          cell('5', '举报奖励（万元），其中匿名举报查实奖励（万元）', 'L5a', 'L5b'),
          cell('6', '是否在主流媒体播放安全生产专题栏目', 'L6'),
        ],
        [
          cell('7', '区、镇街和平台两级配备专兼职技术检查员数量（人）', 'L7'),
          cell('8', '组织开展考核巡查督导检查（次）', 'L8'),
        ],
      ],
      citation: '000:253-319',
    },
  ],
  rows: ROWS,
  constraints: CONSTRAINTS,
  footnoteZh: FOOTNOTE_ZH,
  footnoteEn: FOOTNOTE_EN,
  citation: '000:125-323',
};

/**
 * 外包外租管理混乱 (row S7) as the footnote defines it: an enterprise counts if any one criterion holds
 * (000:321; forms-and-reports.md F-01 "OutsourcingChaosCriteria").
 */
export const OUTSOURCING_CHAOS_CRITERIA = [
  {
    id: 'contractorUnqualified',
    labelZh: '承包承租方不具备安全生产条件、未取得相应资质',
    labelEn: 'The contractor or lessee lacks the safety conditions or the required qualification',
  },
  {
    id: 'noSafetyAgreement',
    labelZh: '双方未签订安全生产协议',
    labelEn: 'The two parties have signed no safety agreement',
  },
  { id: 'dutiesUnclear', labelZh: '安全生产管理职责不清', labelEn: 'Safety management duties are unclear' },
  {
    id: 'notUnifiedManaged',
    labelZh: '未纳入本企业统一管理',
    labelEn: 'Not part of the enterprise’s unified management',
  },
] as const;
export type OutsourcingChaosCriterion = (typeof OUTSOURCING_CHAOS_CRITERIA)[number]['id'];

/** Whether a spot-checked enterprise counts in S7: any one criterion is enough. */
export function isOutsourcingChaotic(findings: Partial<Record<OutsourcingChaosCriterion, boolean>>): boolean {
  return OUTSOURCING_CHAOS_CRITERIA.some((c) => findings[c.id] === true);
}
