import type { DecisionOption, EscalationRung, TaskPriority } from '@zhiben/contracts/workflow';

/**
 * The human steps of the hazard workflows: step name (also the task key prefix, `<step>#<visit>`),
 * task title and the decisions each allows. The tasks service shows these; the hazards service and
 * the console match on the step names and decision codes, so they are the contract for both.
 */
export interface HazardStepDef {
  titleZh: string;
  titleEn: string;
  /** Who acts, in words (the workflow computes the candidate rules). */
  actorZh: string;
  decisions: DecisionOption[];
  priority: TaskPriority;
  /** Fields the decision's `data` carries (a small JSON-schema-like hint for console forms). */
  formSchema?: Record<string, unknown>;
}

const d = (code: string, labelZh: string, labelEn: string, requiresComment = false): DecisionOption =>
  requiresComment ? { code, labelZh, labelEn, requiresComment } : { code, labelZh, labelEn };

const isoField = (titleZh: string, titleEn: string, required: boolean) => ({
  type: 'string',
  format: 'date-time',
  title: titleZh,
  description: titleEn,
  required,
});

export const HAZARD_STEPS = {
  // ── 重大事故隐患 major hazard ──────────────────────────────────────────────────────────────
  submitPlan: {
    titleZh: '提交重大事故隐患整改方案',
    titleEn: 'Submit the major-hazard rectification plan',
    actorZh: '企业',
    decisions: [d('submit', '提交整改方案', 'Submit plan')],
    priority: 'high',
    formSchema: {
      planVersion: {
        type: 'integer',
        title: '方案版本',
        description: 'Plan version saved through the hazards API',
        required: true,
      },
    },
  },
  reviewPlan: {
    titleZh: '审核重大事故隐患整改方案',
    titleEn: 'Review the rectification plan',
    actorZh: '属地镇街、行业监管部门',
    decisions: [d('approve', '审核通过', 'Approve'), d('return', '退回修改', 'Return for revision', true)],
    priority: 'high',
  },
  progressReport: {
    titleZh: '报送隐患整改进展',
    titleEn: 'Report rectification progress',
    actorZh: '企业',
    decisions: [d('report', '报送进展', 'Report progress')],
    priority: 'normal',
  },
  applyAcceptance: {
    titleZh: '申请整改验收',
    titleEn: 'Apply for acceptance of the rectification',
    actorZh: '企业',
    decisions: [d('apply', '申请验收', 'Apply for acceptance')],
    priority: 'normal',
  },
  reviewAcceptance: {
    titleZh: '重大事故隐患整改验收',
    titleEn: 'Acceptance review of the rectification',
    actorZh: '属地镇街、行业监管部门',
    decisions: [d('pass', '验收通过', 'Pass'), d('fail', '验收不通过', 'Fail', true)],
    priority: 'high',
  },
  approveCloseOut: {
    titleZh: '重大事故隐患销号审核',
    titleEn: 'Close-out (销号) review',
    actorZh: '销号审核单位',
    decisions: [d('approve', '同意销号', 'Approve close-out'), d('reject', '不予销号', 'Reject', true)],
    priority: 'high',
  },
  approveExtension: {
    titleZh: '审批整改延期申请',
    titleEn: 'Decide on the extension request',
    actorZh: '属地镇街、行业监管部门',
    decisions: [
      d('approve', '同意延期', 'Approve extension', true),
      d('reject', '不同意延期', 'Reject extension', true),
    ],
    priority: 'high',
  },
  issueLetter: {
    titleZh: '函告：督促逾期隐患整改',
    titleEn: 'Formal letter (函告) on an overdue hazard',
    actorZh: '属地镇街',
    decisions: [d('done', '已函告', 'Letter sent', true)],
    priority: 'high',
  },
  circulate: {
    titleZh: '通报：逾期未整改隐患',
    titleEn: 'Circular (通报) on an overdue hazard',
    actorZh: '区安委办',
    decisions: [d('done', '已通报', 'Circular issued', true)],
    priority: 'high',
  },
  summon: {
    titleZh: '约谈：逾期未整改隐患',
    titleEn: 'Summons talk (约谈) on an overdue hazard',
    actorZh: '区安委办',
    decisions: [d('done', '已约谈', 'Summons held', true)],
    priority: 'urgent',
  },
  expose: {
    titleZh: '曝光：逾期未整改隐患',
    titleEn: 'Public exposure (曝光) of an overdue hazard',
    actorZh: '区安委办',
    decisions: [d('done', '已曝光', 'Exposed', true)],
    priority: 'urgent',
  },
  // ── 一般隐患 general hazard ────────────────────────────────────────────────────────────────
  fixGeneral: {
    titleZh: '一般隐患整改',
    titleEn: 'Fix the general hazard',
    actorZh: '企业',
    decisions: [
      d('fixedNow', '即查即改（已整改）', 'Fixed on the spot'),
      d('fixByDeadline', '限期整改', 'Fix by a deadline'),
    ],
    priority: 'normal',
    formSchema: { deadline: isoField('整改期限', 'Deadline (fixByDeadline)', false) },
  },
  reportGeneralFix: {
    titleZh: '报告一般隐患整改完成',
    titleEn: 'Report the general hazard fixed',
    actorZh: '企业',
    decisions: [d('done', '整改完成', 'Fixed')],
    priority: 'normal',
  },
  verifyGeneral: {
    titleZh: '一般隐患整改复查',
    titleEn: 'Verify the general hazard fix',
    actorZh: '属地镇街',
    decisions: [d('pass', '复查通过', 'Pass'), d('fail', '复查不通过', 'Fail', true)],
    priority: 'normal',
  },
  // ── 挂牌督办 listed supervision ─────────────────────────────────────────────────────────────
  approveListing: {
    titleZh: '挂牌督办审批',
    titleEn: 'Decide on listed supervision (挂牌督办)',
    actorZh: '挂牌督办单位',
    decisions: [d('approve', '同意挂牌督办', 'List'), d('reject', '不予挂牌', 'Do not list', true)],
    priority: 'urgent',
    formSchema: { noticeDeadlineAt: isoField('督办整改期限', 'Deadline in the supervision notice', true) },
  },
  listingProgress: {
    titleZh: '报送挂牌督办整改进展',
    titleEn: 'Report progress under listed supervision',
    actorZh: '企业',
    decisions: [d('report', '报送进展', 'Report progress')],
    priority: 'high',
  },
  applyDelisting: {
    titleZh: '申请摘牌销号',
    titleEn: 'Apply for delisting',
    actorZh: '企业',
    decisions: [d('apply', '申请摘牌', 'Apply for delisting')],
    priority: 'high',
  },
  delistingReview: {
    titleZh: '挂牌督办隐患现场核查',
    titleEn: 'On-site review for delisting',
    actorZh: '挂牌督办单位',
    decisions: [d('pass', '核查通过', 'Pass'), d('fail', '核查不通过', 'Fail', true)],
    priority: 'urgent',
    formSchema: { newDeadlineAt: isoField('新的整改期限', 'New deadline (fail)', false) },
  },
  approveDelisting: {
    titleZh: '摘牌销号审批',
    titleEn: 'Approve delisting (摘牌销号)',
    actorZh: '挂牌督办单位',
    decisions: [d('approve', '同意摘牌销号', 'Delist'), d('reject', '不同意摘牌', 'Do not delist', true)],
    priority: 'urgent',
  },
} satisfies Record<string, HazardStepDef>;

export type HazardStep = keyof typeof HAZARD_STEPS;

/** The task step that carries out each ladder rung; `listing` is carried out by `listedSupervision`. */
export const RUNG_STEPS = {
  letter: 'issueLetter',
  circular: 'circulate',
  summons: 'summon',
  exposure: 'expose',
  listing: null,
} as const satisfies Record<EscalationRung, HazardStep | null>;

export const RUNG_LABELS: Record<EscalationRung, { zh: string; en: string }> = {
  letter: { zh: '函告', en: 'formal letter' },
  circular: { zh: '通报', en: 'circular' },
  summons: { zh: '约谈', en: 'summons talk' },
  exposure: { zh: '曝光', en: 'public exposure' },
  listing: { zh: '挂牌督办', en: 'listed supervision' },
};

/** Decision codes of a step, for views. */
export function decisionCodes(step: HazardStep): string[] {
  return HAZARD_STEPS[step].decisions.map((o) => o.code);
}
