import {
  REFERRAL_DOCUMENT_KINDS,
  REFERRAL_DOCUMENT_LABELS,
  type ApplyReinspectionInput,
  type EnforcementUpdateRejection,
  type SubmitReferralInput,
} from '@zhiben/contracts/workflow';
import { CLOCK_SKEW_MS, parseInstant } from './clock';

/**
 * Update validators of the enforcement workflows, pure so that unit tests call them directly. The
 * service validates the same requests first (a 400 naming what is missing); these re-check what the
 * workflow must never accept, whoever calls it.
 */
const reject = (
  type: EnforcementUpdateRejection['type'],
  messageZh: string,
  messageEn: string,
  extra: Pick<EnforcementUpdateRejection, 'field' | 'missing'> = {},
): EnforcementUpdateRejection => ({ type, messageZh, messageEn, ...extra });

const notApplicable = (zh: string, en: string) => reject('NotApplicable', zh, en);

function personMissing(p: unknown): boolean {
  const v = p as { username?: unknown; name?: unknown } | null | undefined;
  return typeof v?.username !== 'string' || v.username.trim() === '' || typeof v.name !== 'string';
}

/** 提交移送材料: only while preparing; all five documents; ≥2 officers; a report date not in the future. */
export function validateReferralSubmission(
  state: { stage: string; preparingTaskKey: string | null },
  req: Partial<SubmitReferralInput> | undefined,
  calendarNowMs: number,
): EnforcementUpdateRejection | null {
  if (state.stage !== 'preparing' || state.preparingTaskKey === null) {
    return notApplicable('移送材料已提交或案件不在准备移送阶段', 'The referral is not preparing its package');
  }
  if (personMissing(req?.by)) {
    return reject('OfficersMissing', '须注明提交人', 'The submitting officer is required', { field: 'by' });
  }
  const documents = Array.isArray(req?.documents) ? req.documents : [];
  const missing = REFERRAL_DOCUMENT_KINDS.filter((k) => !documents.includes(k));
  if (missing.length > 0) {
    return reject(
      'DocumentsMissing',
      `移送材料不全，缺少：${missing.map((k) => REFERRAL_DOCUMENT_LABELS[k].zh).join('、')}`,
      `Documents missing: ${missing.map((k) => REFERRAL_DOCUMENT_LABELS[k].en).join(', ')}`,
      { field: 'documents', missing },
    );
  }
  const officers = Array.isArray(req?.officers) ? req.officers.filter((o) => !personMissing(o)) : [];
  if (new Set(officers.map((o) => o.username)).size < 2) {
    return reject(
      'OfficersMissing',
      '移送须由不少于2名行政执法人员组成的专案组办理',
      'A team of at least two officers must prepare the referral',
      { field: 'officers' },
    );
  }
  const reportedMs = parseInstant(req?.reportedAt);
  if (reportedMs === null) {
    return reject('DateOrder', '须填写移送报告日期', 'The report date is required', { field: 'reportedAt' });
  }
  if (reportedMs > calendarNowMs + CLOCK_SKEW_MS) {
    return reject('DateOrder', '移送报告日期不能晚于当前时间', 'The report date lies in the future', {
      field: 'reportedAt',
    });
  }
  return null;
}

/** 申请复查: only while the case is in its rectification period and has not applied yet. */
export function validateReinspectionApplication(
  state: { rectifying: boolean },
  req: Partial<ApplyReinspectionInput> | undefined,
): EnforcementUpdateRejection | null {
  if (!state.rectifying) {
    return notApplicable(
      '案件不在整改期内（或已申请复查），不能申请整改复查',
      'The case is not in its rectification period (or re-inspection was already requested)',
    );
  }
  if (personMissing(req?.by)) {
    return reject('NotApplicable', '须注明申请人', 'The applicant is required', { field: 'by' });
  }
  return null;
}
