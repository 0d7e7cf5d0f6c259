import {
  TIP_DECISIONS,
  type DecisionOption,
  type TaskPriority,
  type TipStep,
} from '@zhiben/contracts/workflow';

/**
 * The human steps of `tipVerification`: title, priority and the decisions each offers (codes from the
 * contract's TIP_DECISIONS, labels and required comments here). The step name is the task key prefix
 * (`<step>#<visit>`) and the task type suffix (`tip.<step>`).
 */
export interface StepDef {
  titleZh: string;
  titleEn: string;
  priority: TaskPriority;
  decisions: DecisionOption[];
}

type Label = [zh: string, en: string, requiresComment?: boolean];

function step<S extends string>(
  codes: readonly S[],
  titleZh: string,
  titleEn: string,
  priority: TaskPriority,
  labels: Record<S, Label>,
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

const D = TIP_DECISIONS;

export const TIP_STEP_DEFS = {
  decideAcceptance: step(D.decideAcceptance, '举报受理', 'Decide whether to accept the tip', 'high', {
    accept: ['受理', 'Accept'],
    notInScope: ['不属于受理范围', 'Not within scope', true],
    forward: ['转交主管部门', 'Forward to the competent department', true],
  }),
  verify: step(D.verify, '举报核查', 'Verify the tip', 'high', {
    substantiated: ['查证属实', 'Substantiated'],
    unsubstantiated: ['查无实据', 'Unsubstantiated', true],
  }),
  approveExtension: step(
    D.approveExtension,
    '审批举报核查延期（上一级）',
    'Approve extending the verification (level above)',
    'high',
    { approve: ['同意延期', 'Approve'], reject: ['不同意延期', 'Reject', true] },
  ),
  breachFollowUp: step(
    D.breachFollowUp,
    '督办：举报核查超期',
    'Follow up an overdue verification',
    'urgent',
    {
      acknowledged: ['已督办', 'Followed up'],
    },
  ),
  feedback: step(D.feedback, '向举报人反馈核查结果', 'Tell the reporter the result', 'high', {
    sent: ['已反馈', 'Sent'],
  }),
  recordFine: step(D.recordFine, '登记行政处罚罚款金额', 'Record the fine', 'normal', {
    recorded: ['已登记', 'Recorded'],
  }),
  approveReward: step(D.approveReward, '审批举报奖励', 'Approve the reward', 'high', {
    approve: ['批准奖励', 'Approve'],
    reject: ['不予批准', 'Reject', true],
  }),
  payReward: step(D.payReward, '兑付举报奖励', 'Pay the reward', 'high', {
    paid: ['已兑付', 'Paid'],
  }),
  recheck: step(D.recheck, '举报复查', 'Re-check the conclusion', 'high', {
    upheld: ['维持原核查结论', 'Conclusion upheld', true],
    revised: ['改变核查结论', 'Conclusion revised', true],
  }),
} satisfies Record<TipStep, StepDef>;
