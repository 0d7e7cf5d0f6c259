import {
  ACCIDENT_GRADES,
  HAZARD_GRADES,
  REPORTER_EXCLUSIONS,
  TIP_FEEDBACK_CHANNELS,
  type ApproveTipRewardInput,
  type ClaimTipRewardInput,
  type DecideTipAcceptanceInput,
  type DisputeTipInput,
  type RecordTipFineInput,
  type RecordTipRecheckInput,
  type RecordTipVerificationInput,
  type RequestTipExtensionInput,
  type TipCandidates,
  type TipFeedbackSentInput,
  type TipKind,
  type TipUpdateRejection,
} from '@zhiben/contracts/workflow';

/**
 * Validators of the tip Updates, pure so unit tests call them directly. tipline-service validates the same
 * requests first (400 naming the field); these re-check what the workflow must never accept.
 */
const reject = (
  type: TipUpdateRejection['type'],
  messageZh: string,
  messageEn: string,
  field?: string,
): TipUpdateRejection => ({ type, messageZh, messageEn, ...(field ? { field } : {}) });

const invalid = (field: string, zh: string, en: string) => reject('InvalidData', zh, en, field);
const notApplicable = (zh: string, en: string) => reject('NotApplicable', zh, en);

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
const wholeYuan = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

function actorMissing(by: unknown): TipUpdateRejection | null {
  const v = by as { username?: unknown; name?: unknown } | null | undefined;
  return text(v?.username) === '' || typeof v?.name !== 'string'
    ? invalid('by', '须注明办理人', 'The acting official is required')
    : null;
}

function candidatesMissing(c: Partial<TipCandidates> | undefined): boolean {
  const keys: (keyof TipCandidates)[] = [
    'handlers',
    'approvers',
    'extensionApprovers',
    'supervisors',
    'recheckers',
    'finance',
  ];
  return !c || keys.some((k) => !Array.isArray(c[k]) || c[k].length === 0);
}

/** 受理决定: only while the acceptance task is open; reasons for refusing or forwarding; a target. */
export function validateAcceptance(
  open: boolean,
  req: Partial<DecideTipAcceptanceInput> | undefined,
): TipUpdateRejection | null {
  if (!open) return notApplicable('该举报不在待受理环节', 'The tip is not awaiting an acceptance decision');
  const who = actorMissing(req?.by);
  if (who) return who;
  const decision = req?.decision;
  if (decision !== 'accept' && decision !== 'notInScope' && decision !== 'forward') {
    return invalid(
      'decision',
      '受理决定须为受理、不属于受理范围或转交',
      'Decision must be accept, notInScope or forward',
    );
  }
  if (decision !== 'accept' && text(req?.reason) === '') {
    return reject('ReasonRequired', '不予受理或转交须说明理由', 'A reason is required', 'reason');
  }
  if (decision === 'forward') {
    const to = req?.forwardTo;
    if (!to || text(to.code) === '' || text(to.name) === '' || typeof to.external !== 'boolean') {
      return invalid('forwardTo', '须指定转交的主管部门', 'The competent department is required');
    }
    if (!to.external && candidatesMissing(req?.forwardCandidates)) {
      return invalid(
        'forwardCandidates',
        '转交系统内部门须提供该部门的办理人员',
        'Forwarding inside the system needs the department’s candidates',
      );
    }
  }
  return null;
}

/** 核查结论: substantiated tips carry the facts the reward and the follow-up need. */
export function validateVerification(
  open: boolean,
  kind: TipKind,
  req: Partial<RecordTipVerificationInput> | undefined,
  nowMs: number,
  options: { field?: string } = {},
): TipUpdateRejection | null {
  if (!open) return notApplicable('该举报不在核查环节', 'The tip is not being verified');
  const f = (name: string) => (options.field ? `${options.field}.${name}` : name);
  const who = actorMissing(req?.by);
  if (who) return who;
  if (req?.outcome !== 'substantiated' && req?.outcome !== 'unsubstantiated') {
    return invalid(f('outcome'), '须认定是否属实', 'The outcome is required');
  }
  if (text(req.summary) === '') return invalid(f('summary'), '须填写核查情况', 'A summary is required');
  if (typeof req.firstReporter !== 'boolean') {
    return invalid(f('firstReporter'), '须认定是否首位举报人', 'Whether the reporter was first is required');
  }
  if (req.reporterExclusion != null && !REPORTER_EXCLUSIONS.includes(req.reporterExclusion)) {
    return invalid(f('reporterExclusion'), '排除奖励的情形无效', 'Invalid reporter exclusion');
  }
  if (req.verifiedAt !== undefined) {
    const at = typeof req.verifiedAt === 'string' ? Date.parse(req.verifiedAt) : NaN;
    if (!Number.isFinite(at) || at > nowMs + 5 * 60_000) {
      return invalid(
        f('verifiedAt'),
        '核查结束时间无效或晚于当前时间',
        'verifiedAt is invalid or in the future',
      );
    }
  }
  if (req.outcome === 'unsubstantiated') return null;

  if (kind === 'concealedAccident') {
    if (!Number.isSafeInteger(req.concealedDeaths) || (req.concealedDeaths ?? 0) < 1) {
      return invalid(
        f('concealedDeaths'),
        '须填写查实的瞒报谎报死亡人数',
        'Concealed deaths (≥ 1) are required',
      );
    }
    if (!ACCIDENT_GRADES.includes(req.accidentGrade as never)) {
      return invalid(f('accidentGrade'), '须认定事故等级', 'The accident grade is required');
    }
  } else {
    if (kind === 'hazard' && !HAZARD_GRADES.includes(req.hazardGrade as never)) {
      return invalid(f('hazardGrade'), '须认定隐患等级', 'The hazard grade is required');
    }
    if (req.fineYuan != null && !wholeYuan(req.fineYuan)) {
      return invalid(
        f('fineYuan'),
        '罚款金额须为非负整数（元）',
        'The fine must be whole yuan, not negative',
      );
    }
  }
  const follow = req.followUp;
  if (!follow)
    return invalid(f('followUp'), '须选择后续处置（登记隐患、立案或无）', 'The follow-up is required');
  if (follow.kind === 'hazard') {
    const h = follow.hazard;
    if (!h || text(h.enterpriseCreditCode) === '' || text(h.title) === '' || text(h.description) === '') {
      return invalid(
        f('followUp.hazard'),
        '登记隐患须填写企业、标题和隐患描述',
        'The hazard draft is incomplete',
      );
    }
    if (!HAZARD_GRADES.includes(h.grade) || (h.grade === 'major' && !h.standard)) {
      return invalid(
        f('followUp.hazard.standard'),
        '重大事故隐患须注明判定标准及条款',
        'A major hazard must cite the standard clause',
      );
    }
  } else if (follow.kind === 'enforcementCase') {
    const c = follow.enforcementCase;
    if (
      !c ||
      text(c.enterpriseCreditCode) === '' ||
      text(c.findings) === '' ||
      text(c.departmentCode) === ''
    ) {
      return invalid(f('followUp.enforcementCase'), '立案信息不完整', 'The case draft is incomplete');
    }
  } else if (follow.kind !== 'none') {
    return invalid(f('followUp'), '后续处置无效', 'Invalid follow-up');
  }
  return null;
}

/** 延期申请: while verifying, before the deadline, no extension pending or used up; a reason. */
export function validateExtensionRequest(
  state: { verifying: boolean; pending: boolean; used: number; max: number; dueMs: number | null },
  req: Partial<RequestTipExtensionInput> | undefined,
  nowMs: number,
): TipUpdateRejection | null {
  if (!state.verifying || state.dueMs === null) {
    return notApplicable('该举报不在核查环节', 'The tip is not being verified');
  }
  const who = actorMissing(req?.by);
  if (who) return who;
  if (text(req?.reason) === '') {
    return reject('ReasonRequired', '延期须说明理由', 'A reason is required', 'reason');
  }
  if (state.pending) {
    return reject('ExtensionNotAllowed', '已有待审批的延期申请', 'An extension request is pending');
  }
  if (state.used >= state.max) {
    return reject(
      'ExtensionNotAllowed',
      '核查期限已延长过，不能再次延期',
      'The verification was already extended',
    );
  }
  if (nowMs > state.dueMs) {
    return reject(
      'ExtensionNotAllowed',
      '核查期限已过，须在期限届满前申请延期',
      'The deadline has passed; an extension must be asked for before it',
    );
  }
  return null;
}

export function validateFine(
  open: boolean,
  req: Partial<RecordTipFineInput> | undefined,
): TipUpdateRejection | null {
  if (!open) return notApplicable('该举报不在登记罚款环节', 'The tip is not awaiting its fine');
  const who = actorMissing(req?.by);
  if (who) return who;
  if (!wholeYuan(req?.fineYuan)) {
    return invalid('fineYuan', '罚款金额须为非负整数（元）', 'The fine must be whole yuan, not negative');
  }
  return null;
}

export function validateFeedback(
  open: boolean,
  req: Partial<TipFeedbackSentInput> | undefined,
): TipUpdateRejection | null {
  if (!open) return notApplicable('该举报不在反馈环节', 'The tip is not awaiting feedback');
  const who = actorMissing(req?.by);
  if (who) return who;
  if (text(req?.messageZh) === '') {
    return invalid('messageZh', '须填写反馈内容', 'The feedback text is required');
  }
  const channels = Array.isArray(req?.channels) ? req.channels : [];
  if (channels.length === 0 || channels.some((c) => !TIP_FEEDBACK_CHANNELS.includes(c))) {
    return invalid('channels', '须注明反馈方式', 'The feedback channels are required');
  }
  return null;
}

export function validateRewardApproval(
  state: { open: boolean; amountYuan: number | null },
  req: Partial<ApproveTipRewardInput> | undefined,
): TipUpdateRejection | null {
  if (!state.open || state.amountYuan === null) {
    return notApplicable('该举报不在奖励审批环节', 'The reward is not awaiting approval');
  }
  const who = actorMissing(req?.by);
  if (who) return who;
  if (req?.decision !== 'approve' && req?.decision !== 'reject') {
    return invalid('decision', '须选择批准或不予批准', 'Decision must be approve or reject');
  }
  if (req.decision === 'reject' && text(req.reason) === '') {
    return reject('ReasonRequired', '不予批准须说明理由', 'A reason is required', 'reason');
  }
  if (req.decision === 'approve' && req.amountYuan !== state.amountYuan) {
    return reject(
      'AmountMismatch',
      `批准金额须与按规则核定的金额一致（${state.amountYuan}元）`,
      `The approved amount must equal the computed amount (${state.amountYuan} yuan)`,
      'amountYuan',
    );
  }
  return null;
}

export function validateClaim(
  state: { claimable: boolean; windowEndsMs: number | null },
  req: Partial<ClaimTipRewardInput> | undefined,
  nowMs: number,
): TipUpdateRejection | null {
  if (!state.claimable || state.windowEndsMs === null) {
    return notApplicable('该举报暂无可领取的奖励', 'There is no reward to claim for this tip');
  }
  if (nowMs > state.windowEndsMs) {
    return reject('ClaimWindowClosed', '已超过奖励领取期限', 'The claim window has closed');
  }
  if (text(req?.claimId) === '' || (req?.verifiedBy !== 'claimCode' && req?.verifiedBy !== 'realName')) {
    return invalid('claimId', '须由举报服务核验后申领', 'A claim must come verified from the tip service');
  }
  return null;
}

export function validateDispute(
  state: { open: boolean; untilMs: number | null; rechecks: number; maxRechecks: number },
  req: Partial<DisputeTipInput> | undefined,
  nowMs: number,
): TipUpdateRejection | null {
  if (!state.open || state.untilMs === null) {
    return reject(
      'DisputeNotAllowed',
      '仅可对"查无实据"的核查结论在反馈后申请复查',
      'Only an "unsubstantiated" conclusion can be disputed, after the feedback',
    );
  }
  if (state.rechecks >= state.maxRechecks) {
    return reject('DisputeNotAllowed', '该举报已复查，不能再次申请', 'The tip was already re-checked');
  }
  if (nowMs > state.untilMs) {
    return reject('DisputeNotAllowed', '已超过申请复查的期限', 'The time to ask for a re-check has passed');
  }
  if (text(req?.disputeId) === '' || text(req?.reason) === '') {
    return reject('ReasonRequired', '申请复查须说明理由', 'A reason is required', 'reason');
  }
  return null;
}

export function validateRecheck(
  open: boolean,
  kind: TipKind,
  req: Partial<RecordTipRecheckInput> | undefined,
  nowMs: number,
): TipUpdateRejection | null {
  if (!open) return notApplicable('该举报不在复查环节', 'The tip is not being re-checked');
  const who = actorMissing(req?.by);
  if (who) return who;
  if (req?.decision !== 'upheld' && req?.decision !== 'revised') {
    return invalid('decision', '须选择维持或改变核查结论', 'Decision must be upheld or revised');
  }
  if (text(req.summary) === '')
    return invalid('summary', '须填写复查意见', 'The re-check summary is required');
  if (req.decision === 'revised') {
    if (req.revised?.outcome !== 'substantiated') {
      return invalid(
        'revised.outcome',
        '改变结论须认定举报属实并填写事实',
        'A revised conclusion must be substantiated',
      );
    }
    return validateVerification(true, kind, req.revised, nowMs, { field: 'revised' });
  }
  return null;
}
