import type { CampaignTemplate } from '@zhiben/contracts';
import { DISPATCH_FORM_2023_ID } from '../dispatch-form/major-hazard-2023.form';
import { by, responsible } from './template-helpers';

/**
 * 《贾嗣镇重大事故隐患专项排查整治2023行动方案》, 贾嗣府〔2023〕25号, 2023-05-18 (seed 000; processes.md P-01
 * Template A). "从即日起至年底" (000:18): the campaign runs from the issue date to 2023-12-31.
 *
 * Stages (000:112-122) give only their end dates; each stage starts the day after the previous one ends.
 * "压茬推进" (000:114) reads as one stage pressing on after the other, so stages may not overlap.
 */
export const MAJOR_HAZARD_2023: CampaignTemplate = {
  id: 'major-hazard-2023',
  version: 1,
  kind: 'MajorHazard2023',
  titleZh: '重大事故隐患专项排查整治2023行动',
  titleEn: '2023 Major-Hazard Special Inspection and Rectification Campaign',
  issuer: {
    nameZh: '重庆市江津区贾嗣镇人民政府', // 000:4
    nameEn: 'People’s Government of Jiasi Town, Jiangjin District, Chongqing',
    docNo: '贾嗣府〔2023〕25号', // 000:3
    issuedOn: '2023-05-18', // 000:13
  },
  levelZh: '镇',
  period: { start: '2023-05-18', end: { kind: 'date', date: '2023-12-31' } }, // 000:18
  events: [],
  stagesMayOverlap: false, // 000:114
  stages: [
    {
      key: 'mobilization',
      kind: 'Mobilization',
      titleZh: '动员部署',
      titleEn: 'Mobilisation and deployment',
      start: '2023-05-18',
      end: { kind: 'date', date: '2023-05-20' }, // 2023年5月20日前
      deliverablesZh:
        '结合实际制定本行业领域、本企业专项行动方案，根据有关标准要求细化明确本次整治的重点隐患或重点检查事项；组织召开动员部署会议，安排任务、明确责任，全面推动工作开展。',
      citation: '000:116',
    },
    {
      key: 'concentrated-inspection',
      kind: 'ConcentratedInspection',
      titleZh: '集中排查',
      titleEn: 'Concentrated inspection',
      start: '2023-05-21',
      end: { kind: 'date', date: '2023-08-31' }, // 2023年8月底前
      deliverablesZh:
        '对照专项行动内容，梳理排查整治重点，形成任务清单、责任清单、时限进度清单，全面开展排查，建立问题隐患台账，落实闭环管理措施。',
      citation: '000:118',
    },
    {
      key: 'focused-rectification',
      kind: 'FocusedRectification',
      titleZh: '重点整治',
      titleEn: 'Focused rectification',
      start: '2023-09-01',
      end: { kind: 'date', date: '2023-11-30' }, // 2023年11月底前
      deliverablesZh:
        '在前期集中排查整治的基础上，聚焦重大事故隐患和重点检查事项，全面再排查、再整治，做到整改措施、责任、资金、时限和预案“五落实”。',
      citation: '000:120',
    },
    {
      key: 'institutionalization',
      kind: 'Institutionalization',
      titleZh: '建章立制',
      titleEn: 'Institution building',
      start: '2023-12-01',
      end: { kind: 'date', date: '2023-12-31' }, // 2023年12月
      deliverablesZh:
        '全面总结专项行动取得的成效，系统梳理有效经验、亮点做法，开展互学互鉴，不断完善安全生产制度措施，健全完善长效工作机制。',
      citation: '000:122',
    },
  ],
  reportSchedules: [
    {
      // "于6月至12月每月25日前将《…月度调度表》…报送至镇应急办" (000:123)
      id: 'monthly-dispatch',
      titleZh: '重大事故隐患专项排查整治2023行动进展情况月度调度表',
      titleEn: 'Monthly dispatch form of the 2023 major-hazard campaign',
      report: { kind: 'dispatchForm', formId: DISPATCH_FORM_2023_ID, countingBasis: 'cumulative' },
      recipientZh: '镇应急办',
      reportersZh: '各部门、村（社区），相关单位及企业',
      timing: { kind: 'monthly', dueDay: 25, fromMonth: '2023-06', toMonth: '2023-12' },
      dueDatePolicy: 'keep',
      leadTime: { amount: 5, unit: 'workingDays' },
      citation: '000:123',
    },
    {
      // "8月5日、11月5日前将贯彻落实情况报送至镇应急办" (000:123)
      id: 'implementation',
      titleZh: '贯彻落实情况',
      titleEn: 'Implementation report',
      report: { kind: 'implementation' },
      recipientZh: '镇应急办',
      reportersZh: '各部门、村（社区），相关单位及企业',
      timing: { kind: 'oneOff', dates: ['2023-08-05', '2023-11-05'] },
      dueDatePolicy: 'keep',
      leadTime: { amount: 5, unit: 'workingDays' },
      citation: '000:123',
    },
  ],
  taskLists: [
    {
      id: 'major-hazard-2023-key-dates',
      kind: 'keyTasks',
      titleZh: '专项行动有明确时限的重点任务',
      titleEn: 'Dated key tasks of the campaign plan',
      issuerZh: '重庆市江津区贾嗣镇人民政府',
      groups: [],
      items: [
        {
          id: 'mh-plans-and-mobilization',
          textZh:
            '结合实际制定本行业领域、本企业专项行动方案，根据有关标准要求细化明确本次整治的重点隐患或重点检查事项；组织召开动员部署会议，安排任务、明确责任，全面推动工作开展。',
          responsible: responsible('各部门、村（社区），相关单位及企业'),
          deadline: by('2023-05-20', '2023年5月20日前'),
          evidence: { kinds: ['document', 'meetingRecord'] },
          citation: '000:114-116',
        },
        {
          id: 'mh-blind-spots',
          textZh:
            '镇安委办牵头、各部门配合，以国民经济行业分类为基础，于6月底前全面摸排全镇存在的职能职责交叉、监管盲区的行业领域和企业单位，采取清单化、事项化的方式逐一明确牵头部门安全监管职责。',
          responsible: responsible('镇安委办牵头、各部门配合'),
          deadline: by('2023-06-30', '6月底前'),
          evidence: { kinds: ['ledger'] },
          citation: '000:30',
        },
        {
          id: 'mh-enforcement-training',
          textZh:
            '今年6月底前，各负有安全监管职责的部门要对监管执法人员集中开展一次安全生产专题培训，将重大事故隐患判定标准、重点执法检查事项及相关法律法规标准作为重点培训内容，提高监管执法人员发现问题和解决问题的能力水平。',
          responsible: responsible('各负有安全监管职责的部门'),
          deadline: by('2023-06-30', '6月底前'),
          evidence: { kinds: ['meetingRecord', 'photo'] },
          citation: '000:54',
        },
        {
          id: 'mh-three-operations',
          textZh:
            '对“三大作业”情况进行全面梳理排查，重点聚焦“不审查乱发包、没协议不定责、不交底不指导、不检查不监护、不报备不考核”等方面开展集中排查整治。工贸、危化、建设、城市管理等行业领域要在今年7月底前完成全面排查。',
          responsible: responsible('工贸、危化、建设、城市管理等行业领域'),
          deadline: by('2023-07-31', '7月底前'),
          evidence: { kinds: ['ledger', 'report'] },
          citation: '000:73',
        },
        {
          id: 'mh-three-lists-and-ledger',
          textZh:
            '梳理排查整治重点，形成任务清单、责任清单、时限进度清单，全面开展排查，建立问题隐患台账，落实闭环管理措施。',
          responsible: responsible('各部门、村（社区），相关单位及企业'),
          deadline: by('2023-08-31', '2023年8月底前'),
          evidence: { kinds: ['ledger'] },
          citation: '000:114, 000:118',
        },
        {
          id: 'mh-five-implementations',
          textZh:
            '聚焦重大事故隐患和重点检查事项，全面再排查、再整治，做到整改措施、责任、资金、时限和预案“五落实”。',
          responsible: responsible('各部门、村（社区），相关单位及企业'),
          deadline: by('2023-11-30', '2023年11月底前'),
          evidence: { kinds: ['ledger', 'report'] },
          citation: '000:114, 000:120',
        },
      ],
      citation: '000:30, 000:54, 000:73, 000:116-120',
    },
  ],
  duties: [
    {
      id: 'mh-principal-monthly',
      titleZh: '每月开展一次调研检查或专题调度',
      titleEn: 'A research inspection or special dispatch every month',
      whoZh: '镇主要负责人',
      period: 'monthly',
      minCount: 1,
      unitZh: '次',
      citation: '000:28',
    },
    {
      id: 'mh-deputy-monthly',
      titleZh: '每月开展一次调研检查或专题调度',
      titleEn: 'A research inspection or special dispatch every month in the sectors one is in charge of',
      whoZh: '分管负责人',
      period: 'monthly',
      minCount: 1,
      unitZh: '次',
      citation: '000:28',
    },
    {
      id: 'mh-enterprise-training',
      titleZh: '针对性制定应急救援预案并至少组织开展1次专题培训',
      titleEn: 'At least one training on the emergency rescue plan',
      whoZh: '企业主要负责人',
      period: 'campaign',
      minCount: 1,
      unitZh: '次',
      citation: '000:40',
    },
    {
      id: 'mh-enterprise-drill',
      titleZh: '至少组织开展1次事故应急救援预案演练',
      titleEn: 'At least one drill of the emergency rescue plan',
      whoZh: '企业主要负责人',
      period: 'campaign',
      minCount: 1,
      unitZh: '次',
      variants: [{ conditionZh: '高危行业领域企业', period: 'halfYearly', minCount: 1 }],
      citation: '000:40',
    },
  ],
  citation: '000:1-323',
};
