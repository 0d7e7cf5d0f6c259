import type { CampaignTemplate, Duty } from '@zhiben/contracts';
import { bigInspection2022TaskMatrix } from './big-inspection-2022.task-matrix';

/**
 * 《铜梁区落实国务院安委会“十五条硬措施”全面开展安全生产大检查工作方案》, 铜安办〔2022〕31号, 2022-05-16
 * (seed 002; processes.md P-01 Template B). It runs "即日起至党的二十大结束" (002:22): the end is an event
 * signalled when it happens, not a date. Stages 2, 4 and 5 end on that event too, and stages overlap
 * (stage 3 runs May–July inside stage 2).
 *
 * Stages that the seed starts in "2022年5月" start on the issue date, since the campaign starts then.
 */
const CONGRESS_CLOSED = 'congress-20-closed';

const duty = (
  id: string,
  whoZh: string,
  titleZh: string,
  period: Duty['period'],
  minCount: number,
  wp: number,
  citation: string,
  unitZh: Duty['unitZh'] = '次',
): Duty => ({ id, titleZh, whoZh, period, minCount, unitZh, taskItemId: `bi-wp-${wp}`, citation });

/** The "每…至少N次" counters of the work points (processes.md P-10). */
const DUTIES: Duty[] = [
  duty('bi-wp5-study', '各级党委（党组）理论学习中心组', '专题学习', 'yearly', 1, 5, '002:86'),
  duty('bi-wp7-study', '区委主要负责人', '组织专题研究，解决重大问题', 'quarterly', 1, 7, '002:98'),
  duty('bi-wp7-inspect', '区委主要负责人', '实地开展调研检查', 'quarterly', 1, 7, '002:98'),
  duty('bi-wp7-hear', '区委主要负责人', '听取班子成员履职情况汇报', 'halfYearly', 1, 7, '002:98'),
  duty('bi-wp8-study', '镇街主要负责人', '组织专题研究，解决重大问题', 'monthly', 1, 8, '002:104'),
  duty('bi-wp8-inspect', '镇街主要负责人', '实地开展调研检查', 'monthly', 1, 8, '002:104'),
  duty('bi-wp8-hear', '镇街主要负责人', '听取班子成员履职情况汇报', 'quarterly', 1, 8, '002:104'),
  duty(
    'bi-wp13-release',
    '区委宣传部、区应急局',
    '安全宣传发布（新闻发布会、媒体通气会或集中采访）',
    'quarterly',
    1,
    13,
    '002:134',
  ),
  duty(
    'bi-wp14-news',
    '区应急局、区融媒体中心',
    '在区级以上主流媒体发布安全新闻或工作动态',
    'daily',
    1,
    14,
    '002:140',
    '条',
  ),
  duty(
    'bi-wp16-hear',
    '区政府、各镇街政府',
    '政府常务会听取班子成员安全生产履职专题汇报',
    'halfYearly',
    1,
    16,
    '002:152',
  ),
  duty(
    'bi-wp17-meeting',
    '区政府、各镇街、各管委会',
    '安全生产与自然灾害防治工作会议',
    'quarterly',
    1,
    17,
    '002:158',
  ),
  duty(
    'bi-wp18-hear',
    '区政府常务会',
    '听取10个安全专项办公室和相关重点行业部门汇报',
    'monthly',
    1,
    18,
    '002:164',
  ),
  duty('bi-wp22-inspect', '政府主要负责人', '调研检查', 'monthly', 1, 22, '002:188'),
  duty('bi-wp22-study', '政府主要负责人', '专题研究，解决突出问题', 'monthly', 1, 22, '002:188'),
  duty('bi-wp23-daily', '政府其他负责人', '了解掌握分管行业领域安全生产情况', 'daily', 1, 23, '002:194'),
  duty('bi-wp23-weekly', '政府其他负责人', '协调调度', 'weekly', 1, 23, '002:194'),
  duty('bi-wp23-monthly', '政府其他负责人', '检查督查', 'monthly', 1, 23, '002:194'),
  duty('bi-wp33-principal-inspect', '区级部门主要负责人', '安全生产检查', 'monthly', 1, 33, '002:254'),
  duty(
    'bi-wp33-principal-meeting',
    '区级部门主要负责人',
    '专题会，解决突出问题',
    'quarterly',
    1,
    33,
    '002:254',
  ),
  duty(
    'bi-wp33-deputy-inspect',
    '区级部门分管负责人',
    '带队组织开展安全生产检查',
    'monthly',
    1,
    33,
    '002:254',
  ),
  duty('bi-wp34-dispatch', '区级部门分管负责人', '调度推动执法', 'weekly', 1, 34, '002:260'),
  duty(
    'bi-wp53-enterprises',
    '行政负责人、行业监管部门负责人',
    '指导检查挂牌企业（单位）',
    'monthly',
    2,
    53,
    '002:376',
    '家',
  ),
  duty(
    'bi-wp53-hazards',
    '行政负责人、行业监管部门负责人',
    '督促整改突出问题隐患',
    'monthly',
    2,
    53,
    '002:376',
    '个',
  ),
  duty(
    'bi-wp53-difficulties',
    '行政负责人、行业监管部门负责人',
    '协调解决安全管理难题',
    'monthly',
    2,
    53,
    '002:376',
    '个',
  ),
  duty('bi-wp92-circular', '区安委办', '通报排名执法情况', 'monthly', 1, 92, '002:612'),
  duty(
    'bi-wp110-check',
    '区政府办、各镇街、各管委会、区级有关部门',
    '负责人安全履职档案周检查',
    'weekly',
    1,
    110,
    '002:724',
  ),
  duty(
    'bi-wp110-circular',
    '区政府办、各镇街、各管委会、区级有关部门',
    '负责人安全履职情况月通报',
    'monthly',
    1,
    110,
    '002:724',
  ),
  {
    id: 'bi-supervisory-inspections',
    titleZh: '组织开展督查检查',
    titleEn: 'Supervisory inspections during the assisted-inspection stage',
    whoZh: '区安委办、减灾办',
    period: 'campaign',
    minCount: 2,
    unitZh: '次',
    withinStage: 'assisted-inspection',
    citation: '002:25',
  },
];

export const BIG_INSPECTION_2022: CampaignTemplate = {
  id: 'big-inspection-2022',
  version: 1,
  kind: 'BigInspection',
  titleZh: '铜梁区落实国务院安委会“十五条硬措施”全面开展安全生产大检查',
  titleEn: 'Tongliang District work-safety big inspection under the Fifteen Hard Measures',
  issuer: {
    nameZh: '重庆市铜梁区安全生产委员会办公室、重庆市铜梁区减灾委员会办公室', // 002:2-3
    nameEn: 'Offices of the Work-Safety Committee and the Disaster Reduction Committee of Tongliang District',
    docNo: '铜安办〔2022〕31号', // 002:1
    issuedOn: '2022-05-16', // 002:42
  },
  levelZh: '区',
  period: { start: '2022-05-16', end: { kind: 'event', event: CONGRESS_CLOSED } }, // 002:22
  events: [
    {
      key: CONGRESS_CLOSED,
      labelZh: '党的二十大结束',
      labelEn: 'Close of the 20th National Congress of the Communist Party of China',
    },
  ],
  stagesMayOverlap: true,
  stages: [
    {
      key: 'immediate-deployment',
      kind: 'ImmediateDeployment',
      titleZh: '立即部署，迅速行动',
      titleEn: 'Immediate deployment',
      start: '2022-05-16',
      end: { kind: 'date', date: '2022-05-20' }, // 2022年5月中旬前
      deliverablesZh:
        '制定工作方案，专题研究解决“两个不到位、两个不扎实”具体问题，并召开动员部署会，确保大检查工作扎实深入有效开展。',
      citation: '002:23',
    },
    {
      key: 'self-inspection',
      kind: 'SelfInspection',
      titleZh: '全面行动，自查自改',
      titleEn: 'Self-inspection and self-rectification',
      start: '2022-05-16',
      end: { kind: 'event', event: CONGRESS_CLOSED }, // 2022年5月至党的二十大结束
      deliverablesZh:
        '自查问题要建立台账清单，做到整改措施、责任、资金、时限和预案“五落实”，各镇街、区级行业监管部门每月28日前将自查情况和问题清单报区安委办。',
      citation: '002:24',
    },
    {
      key: 'assisted-inspection',
      kind: 'AssistedInspection',
      titleZh: '上下联动，帮查整改',
      titleEn: 'Assisted inspection and rectification',
      start: '2022-05-16',
      end: { kind: 'date', date: '2022-07-31' }, // 2022年5月至7月
      deliverablesZh:
        '区级有关部门要制定专项检查方案，从“条”上牵头推动大检查工作，指导督促本行业领域工作落地见效，并对各镇街、重点企业开展指导帮扶和督促整改。区安委办、减灾办将组织开展2次督查检查，推动排查整治工作层层落实和问题隐患即知即改、立行立改、真改实改。',
      citation: '002:25',
    },
    {
      key: 'covert-verification',
      kind: 'CovertVerification',
      titleZh: '明查暗访，重点核改',
      titleEn: 'Overt and covert checks, verification',
      start: '2022-07-01',
      end: { kind: 'event', event: CONGRESS_CLOSED }, // 2022年7月至党的二十大结束
      deliverablesZh:
        '采取“四不两直”方式，对区级有关部门、各镇街和重点行业领域进行明查暗访，核查工作进度，核实整改情况，建立核查、交办、反馈闭环机制，推动各项任务快速落地、高质见效。',
      citation: '002:27',
    },
    {
      key: 'accountability',
      kind: 'Accountability',
      titleZh: '跟踪督办，问责促改',
      titleEn: 'Follow-up supervision and accountability',
      start: '2022-05-16',
      end: { kind: 'event', event: CONGRESS_CLOSED }, // 2022年5月至党的二十大结束
      deliverablesZh:
        '运用交办督办、警示约谈、通报批评、公开曝光、末位发言、追责问责“六种形态”，督促问题整改，严防漏管失控的问题发生。',
      citation: '002:28',
    },
  ],
  reportSchedules: [
    {
      id: 'monthly-self-inspection',
      titleZh: '自查情况和问题清单',
      titleEn: 'Self-inspection status and problem list',
      report: { kind: 'selfInspection' },
      recipientZh: '区安委办',
      reportersZh: '各镇街、区级行业监管部门',
      timing: { kind: 'monthly', dueDay: 28, fromMonth: '2022-05' },
      dueDatePolicy: 'keep',
      leadTime: { amount: 5, unit: 'workingDays' },
      citation: '002:24',
    },
    {
      id: 'plans',
      titleZh: '镇街自查方案、区安委会和区减灾委成员单位专项检查方案',
      titleEn: 'Self-inspection plans of towns and special inspection plans of committee members',
      report: { kind: 'planFiling' },
      recipientZh: '区安委办、区减灾办',
      reportersZh: '各镇（街道），区安委会、区减灾委相关成员单位',
      timing: { kind: 'oneOff', dates: ['2022-05-25'] },
      dueDatePolicy: 'keep',
      leadTime: { amount: 5, unit: 'workingDays' },
      citation: '002:38',
    },
    {
      id: 'power-and-responsibility-lists',
      titleZh: '安全生产权力和责任清单备案',
      titleEn: 'Filing of the work-safety power and responsibility lists',
      report: { kind: 'planFiling' },
      recipientZh: '区安委办',
      reportersZh: '区级负有安全生产监管职责的部门',
      timing: { kind: 'oneOff', dates: ['2022-05-30'] },
      dueDatePolicy: 'keep',
      leadTime: { amount: 5, unit: 'workingDays' },
      citation: '002:242',
    },
    // Not modelled: the daily reports during the Party Congress and other key periods (002:38) are
    // event-driven; the lead office asks for them when the period starts.
  ],
  taskLists: [bigInspection2022TaskMatrix()],
  duties: DUTIES,
  citation: '002:1-728',
};
