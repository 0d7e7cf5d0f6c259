import { fromShanghaiLocalInput } from '../../fields/shanghaiTime';
import type { ProblemErrorBody } from '../../providers/problem';
import type { FormIssue } from './formIssues';
import { REFERRAL_DOCUMENT_LABELS } from '@zhiben/contracts';
import {
  REFERRAL_DECISIONS,
  REFERRAL_DOCUMENT_KINDS,
  REFERRAL_STEPS,
  type Referral,
  type ReferralDocumentKind,
  type ReferralStepInput,
} from './types';

/**
 * The liaison form (联络员): what the police and the procuratorate answered, step by step (B7). Each
 * step names its decisions (REFERRAL_DECISIONS) and the data fields each decision carries; instants are
 * entered as Beijing `datetime-local` values and must not precede the step they answer.
 */
export type LiaisonStep =
  | typeof REFERRAL_STEPS.transfer
  | typeof REFERRAL_STEPS.receipt
  | typeof REFERRAL_STEPS.policeDecision
  | typeof REFERRAL_STEPS.policeNotice
  | typeof REFERRAL_STEPS.handover
  | typeof REFERRAL_STEPS.outcome
  | typeof REFERRAL_STEPS.reconsiderationChoice
  | typeof REFERRAL_STEPS.reconsiderationAnswer
  | typeof REFERRAL_STEPS.procuratorateRequest
  | typeof REFERRAL_STEPS.procuratorateOutcome;

export type LiaisonFieldKind = 'instant' | 'text' | 'longText' | 'checkbox';

export interface LiaisonField {
  name: string;
  kind: LiaisonFieldKind;
  /** Decisions that need it (all of the step's when absent). */
  requiredFor?: readonly string[];
  /** Decisions that show it (all when absent). */
  shownFor?: readonly string[];
}

export interface LiaisonStepDefinition {
  step: LiaisonStep;
  decisions: readonly string[];
  fields: readonly LiaisonField[];
  /** Decisions that need a comment (reasons recorded). */
  commentRequiredFor?: readonly string[];
}

export const LIAISON_STEPS: Readonly<Record<LiaisonStep, LiaisonStepDefinition>> = {
  transfer: {
    step: 'transfer',
    decisions: REFERRAL_DECISIONS.transfer,
    fields: [
      { name: 'transferredAt', kind: 'instant' },
      { name: 'policeUnit', kind: 'text' },
    ],
  },
  recordReceipt: {
    step: 'recordReceipt',
    decisions: REFERRAL_DECISIONS.recordReceipt,
    fields: [
      { name: 'receivedAt', kind: 'instant' },
      { name: 'receiptNo', kind: 'text' },
    ],
  },
  recordPoliceDecision: {
    step: 'recordPoliceDecision',
    decisions: REFERRAL_DECISIONS.recordPoliceDecision,
    fields: [
      { name: 'decidedAt', kind: 'instant' },
      { name: 'reasons', kind: 'longText', requiredFor: ['declined'], shownFor: ['declined'] },
    ],
  },
  recordPoliceNotice: {
    step: 'recordPoliceNotice',
    decisions: REFERRAL_DECISIONS.recordPoliceNotice,
    fields: [
      { name: 'noticeAt', kind: 'instant' },
      { name: 'copiedToProcuratorate', kind: 'checkbox' },
    ],
  },
  handover: {
    step: 'handover',
    decisions: REFERRAL_DECISIONS.handover,
    fields: [
      { name: 'handedOverAt', kind: 'instant' },
      { name: 'items', kind: 'longText' },
    ],
  },
  recordOutcome: {
    step: 'recordOutcome',
    decisions: REFERRAL_DECISIONS.recordOutcome,
    fields: [
      { name: 'at', kind: 'instant' },
      { name: 'summary', kind: 'longText' },
    ],
  },
  chooseReconsideration: {
    step: 'chooseReconsideration',
    decisions: REFERRAL_DECISIONS.chooseReconsideration,
    fields: [
      { name: 'requestedAt', kind: 'instant', requiredFor: [], shownFor: ['reconsider', 'procuratorate'] },
    ],
    commentRequiredFor: ['accept'],
  },
  recordReconsiderationAnswer: {
    step: 'recordReconsiderationAnswer',
    decisions: REFERRAL_DECISIONS.recordReconsiderationAnswer,
    fields: [{ name: 'answeredAt', kind: 'instant' }],
  },
  requestProcuratorate: {
    step: 'requestProcuratorate',
    decisions: REFERRAL_DECISIONS.requestProcuratorate,
    fields: [{ name: 'requestedAt', kind: 'instant' }],
  },
  recordProcuratorateOutcome: {
    step: 'recordProcuratorateOutcome',
    decisions: REFERRAL_DECISIONS.recordProcuratorateOutcome,
    fields: [
      { name: 'at', kind: 'instant' },
      { name: 'summary', kind: 'longText' },
    ],
  },
};

export const isLiaisonStep = (step: string | null | undefined): step is LiaisonStep =>
  typeof step === 'string' && Object.prototype.hasOwnProperty.call(LIAISON_STEPS, step);

/** The liaison step a referral waits for, read off its stage (null when nothing is for the liaison). */
export const currentLiaisonStep = (referral: Referral): LiaisonStep | null => {
  switch (referral.stage) {
    case 'transferring':
      return 'transfer';
    case 'awaitingReceipt':
      return 'recordReceipt';
    case 'policeReview':
      return 'recordPoliceDecision';
    case 'awaitingNotice':
      return 'recordPoliceNotice';
    case 'handover':
      return 'handover';
    case 'outcome':
      return 'recordOutcome';
    case 'reconsiderationChoice':
      return 'chooseReconsideration';
    case 'reconsideration':
      return 'recordReconsiderationAnswer';
    case 'procuratorate':
      return referral.procuratorate?.requestedAt ? 'recordProcuratorateOutcome' : 'requestProcuratorate';
    case 'preparing':
    case 'headDecision':
    case 'closed':
    case 'notApproved':
      return null;
  }
};

/**
 * The latest instant the answer may not precede: what the step answers (the transfer before the
 * receipt, the receipt before the police decision…). Null when the referral records nothing earlier.
 */
export const earliestFor = (step: LiaisonStep, referral: Referral): string | null => {
  const latest = (...values: (string | null | undefined)[]): string | null =>
    values
      .filter((value): value is string => typeof value === 'string' && !Number.isNaN(Date.parse(value)))
      .sort((a, b) => Date.parse(b) - Date.parse(a))[0] ?? null;
  const approvedAt = referral.headDecision?.decision === 'approve' ? referral.headDecision.at : null;
  switch (step) {
    case 'transfer':
      return latest(approvedAt, referral.reportedAt);
    case 'recordReceipt':
      return latest(referral.transfer?.at, approvedAt);
    case 'recordPoliceDecision':
      return latest(referral.transfer?.receivedAt, referral.transfer?.at);
    case 'recordPoliceNotice':
      return latest(referral.police?.decidedAt, referral.transfer?.receivedAt);
    case 'handover':
      return latest(referral.police?.noticeAt, referral.police?.decidedAt);
    case 'chooseReconsideration':
      return latest(referral.police?.noticeAt, referral.police?.decidedAt);
    case 'recordReconsiderationAnswer':
      return latest(referral.reconsideration?.requestedAt, referral.police?.noticeAt);
    case 'requestProcuratorate':
      return latest(
        referral.reconsideration?.answeredAt,
        referral.police?.noticeAt,
        referral.police?.decidedAt,
      );
    case 'recordProcuratorateOutcome':
      return latest(referral.procuratorate?.requestedAt);
    case 'recordOutcome':
      return latest(referral.handedOverAt, referral.police?.noticeAt, referral.procuratorate?.at);
  }
};

export interface LiaisonValues {
  decision?: string;
  comment?: string;
  /** Field values: instants as `datetime-local` (Beijing), texts, checkboxes. */
  data?: Record<string, unknown>;
}

const fieldApplies = (field: LiaisonField, decision: string | undefined): boolean =>
  field.shownFor === undefined || (decision !== undefined && field.shownFor.includes(decision));

const fieldRequired = (field: LiaisonField, decision: string | undefined): boolean =>
  field.requiredFor === undefined || (decision !== undefined && field.requiredFor.includes(decision));

export const visibleFields = (step: LiaisonStep, decision: string | undefined): LiaisonField[] =>
  LIAISON_STEPS[step].fields.filter((field) => fieldApplies(field, decision));

/**
 * Checks a liaison answer: a decision the step allows, required fields, the written notice copied to
 * the procuratorate (抄送检察院), reasons where the decision needs them, and instants neither in the
 * future nor before what they answer.
 */
export const checkLiaison = (
  step: LiaisonStep,
  values: LiaisonValues,
  referral: Referral,
  now = Date.now(),
): FormIssue[] => {
  const definition = LIAISON_STEPS[step];
  const issues: FormIssue[] = [];
  const decision = values.decision;
  if (!decision || !definition.decisions.includes(decision)) {
    issues.push({ path: 'decision', key: 'zhiben.task.decide.decisionRequired' });
  }
  if (decision && definition.commentRequiredFor?.includes(decision) && !values.comment?.trim()) {
    issues.push({ path: 'comment', key: 'zhiben.enforcement.validation.reasonsRequired' });
  }
  const earliest = earliestFor(step, referral);
  for (const field of visibleFields(step, decision)) {
    const value = values.data?.[field.name];
    const path = `data.${field.name}`;
    const empty =
      value === undefined ||
      value === null ||
      value === false ||
      (typeof value === 'string' && value.trim() === '');
    if (field.kind === 'checkbox') {
      if (field.name === 'copiedToProcuratorate' && value !== true)
        issues.push({ path, key: 'zhiben.enforcement.validation.copyProcuratorate' });
      continue;
    }
    if (empty) {
      if (fieldRequired(field, decision)) issues.push({ path, key: 'ra.validation.required' });
      continue;
    }
    if (field.kind === 'instant') {
      const iso = fromShanghaiLocalInput(String(value));
      if (!iso) issues.push({ path, key: 'ra.validation.required' });
      else if (Date.parse(iso) > now + 60_000) issues.push({ path, key: 'zhiben.validation.notInFuture' });
      // Entered to the minute: the same minute as the earlier step is not before it (as the server checks).
      else if (earliest && Date.parse(iso) < Math.floor(Date.parse(earliest) / 60_000) * 60_000)
        issues.push({ path, key: 'zhiben.enforcement.validation.notBefore', args: { at: earliest } });
    }
  }
  return issues;
};

/** The POST …/steps/:step body: the decision, the comment, the data with instants as ISO. */
export const toLiaisonInput = (step: LiaisonStep, values: LiaisonValues): ReferralStepInput => {
  const data: Record<string, unknown> = {};
  for (const field of visibleFields(step, values.decision)) {
    const value = values.data?.[field.name];
    if (field.kind === 'checkbox') data[field.name] = value === true;
    else if (typeof value === 'string' && value.trim() !== '') {
      data[field.name] = field.kind === 'instant' ? fromShanghaiLocalInput(value) : value.trim();
    }
  }
  const comment = values.comment?.trim();
  return { decision: values.decision ?? '', ...(comment ? { comment } : {}), data };
};

// ------------------------------------------------------------------------------ package submission
export interface PackageValues {
  /** `datetime-local`, Beijing. */
  reportedAt?: string;
  officers?: { username?: string; name?: string }[];
}

export const MIN_OFFICERS = 2;

/**
 * The package's pre-check before 提交 (the server's 400 says the same with its own words): all five
 * documents, a team of at least two distinct officers, a report date that is not in the future.
 */
export const checkPackage = (
  values: PackageValues,
  missingDocuments: readonly ReferralDocumentKind[],
  now = Date.now(),
): FormIssue[] => {
  const issues: FormIssue[] = [];
  for (const kind of REFERRAL_DOCUMENT_KINDS) {
    if (missingDocuments.includes(kind))
      issues.push({
        path: `documents.${kind}`,
        key: 'zhiben.enforcement.referral.documentMissing',
        args: { kind },
      });
  }
  const officers = (values.officers ?? []).filter((officer) => officer.username?.trim());
  const distinct = new Set(officers.map((officer) => officer.username!.trim()));
  if (distinct.size < MIN_OFFICERS)
    issues.push({
      path: 'officers',
      key: 'zhiben.enforcement.validation.twoOfficers',
      args: { min: MIN_OFFICERS },
    });
  (values.officers ?? []).forEach((officer, index) => {
    if (officer.username?.trim() && !officer.name?.trim())
      issues.push({ path: `officers.${index}.name`, key: 'ra.validation.required' });
  });
  const reportedAt = values.reportedAt ? fromShanghaiLocalInput(values.reportedAt) : null;
  if (!reportedAt) issues.push({ path: 'reportedAt', key: 'ra.validation.required' });
  else if (Date.parse(reportedAt) > now + 60_000)
    issues.push({ path: 'reportedAt', key: 'zhiben.validation.notInFuture' });
  return issues;
};

/**
 * A problem's field messages in the UI language, each on its own line (the package's 400 names every
 * missing document, the officers and the date order, possibly several on one path), with the document
 * kind a message is about when its path or text names one.
 */
export const problemFieldMessages = (
  body: ProblemErrorBody | undefined,
  locale: string,
): { path: string; message: string; documentKind: ReferralDocumentKind | null }[] =>
  (body?.problem?.errors ?? []).map((error) => {
    const path = error.path.replace(/^\//, '').replace(/\//g, '.');
    const message =
      (locale === 'en' ? error.messageEn : error.messageZh) || error.messageZh || error.messageEn;
    const documentKind =
      REFERRAL_DOCUMENT_KINDS.find(
        (kind) =>
          path.split('.').includes(kind) ||
          message.includes(REFERRAL_DOCUMENT_LABELS[kind].zh) ||
          message.includes(REFERRAL_DOCUMENT_LABELS[kind].en),
      ) ?? null;
    return { path, message, documentKind };
  });
