import {
  ENFORCEMENT_DECISIONS,
  REFERRAL_DECISIONS,
  type DecisionOption,
  type TaskPriority,
} from '@zhiben/contracts/workflow';

/**
 * The human steps of the enforcement workflows: title, priority and the decisions each offers (codes
 * from the contract's ENFORCEMENT_DECISIONS / REFERRAL_DECISIONS, labels and required comments here).
 * The step name is also the task key prefix (`<step>#<visit>`) and the task type suffix.
 */
export interface StepDef {
  titleZh: string;
  titleEn: string;
  priority: TaskPriority;
  decisions: DecisionOption[];
}

type Labels = Record<string, [zh: string, en: string, requiresComment?: boolean]>;

function step<S extends string>(
  codes: readonly S[],
  titleZh: string,
  titleEn: string,
  priority: TaskPriority,
  labels: Record<S, Labels[string]>,
): StepDef {
  return {
    titleZh,
    titleEn,
    priority,
    decisions: codes.map((code) => {
      const [labelZh, labelEn, requiresComment] = labels[code];
      return requiresComment ? { code, labelZh, labelEn, requiresComment } : { code, labelZh, labelEn };
    }),
  };
}

const E = ENFORCEMENT_DECISIONS;
const R = REFERRAL_DECISIONS;

export const CASE_STEPS = {
  approveFiling: step(E.approveFiling, '立案审批', 'Approve filing the case', 'high', {
    file: ['同意立案', 'File the case'],
    reject: ['不予立案', 'Do not file', true],
  }),
  investigate: step(E.investigate, '调查取证', 'Investigate the case', 'normal', {
    submit: ['提交调查报告', 'Submit the investigation'],
  }),
  legalReview: step(E.legalReview, '法制审核', 'Legal review', 'normal', {
    pass: ['审核通过', 'Pass'],
    return: ['退回补充调查', 'Return for investigation', true],
  }),
  respondToNotice: step(
    E.respondToNotice,
    '行政处罚告知：陈述申辩或申请听证',
    'Respond to the notice of penalty',
    'high',
    {
      waive: ['放弃陈述申辩', 'Waive'],
      statement: ['提出陈述申辩', 'Make a statement', true],
      requestHearing: ['申请听证', 'Request a hearing'],
    },
  ),
  holdHearing: step(E.holdHearing, '组织听证', 'Hold the hearing', 'normal', {
    held: ['听证已举行', 'Hearing held'],
  }),
  decide: step(E.decide, '作出行政处罚决定', 'Decide the penalty', 'high', {
    penalize: ['作出处罚决定', 'Impose the penalty'],
    noPenalty: ['不予行政处罚', 'No penalty', true],
    return: ['退回补充调查', 'Return for investigation', true],
  }),
  serve: step(E.serve, '送达行政处罚决定书', 'Serve the penalty decision', 'high', {
    served: ['已送达', 'Served'],
  }),
  recordExecution: step(
    E.recordExecution,
    '登记处罚执行情况',
    'Record the execution of the penalty',
    'normal',
    {
      paid: ['已缴纳罚款', 'Fine paid'],
      enforcedByCourt: ['申请法院强制执行', 'Enforced by the court'],
      refused: ['拒不履行', 'Refused to comply', true],
    },
  ),
  reinspect: step(E.reinspect, '整改复查（复查意见书）', 'Re-inspect the rectification', 'high', {
    passed: ['复查合格', 'Passed'],
    failed: ['复查不合格', 'Failed', true],
  }),
  escalate: step(E.escalate, '拒不整改：确定处置措施', 'Escalate after a failed re-inspection', 'urgent', {
    dailyFine: ['按日连续处罚', 'Daily continuing fine', true],
    suspend: ['责令停产停业整顿', 'Suspension order', true],
    summons: ['约谈', 'Summons', true],
    circular: ['通报', 'Circular', true],
    exposure: ['曝光', 'Public exposure', true],
    newDeadline: ['重新责令限期整改', 'New deadline'],
  }),
  proposeReferral: step(
    E.proposeReferral,
    '涉嫌危险作业罪：是否移送公安机关',
    'Suspected crime: refer to the police?',
    'urgent',
    {
      refer: ['提请移送', 'Refer'],
      noReferral: ['不移送', 'Do not refer', true],
    },
  ),
  breachFollowUp: step(E.breachFollowUp, '督办：法定时限已超期', 'Follow up a breached deadline', 'urgent', {
    acknowledged: ['已督办', 'Followed up'],
  }),
} satisfies Record<keyof typeof ENFORCEMENT_DECISIONS, StepDef>;
export type CaseStep = keyof typeof CASE_STEPS;

export const REFERRAL_STEP_DEFS = {
  preparePackage: step(
    R.preparePackage,
    '准备涉嫌犯罪案件移送材料',
    'Prepare the referral package',
    'urgent',
    {
      submit: ['提交移送材料', 'Submit the package'],
    },
  ),
  headDecision: step(
    R.headDecision,
    '负责人审批移送（3日内）',
    'Decide the referral (within 3 days)',
    'urgent',
    {
      approve: ['批准移送', 'Approve'],
      reject: ['不批准移送', 'Do not approve', true],
    },
  ),
  transfer: step(
    R.transfer,
    '移送公安机关（24小时内）',
    'Transfer to the police (within 24 hours)',
    'urgent',
    {
      transferred: ['已移送', 'Transferred'],
    },
  ),
  recordReceipt: step(R.recordReceipt, '登记公安机关签收', 'Record the police receipt', 'high', {
    received: ['公安已签收', 'Received'],
  }),
  recordPoliceDecision: step(
    R.recordPoliceDecision,
    '登记公安机关立案决定',
    "Record the police's decision",
    'high',
    {
      registered: ['决定立案', 'Registered'],
      declined: ['不予立案', 'Declined'],
    },
  ),
  recordPoliceNotice: step(
    R.recordPoliceNotice,
    '登记立案与否书面通知（抄送检察院）',
    'Record the written notice',
    'high',
    {
      noticeReceived: ['已收到书面通知', 'Notice received'],
    },
  ),
  handover: step(R.handover, '移交涉案物品及材料', 'Hand over the items and material', 'high', {
    handedOver: ['已移交', 'Handed over'],
  }),
  recordOutcome: step(R.recordOutcome, '跟踪登记案件结果', 'Record the case outcome', 'normal', {
    prosecuted: ['已起诉', 'Prosecuted'],
    notProsecuted: ['不起诉', 'Not prosecuted'],
    judged: ['已判决', 'Judged'],
    withdrawn: ['已撤案', 'Withdrawn'],
  }),
  chooseReconsideration: step(
    R.chooseReconsideration,
    '不予立案：提请复议或检察监督',
    'Declined: reconsideration or supervision',
    'urgent',
    {
      reconsider: ['提请公安复议', 'Ask for reconsideration'],
      procuratorate: ['提请检察院立案监督', 'Ask the procuratorate'],
      accept: ['接受不予立案决定', 'Accept', true],
    },
  ),
  recordReconsiderationAnswer: step(
    R.recordReconsiderationAnswer,
    '登记公安复议决定',
    'Record the reconsideration answer',
    'high',
    {
      registered: ['复议后立案', 'Registered'],
      upheld: ['维持不予立案', 'Refusal upheld'],
    },
  ),
  requestProcuratorate: step(
    R.requestProcuratorate,
    '提请检察院立案监督',
    'Ask the procuratorate to supervise',
    'urgent',
    {
      requested: ['已提请', 'Requested'],
    },
  ),
  recordProcuratorateOutcome: step(
    R.recordProcuratorateOutcome,
    '登记检察院立案监督结果',
    'Record the procuratorate outcome',
    'high',
    {
      registered: ['公安已立案', 'Registered'],
      notRegistered: ['未立案', 'Not registered'],
    },
  ),
  breachFollowUp: step(
    R.breachFollowUp,
    '督办：行刑衔接法定时限已超期',
    'Follow up a breached referral deadline',
    'urgent',
    {
      acknowledged: ['已督办', 'Followed up'],
    },
  ),
} satisfies Record<keyof typeof REFERRAL_DECISIONS, StepDef>;
export type ReferralStep = keyof typeof REFERRAL_STEP_DEFS;
