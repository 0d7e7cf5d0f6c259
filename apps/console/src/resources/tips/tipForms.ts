import { ACCIDENT_GRADES, HAZARD_GRADES, TIP_DECISIONS, TIP_STEPS } from '@zhiben/contracts';
import { usccProblem } from '../../validation/uscc';
import type { FormIssue } from '../enforcement/formIssues';
import type { Tip, TipFormStep, TipStepInput } from './types';

/**
 * The handlers' step forms on the tip page (POST /tips/:id/steps/:step {decision, comment, data}), as pure
 * rules: which steps the tip is at, who may record them, what each decision needs, and the body sent.
 * `data` follows the contract's inputs (DecideTipAcceptanceInput, RecordTipVerificationInput, …) without
 * `by` (the service takes the signed-in official) and without anything about the reporter.
 */
export const TIP_FORM_DECISIONS: Readonly<Record<TipFormStep, readonly string[]>> = {
  ...TIP_DECISIONS,
  requestExtension: ['request'],
};

/** Who records each step (the API checks the same, by candidates). */
export const TIP_STEP_ROLES: Readonly<Record<TipFormStep, readonly string[]>> = {
  decideAcceptance: ['tip-handler'],
  verify: ['tip-handler'],
  requestExtension: ['tip-handler'],
  feedback: ['tip-handler'],
  recordFine: ['tip-handler'],
  breachFollowUp: ['tip-handler', 'leader'],
  approveExtension: ['leader'],
  approveReward: ['leader'],
  recheck: ['leader'],
  payReward: ['admin'],
};

const KNOWN_STEPS = new Set<string>(Object.keys(TIP_STEPS));

/** The step a status waits for, when the workflow's open tasks are not at hand. */
const STEPS_BY_STATUS: Partial<Record<Tip['status'], TipFormStep[]>> = {
  received: ['decideAcceptance'],
  verifying: ['verify'],
  rechecking: ['recheck'],
  rewardAssessment: ['approveReward'],
  rewardClaimed: ['payReward'],
};

/**
 * The steps the tip is at: the workflow's open tasks when the service passes them on, else read from
 * the status (received → acceptance, verifying → verification or an extension request, …).
 */
export const currentTipSteps = (tip: Tip): TipFormStep[] => {
  if (tip.openTasks) {
    const steps = tip.openTasks
      .map((task) => task.step)
      .filter((step) => KNOWN_STEPS.has(step)) as TipFormStep[];
    if (steps.includes('verify') && !tip.verification?.extension) steps.push('requestExtension');
    return [...new Set(steps)];
  }
  const steps: TipFormStep[] = [...(STEPS_BY_STATUS[tip.status] ?? [])];
  if (tip.status === 'verifying') {
    if (!tip.verification?.extension) steps.push('requestExtension');
    if (tip.verification?.extension?.status === 'pending') steps.push('approveExtension');
  }
  if ((tip.status === 'verified' || tip.status === 'unfounded') && tip.feedback && !tip.feedback.sentAt) {
    steps.push('feedback');
  }
  if (tip.reward?.status === 'awaitingFine' && tip.verification?.outcome === 'substantiated') {
    steps.push('recordFine');
  }
  return steps;
};

export const stepsFor = (tip: Tip, roles: readonly string[]): TipFormStep[] =>
  currentTipSteps(tip).filter((step) => TIP_STEP_ROLES[step].some((role) => roles.includes(role)));

/** Every field any step form carries (strings as typed; the body is built by `toTipStepInput`). */
export interface TipStepValues {
  decision: string;
  comment: string;
  // acceptance: forward
  forwardToName: string;
  forwardToCode: string;
  forwardExternal: boolean;
  // verification
  summary: string;
  hazardGrade: string;
  fineYuan: string;
  penaltyDecisionNo: string;
  concealedDeaths: string;
  accidentGrade: string;
  followUpKind: 'hazard' | 'enforcementCase' | 'none' | '';
  enterpriseCreditCode: string;
  hazardTitle: string;
  hazardDescription: string;
  hazardLocation: string;
  foundOn: string;
  catalogueId: string;
  clauseId: string;
  caseTitle: string;
  departmentCode: string;
  reference: string;
  firstReporter: boolean;
  duplicateOfTipId: string;
  // feedback
  messageZh: string;
  messageEn: string;
  channels: string[];
  // reward
  amountYuan: string;
  // payment
  voucherNo: string;
}

export const emptyTipStepValues = (step: TipFormStep, tip: Tip): TipStepValues => ({
  decision: TIP_FORM_DECISIONS[step].length === 1 ? TIP_FORM_DECISIONS[step][0] : '',
  comment: '',
  forwardToName: '',
  forwardToCode: '',
  forwardExternal: true,
  summary: '',
  hazardGrade: tip.kind === 'hazard' ? 'major' : '',
  fineYuan: '',
  penaltyDecisionNo: '',
  concealedDeaths: '',
  accidentGrade: '',
  followUpKind:
    tip.kind === 'concealedAccident' ? 'none' : tip.kind === 'hazard' ? 'hazard' : 'enforcementCase',
  enterpriseCreditCode: tip.enterprise?.creditCode ?? '',
  hazardTitle: '',
  hazardDescription: '',
  hazardLocation: tip.location,
  foundOn: '',
  catalogueId: '',
  clauseId: '',
  caseTitle: '',
  departmentCode: '',
  reference: '',
  firstReporter: true,
  duplicateOfTipId: '',
  messageZh: '',
  messageEn: '',
  channels: ['statusPage'],
  amountYuan: tip.reward?.computation ? String(tip.reward.computation.amountYuan) : '',
  voucherNo: '',
});

const PREFIX = 'zhiben.tipline.validation';
const required = (path: string, value: string): FormIssue[] =>
  value.trim() === '' ? [{ path, key: `${PREFIX}.required` }] : [];
const wholeYuan = (value: string): number | null => {
  const text = value.replace(/[,，\s]/g, '');
  return /^\d{1,12}$/.test(text) ? Number(text) : null;
};

/** Reasons the reporter or the level above reads: required, and more than a word. */
const reasonIssues = (path: string, value: string): FormIssue[] =>
  value.trim() === ''
    ? [{ path, key: `${PREFIX}.reasonRequired` }]
    : [...value.trim()].length < 4
      ? [{ path, key: `${PREFIX}.reasonTooShort` }]
      : [];

const verificationIssues = (values: TipStepValues, tip: Tip): FormIssue[] => {
  const issues: FormIssue[] = [...required('summary', values.summary)];
  if (values.decision !== 'substantiated') return issues;
  if (tip.kind === 'concealedAccident') {
    const deaths = Number(values.concealedDeaths);
    if (!Number.isInteger(deaths) || deaths < 1 || values.concealedDeaths.trim() === '') {
      issues.push({ path: 'concealedDeaths', key: `${PREFIX}.deaths` });
    }
    if (!(ACCIDENT_GRADES as readonly string[]).includes(values.accidentGrade)) {
      issues.push({ path: 'accidentGrade', key: `${PREFIX}.required` });
    }
  } else {
    if (tip.kind === 'hazard' && !(HAZARD_GRADES as readonly string[]).includes(values.hazardGrade)) {
      issues.push({ path: 'hazardGrade', key: `${PREFIX}.required` });
    }
    if (values.fineYuan.trim() !== '' && wholeYuan(values.fineYuan) === null) {
      issues.push({ path: 'fineYuan', key: `${PREFIX}.wholeYuan` });
    }
  }
  if (!values.firstReporter) issues.push(...required('duplicateOfTipId', values.duplicateOfTipId));
  if (values.followUpKind === '') issues.push({ path: 'followUpKind', key: `${PREFIX}.required` });
  if (values.followUpKind === 'hazard' || values.followUpKind === 'enforcementCase') {
    const code = values.enterpriseCreditCode.trim().toUpperCase();
    if (code === '') issues.push({ path: 'enterpriseCreditCode', key: `${PREFIX}.required` });
    else if (usccProblem(code)) issues.push({ path: 'enterpriseCreditCode', key: `${PREFIX}.uscc` });
  }
  if (values.followUpKind === 'hazard') {
    issues.push(...required('hazardTitle', values.hazardTitle));
    issues.push(...required('hazardDescription', values.hazardDescription));
    issues.push(...required('hazardLocation', values.hazardLocation));
    issues.push(...required('foundOn', values.foundOn));
    if (!(HAZARD_GRADES as readonly string[]).includes(values.hazardGrade)) {
      issues.push({ path: 'hazardGrade', key: `${PREFIX}.required` });
    }
    if (values.hazardGrade === 'major') {
      issues.push(...required('catalogueId', values.catalogueId));
      issues.push(...required('clauseId', values.clauseId));
    }
  }
  if (values.followUpKind === 'enforcementCase') {
    issues.push(...required('caseTitle', values.caseTitle));
    issues.push(...required('departmentCode', values.departmentCode));
  }
  return issues;
};

/** Everything wrong with a step form (empty when it may be sent). */
export const checkTipStep = (step: TipFormStep, values: TipStepValues, tip: Tip): FormIssue[] => {
  const issues: FormIssue[] = [];
  if (!TIP_FORM_DECISIONS[step].includes(values.decision)) {
    return [{ path: 'decision', key: `${PREFIX}.decision` }];
  }
  switch (step) {
    case 'decideAcceptance':
      if (values.decision !== 'accept') issues.push(...reasonIssues('comment', values.comment));
      if (values.decision === 'forward') issues.push(...required('forwardToName', values.forwardToName));
      break;
    case 'verify':
      issues.push(...verificationIssues(values, tip));
      break;
    case 'requestExtension':
      issues.push(...reasonIssues('comment', values.comment));
      break;
    case 'feedback':
      issues.push(...required('messageZh', values.messageZh));
      if (values.channels.length === 0) issues.push({ path: 'channels', key: `${PREFIX}.required` });
      break;
    case 'recordFine':
      if (wholeYuan(values.fineYuan) === null) issues.push({ path: 'fineYuan', key: `${PREFIX}.wholeYuan` });
      break;
    case 'approveReward':
      if (values.decision === 'reject') issues.push(...reasonIssues('comment', values.comment));
      break;
    case 'approveExtension':
    case 'recheck':
      if (values.decision !== 'approve' && values.decision !== 'upheld') {
        issues.push(...reasonIssues('comment', values.comment));
      } else if (step === 'recheck') issues.push(...required('summary', values.summary));
      break;
    case 'breachFollowUp':
    case 'payReward':
      break;
  }
  return issues;
};

const optional = (value: string): string | undefined => (value.trim() === '' ? undefined : value.trim());

const followUpOf = (values: TipStepValues) => {
  switch (values.followUpKind) {
    case 'hazard':
      return {
        kind: 'hazard' as const,
        hazard: {
          enterpriseCreditCode: values.enterpriseCreditCode.trim().toUpperCase(),
          grade: values.hazardGrade,
          title: values.hazardTitle.trim(),
          description: values.hazardDescription.trim(),
          location: values.hazardLocation.trim(),
          foundOn: values.foundOn,
          ...(values.hazardGrade === 'major'
            ? { standard: { catalogueId: values.catalogueId.trim(), clauseId: values.clauseId.trim() } }
            : {}),
        },
      };
    case 'enforcementCase':
      return {
        kind: 'enforcementCase' as const,
        enforcementCase: {
          enterpriseCreditCode: values.enterpriseCreditCode.trim().toUpperCase(),
          title: values.caseTitle.trim(),
          findings: values.summary.trim(),
          departmentCode: values.departmentCode.trim(),
        },
      };
    case 'none':
    case '':
      return {
        kind: 'none' as const,
        ...(optional(values.reference) ? { reference: values.reference.trim() } : {}),
      };
  }
};

/** The request body of a step (the comment is the 审批意见; `data` what the step's Update takes). */
export const toTipStepInput = (step: TipFormStep, values: TipStepValues, tip: Tip): TipStepInput => {
  const comment = optional(values.comment);
  const base = { decision: values.decision, ...(comment ? { comment } : {}) };
  switch (step) {
    case 'decideAcceptance':
      return {
        ...base,
        data: {
          ...(comment ? { reason: comment } : {}),
          ...(values.decision === 'forward'
            ? {
                forwardTo: {
                  code: values.forwardToCode.trim(),
                  name: values.forwardToName.trim(),
                  external: values.forwardExternal,
                },
              }
            : {}),
        },
      };
    case 'verify': {
      const substantiated = values.decision === 'substantiated';
      const fine = wholeYuan(values.fineYuan);
      return {
        ...base,
        data: {
          outcome: values.decision,
          summary: values.summary.trim(),
          firstReporter: values.firstReporter,
          duplicateOfTipId: values.firstReporter ? null : values.duplicateOfTipId.trim(),
          ...(substantiated && tip.kind === 'concealedAccident'
            ? { concealedDeaths: Number(values.concealedDeaths), accidentGrade: values.accidentGrade }
            : {}),
          ...(substantiated && tip.kind !== 'concealedAccident'
            ? {
                fineYuan: fine,
                penaltyDecisionNo: optional(values.penaltyDecisionNo) ?? null,
                ...(tip.kind === 'hazard' ? { hazardGrade: values.hazardGrade } : {}),
              }
            : {}),
          ...(substantiated ? { followUp: followUpOf(values) } : {}),
        },
      };
    }
    case 'requestExtension':
      return { ...base, data: { reason: comment ?? '' } };
    case 'feedback':
      return {
        ...base,
        data: {
          messageZh: values.messageZh.trim(),
          ...(optional(values.messageEn) ? { messageEn: values.messageEn.trim() } : {}),
          channels: values.channels,
        },
      };
    case 'recordFine':
      return {
        ...base,
        data: {
          fineYuan: wholeYuan(values.fineYuan),
          penaltyDecisionNo: optional(values.penaltyDecisionNo) ?? null,
        },
      };
    case 'approveReward':
      return {
        ...base,
        data:
          values.decision === 'approve'
            ? { amountYuan: tip.reward?.computation?.amountYuan ?? wholeYuan(values.amountYuan) }
            : { reason: comment ?? '' },
      };
    case 'payReward':
      return { ...base, data: optional(values.voucherNo) ? { voucherNo: values.voucherNo.trim() } : {} };
    case 'recheck':
      return { ...base, data: { summary: values.summary.trim() } };
    case 'approveExtension':
    case 'breachFollowUp':
      return base;
  }
};
