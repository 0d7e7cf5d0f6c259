import type { CampaignTemplate, Duty } from '@zhiben/contracts';
import {
  METEOROLOGY_KEY_TASKS,
  OTHER_MEMBER_UNITS_KEY_TASKS,
  SOE_KEY_TASKS,
} from './root-cause-3y.task-lists';

/**
 * 安全生产治本攻坚三年行动（2024—2026年）.
 *
 * The town plan of 三甲镇 (seed 003, 三政发〔2024〕11号, signed 2024-02-29, 003:30) gives the four phases and
 * the reporting rhythm (processes.md P-01 Template C); the key-task lists are those of 巴南区's
 * sub-plans (seed 004; see root-cause-3y.task-lists.ts). "即日起至2026年12月" (003:166).
 */

const duty = (d: Omit<Duty, 'unitZh'> & { unitZh?: Duty['unitZh'] }): Duty => ({ unitZh: '次', ...d });

const DUTIES: Duty[] = [
  duty({
    id: 'rc-sector-study',
    titleZh: '专题研究一次本行业领域治本攻坚工作',
    whoZh: '各行业领域',
    period: 'monthly',
    minCount: 1,
    citation: '003:180',
  }),
  duty({
    id: 'rc-principal-frontline',
    titleZh: '主要负责人深入一线开展督导检查',
    whoZh: '各行业领域主要负责人',
    period: 'monthly',
    minCount: 1,
    citation: '003:180',
  }),
  duty({
    id: 'rc-evacuation-drill',
    titleZh: '针对办公、生产、生活等区域分别集中开展疏散逃生演练',
    whoZh: '各生产经营单位',
    period: 'yearly',
    minCount: 1,
    variants: [{ conditionZh: '高危行业领域', period: 'halfYearly', minCount: 1 }],
    citation: '003:102',
  }),
  duty({
    id: 'rc-comprehensive-drill',
    titleZh: '组织综合性应急演练',
    whoZh: '镇政府',
    period: 'yearly',
    minCount: 1,
    variants: [
      { conditionZh: '高危行业领域企业（事故应急救援预案演练）', period: 'halfYearly', minCount: 1 },
    ],
    citation: '003:156',
  }),
  duty({
    id: 'rc-emergency-training',
    titleZh: '组织安全负责人等从业人员应急管理专题培训',
    whoZh: '镇政府',
    period: 'yearly',
    minCount: 1,
    citation: '003:160',
  }),
  duty({
    id: 'rc-soe-principal-check',
    titleZh: '带队对本企业重大事故隐患排查整治情况开展检查',
    whoZh: '区属国有企业主要负责人',
    period: 'quarterly',
    minCount: 1,
    taskItemId: 'soe-4',
    citation: '004:974',
  }),
  duty({
    id: 'rc-soe-drill',
    titleZh: '组织开展疏散逃生演练',
    whoZh: '各区属国有企业',
    period: 'yearly',
    minCount: 1,
    taskItemId: 'soe-8',
    citation: '004:998',
  }),
  duty({
    id: 'rc-met-testing',
    titleZh: '雷电防护装置检测',
    whoZh: '雷电防护装置的使用、维护、产权单位',
    period: 'yearly',
    minCount: 1,
    variants: [
      {
        conditionZh: '油库、气库、弹药库、危险化学品及烟花爆竹生产、储存等易燃易爆场所',
        period: 'halfYearly',
        minCount: 1,
      },
    ],
    taskItemId: 'met-5',
    citation: '004:1216',
  }),
  duty({
    id: 'rc-telecom-drill',
    titleZh: '组织开展疏散逃生演练',
    whoZh: '区内基础电信企业',
    period: 'yearly',
    minCount: 1,
    taskItemId: 'mu-dsj-4',
    citation: '004:1678',
  }),
  duty({
    id: 'rc-tax-covert',
    titleZh: '采取“四不两直”的方式对局机关及各派出机构进行明查暗访',
    whoZh: '区税务局',
    period: 'halfYearly',
    minCount: 1,
    taskItemId: 'mu-sw-2',
    citation: '004:1696',
  }),
  duty({
    id: 'rc-ship-meeting',
    titleZh: '组织召开安全例会',
    whoZh: '各航运企业主要负责人',
    period: 'monthly',
    minCount: 1,
    taskItemId: 'mu-hs-1',
    citation: '004:1802',
  }),
  duty({
    id: 'rc-ship-four-checks',
    titleZh: '开展“四查”（查培训教育、责任落实、双重预防、安全投入）',
    whoZh: '各航运企业主要负责人',
    period: 'quarterly',
    minCount: 1,
    taskItemId: 'mu-hs-1',
    citation: '004:1802',
  }),
  duty({
    id: 'rc-ship-two-talks',
    titleZh: '开展“两讲”（讲学习、讲安全）',
    whoZh: '各航运企业主要负责人',
    period: 'halfYearly',
    minCount: 1,
    taskItemId: 'mu-hs-1',
    citation: '004:1802',
  }),
  duty({
    id: 'rc-ship-principal-check',
    titleZh: '带队对本单位重大事故隐患排查整治情况开展检查',
    whoZh: '航运企业主要负责人',
    period: 'quarterly',
    minCount: 1,
    variants: [{ conditionZh: '涉客、涉危航运企业', period: 'monthly', minCount: 1 }],
    taskItemId: 'mu-hs-2',
    citation: '004:1806',
  }),
  duty({
    id: 'rc-ship-drill',
    titleZh: '组织从业人员开展疏散逃生演练',
    whoZh: '航运企业',
    period: 'yearly',
    minCount: 1,
    variants: [{ conditionZh: '涉客、涉危航运企业', period: 'halfYearly', minCount: 1 }],
    taskItemId: 'mu-hs-15',
    citation: '004:1858',
  }),
];

export const ROOT_CAUSE_3Y: CampaignTemplate = {
  id: 'root-cause-3y',
  version: 1,
  kind: 'RootCause3Y',
  titleZh: '安全生产治本攻坚三年行动（2024—2026年）',
  titleEn: 'Three-Year Root-Cause Tackling Action on Work Safety (2024–2026)',
  issuer: {
    nameZh: '三甲镇人民政府', // 003:28
    nameEn: 'People’s Government of Sanjia Town',
    docNo: '三政发〔2024〕11号', // 003:20
    issuedOn: '2024-02-29', // 003:30
  },
  levelZh: '镇',
  period: { start: '2024-02-29', end: { kind: 'date', date: '2026-12-31' } }, // 003:166
  events: [],
  stagesMayOverlap: false,
  stages: [
    {
      key: 'mobilization',
      kind: 'Mobilization',
      titleZh: '动员部署阶段',
      titleEn: 'Mobilisation and deployment',
      start: '2024-02-29',
      end: { kind: 'date', date: '2024-02-29' }, // 即日起至2月底
      deliverablesZh:
        '编制印发《三甲镇安全生产治本攻坚三年行动实施方案(2024—2026年)》,全面部署启动开展治本攻坚三年行动。',
      citation: '003:168',
    },
    {
      key: 'concentrated-assault',
      kind: 'ConcentratedAssault',
      titleZh: '集中攻坚阶段',
      titleEn: 'Concentrated assault',
      start: '2024-03-01',
      end: { kind: 'date', date: '2025-12-31' }, // 2024年3月至2025年12月
      deliverablesZh:
        '各镇机关相关站(室)、驻镇各站(所、院)、各行政村按照实施方案,有序推进“十三大行动”,对本辖区、本行业领域和重点单位场所、关键环节安全风险隐患进行全面深入细致排查治理,制定时间表和路线图,明确整改责任单位和整改要求,坚持边查边改、立查立改,加快推进实施,整治工作取得初步成效。',
      citation: '003:170',
    },
    {
      key: 'root-cause-improvement',
      kind: 'RootCauseImprovement',
      titleZh: '治本提升阶段',
      titleEn: 'Root-cause improvement',
      start: '2026-01-01',
      end: { kind: 'date', date: '2026-09-30' }, // 2026年1月至2026年9月
      deliverablesZh:
        '针对重点难点问题,通过现场推进会、标杆企业的经验等措施,加大安全生产治本攻坚力度,落实和完善治理措施。深入分析安全生产共性问题和突出隐患,深挖背后的深层次矛盾和原因,梳理出在法规标准、政策措施等层面需要建立健全、补充完善的具体制度,逐项推动落实,形成一批制度成果,整治工作取得明显成效。',
      citation: '003:172',
    },
    {
      key: 'summary-evaluation',
      kind: 'SummaryEvaluation',
      titleZh: '总结评估阶段',
      titleEn: 'Summary and evaluation',
      start: '2026-10-01',
      end: { kind: 'date', date: '2026-12-31' }, // 2026年10月至12月
      deliverablesZh:
        '对照治本攻坚三年行动各项任务要求,组织开展推进落实情况自查自评,形成自查总结报告。同时,根据推进落实情况,找短板、查弱项、补漏项,分析原因、精准施策、整改到位,确保三年行动各项任务措施顺利实施、各项整治任务圆满完成。',
      citation: '003:174',
    },
  ],
  reportSchedules: [
    {
      // "每月29日前报送本月阶段性工作进展" (003:188). Day 29 does not exist in February 2025 and 2026; the
      // report is then due on the 28th, which is still "before the 29th". The plan was signed on the
      // 29 February 2024 itself, so the first report is March's.
      id: 'monthly-progress',
      titleZh: '本月阶段性工作进展',
      titleEn: 'Monthly progress of the action',
      report: { kind: 'progress' },
      recipientZh: '镇安委办',
      timing: {
        kind: 'monthly',
        dueDay: 29,
        shortMonth: 'lastDayOfMonth',
        fromMonth: '2024-03',
        toMonth: '2026-12',
      },
      dueDatePolicy: 'keep',
      leadTime: { amount: 5, unit: 'workingDays' },
      citation: '003:188',
    },
    {
      id: 'annual-summary',
      titleZh: '年度工作总结',
      titleEn: 'Annual summary',
      report: { kind: 'annualSummary' },
      recipientZh: '镇安委办',
      timing: { kind: 'annual', month: 12, day: 1 }, // 每年12月1日前
      dueDatePolicy: 'keep',
      leadTime: { amount: 10, unit: 'workingDays' },
      citation: '003:188',
    },
    {
      id: 'evaluation-report',
      titleZh: '治本攻坚三年行动评估报告',
      titleEn: 'Evaluation report of the three-year action',
      report: { kind: 'finalSummary' },
      recipientZh: '镇安委办',
      timing: { kind: 'final', date: '2026-11-05' }, // 2026年11月5日前
      dueDatePolicy: 'keep',
      leadTime: { amount: 20, unit: 'workingDays' },
      citation: '003:188',
    },
  ],
  taskLists: [SOE_KEY_TASKS, METEOROLOGY_KEY_TASKS, OTHER_MEMBER_UNITS_KEY_TASKS],
  duties: DUTIES,
  citation: '003:1-188, 004:944-1879',
};

/**
 * The city-management sub-plan of the same action (004:394-435; processes.md P-01 Template D): its first
 * two stages overlap (April 2024, and April–June 2024, 004:425-426) and it reports by the 20th, with an
 * annual summary by 20 November and a three-year summary by 2026-11-10 (004:435).
 */
export const ROOT_CAUSE_3Y_CITY_MANAGEMENT: CampaignTemplate = {
  id: 'root-cause-3y-city-management',
  version: 1,
  kind: 'RootCause3Y',
  titleZh: '城市管理领域安全生产治本攻坚三年行动（2024-2026年）',
  titleEn: 'Three-year root-cause tackling action in city management (2024–2026)',
  issuer: { nameZh: '巴南区城市管理局', nameEn: 'Banan District City Management Bureau' }, // 004:402
  levelZh: '区级部门',
  period: { start: '2024-03-01', end: { kind: 'date', date: '2026-12-31' } }, // 从2024年3月至2026年12月
  events: [],
  stagesMayOverlap: true,
  stages: [
    {
      key: 'mobilization',
      kind: 'Mobilization',
      titleZh: '动员部署阶段',
      titleEn: 'Mobilisation and deployment',
      start: '2024-04-01',
      end: { kind: 'date', date: '2024-04-30' }, // 2024年4月
      citation: '004:425',
    },
    {
      key: 'inspection-rectification',
      kind: 'InspectionRectification',
      titleZh: '排查整治阶段',
      titleEn: 'Inspection and rectification',
      start: '2024-04-01',
      end: { kind: 'date', date: '2024-06-30' }, // 2024年4月至6月
      citation: '004:426',
    },
    {
      key: 'concentrated-assault',
      kind: 'ConcentratedAssault',
      titleZh: '集中攻坚阶段',
      titleEn: 'Concentrated assault',
      start: '2025-01-01',
      end: { kind: 'date', date: '2025-12-31' }, // 2025年
      citation: '004:427',
    },
    {
      key: 'consolidation',
      kind: 'Consolidation',
      titleZh: '巩固提升阶段',
      titleEn: 'Consolidation and improvement',
      start: '2026-01-01',
      end: { kind: 'date', date: '2026-12-31' }, // 2026年
      citation: '004:428',
    },
  ],
  reportSchedules: [
    {
      id: 'monthly-progress',
      titleZh: '当月工作推进情况',
      titleEn: 'Monthly progress',
      report: { kind: 'progress' },
      recipientZh: '局市政绿化安全科',
      reportersZh: '局属各科室、各单位、各企业',
      timing: { kind: 'monthly', dueDay: 20, fromMonth: '2024-04' }, // 每月20日前
      dueDatePolicy: 'keep',
      leadTime: { amount: 5, unit: 'workingDays' },
      citation: '004:435',
    },
    {
      id: 'annual-summary',
      titleZh: '年度工作总结情况',
      titleEn: 'Annual summary',
      report: { kind: 'annualSummary' },
      recipientZh: '局市政绿化安全科',
      timing: { kind: 'annual', month: 11, day: 20 }, // 每年11月20日前
      dueDatePolicy: 'keep',
      leadTime: { amount: 10, unit: 'workingDays' },
      citation: '004:435',
    },
    {
      id: 'final-summary',
      titleZh: '三年行动总结报告',
      titleEn: 'Summary report of the three-year action',
      report: { kind: 'finalSummary' },
      recipientZh: '局市政绿化安全科',
      timing: { kind: 'final', date: '2026-11-10' }, // 2026年11月10日前
      dueDatePolicy: 'keep',
      leadTime: { amount: 20, unit: 'workingDays' },
      citation: '004:435',
    },
  ],
  taskLists: [],
  duties: [],
  citation: '004:394-435',
};
