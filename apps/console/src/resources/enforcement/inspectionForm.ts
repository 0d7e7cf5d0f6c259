import { fromShanghaiLocalInput } from '../../fields/shanghaiTime';
import type { FormIssue } from './formIssues';
import type { ChecklistResult, HazardGrade, InspectionRecordInput } from './types';

/** What the recording form holds (react-admin form values, before they become the request body). */
export interface InspectionRecordValues {
  /** `datetime-local`, Beijing time. */
  inspectedAt?: string;
  inspectors?: {
    username?: string;
    name?: string;
    certificateNo?: string;
    /** 谁检查、谁签名: each inspector signs the record. */
    signed?: boolean;
  }[];
  checklist?: {
    catalogueId?: string | null;
    clauseId?: string | null;
    item?: string;
    result?: ChecklistResult | '';
    note?: string;
  }[];
  findings?: {
    description?: string;
    grade?: HazardGrade | '';
    catalogueId?: string | null;
    clauseId?: string | null;
    location?: string;
    photos?: string[];
    /** Removed on the spot (立即整改): no 责令限期整改 deadline. */
    removedOnSpot?: boolean;
    /** YYYY-MM-DD */
    rectifyBy?: string;
    stopOrdered?: boolean;
  }[];
  principalDutiesChecked?: boolean;
  responsiblePersonsChecked?: boolean;
}

export const MIN_INSPECTORS = 2;
const USERNAME = /^[A-Za-z0-9._@-]{1,100}$/;

const blank = (value: unknown): boolean => typeof value !== 'string' || value.trim() === '';

/**
 * The recording form's own checks (the server checks them again): at least two inspectors, each named
 * once and signed; every checklist line judged; a violation needs a finding; a finding needs a grade,
 * a description, a 判定标准 clause when major, and a 责令限期整改 deadline in the future unless it was
 * removed on the spot; a stop order only for a major hazard; both 两个必查 checked.
 */
export const checkInspectionRecord = (
  values: InspectionRecordValues,
  today: string,
  now = Date.now(),
  /** Only this inspector signs here (each signs in their own session); all of them when absent. */
  signer?: string | null,
): FormIssue[] => {
  const issues: FormIssue[] = [];
  const at = values.inspectedAt ? fromShanghaiLocalInput(values.inspectedAt) : null;
  if (!at) issues.push({ path: 'inspectedAt', key: 'ra.validation.required' });
  else if (Date.parse(at) > now + 60_000)
    issues.push({ path: 'inspectedAt', key: 'zhiben.validation.notInFuture' });

  const inspectors = values.inspectors ?? [];
  if (inspectors.length < MIN_INSPECTORS) {
    issues.push({
      path: 'inspectors',
      key: 'zhiben.enforcement.validation.twoInspectors',
      args: { min: MIN_INSPECTORS },
    });
  }
  const seen = new Set<string>();
  inspectors.forEach((inspector, index) => {
    const username = inspector.username?.trim() ?? '';
    if (username === '') issues.push({ path: `inspectors.${index}.username`, key: 'ra.validation.required' });
    else if (!USERNAME.test(username))
      issues.push({ path: `inspectors.${index}.username`, key: 'zhiben.task.actions.usernameInvalid' });
    else if (seen.has(username))
      issues.push({
        path: `inspectors.${index}.username`,
        key: 'zhiben.enforcement.validation.sameInspector',
      });
    seen.add(username);
    if (blank(inspector.name))
      issues.push({ path: `inspectors.${index}.name`, key: 'ra.validation.required' });
    if (!inspector.signed && (signer === undefined || signer === null || signer === username))
      issues.push({ path: `inspectors.${index}.signed`, key: 'zhiben.enforcement.validation.signature' });
  });

  const checklist = values.checklist ?? [];
  if (checklist.length === 0)
    issues.push({ path: 'checklist', key: 'zhiben.enforcement.validation.checklistEmpty' });
  checklist.forEach((line, index) => {
    if (blank(line.item)) issues.push({ path: `checklist.${index}.item`, key: 'ra.validation.required' });
    if (!line.result) issues.push({ path: `checklist.${index}.result`, key: 'ra.validation.required' });
  });

  const findings = values.findings ?? [];
  const violations = checklist.filter((line) => line.result === 'violation').length;
  if (violations > 0 && findings.length === 0) {
    issues.push({
      path: 'findings',
      key: 'zhiben.enforcement.validation.findingsNeeded',
      args: { count: violations },
    });
  }
  findings.forEach((finding, index) => {
    const path = (field: string) => `findings.${index}.${field}`;
    if (!finding.grade) issues.push({ path: path('grade'), key: 'ra.validation.required' });
    if (blank(finding.description)) issues.push({ path: path('description'), key: 'ra.validation.required' });
    if (finding.grade === 'major' && (!finding.catalogueId || !finding.clauseId)) {
      issues.push({ path: path('clauseId'), key: 'zhiben.hazards.register.standardRequired' });
    }
    if (!finding.removedOnSpot) {
      if (blank(finding.rectifyBy))
        issues.push({ path: path('rectifyBy'), key: 'zhiben.enforcement.validation.deadlineRequired' });
      else if ((finding.rectifyBy ?? '') <= today)
        issues.push({ path: path('rectifyBy'), key: 'zhiben.enforcement.validation.deadlineFuture' });
    }
    if (finding.stopOrdered && finding.grade !== 'major') {
      issues.push({ path: path('stopOrdered'), key: 'zhiben.enforcement.validation.stopOnlyMajor' });
    }
  });

  if (!values.principalDutiesChecked)
    issues.push({ path: 'principalDutiesChecked', key: 'zhiben.enforcement.validation.mustCheck' });
  if (!values.responsiblePersonsChecked)
    issues.push({ path: 'responsiblePersonsChecked', key: 'zhiben.enforcement.validation.mustCheck' });
  return issues;
};

const trimmed = (value: string | null | undefined): string | undefined => {
  const text = value?.trim();
  return text ? text : undefined;
};

/**
 * The POST …/record body from checked form values (`sentAt` stands in for a missing inspection time).
 * The inspectors were named when the inspection was created; they sign through …/sign.
 */
export const toInspectionRecord = (
  values: InspectionRecordValues,
  sentAt: string,
): InspectionRecordInput => ({
  inspectedAt: fromShanghaiLocalInput(values.inspectedAt ?? '') ?? sentAt,
  checklist: (values.checklist ?? []).map((line) => ({
    ...(line.catalogueId && line.clauseId ? { catalogueId: line.catalogueId, clauseId: line.clauseId } : {}),
    item: line.item?.trim() ?? '',
    result: line.result as ChecklistResult,
    ...(trimmed(line.note) ? { note: trimmed(line.note) } : {}),
  })),
  findings: (values.findings ?? []).map((finding) => ({
    description: finding.description?.trim() ?? '',
    grade: finding.grade as HazardGrade,
    ...(finding.catalogueId && finding.clauseId
      ? { catalogueId: finding.catalogueId, clauseId: finding.clauseId }
      : {}),
    ...(trimmed(finding.location) ? { location: trimmed(finding.location) } : {}),
    photos: finding.photos ?? [],
    ...(finding.removedOnSpot || !finding.rectifyBy ? {} : { rectifyBy: finding.rectifyBy }),
    stopOrdered: finding.grade === 'major' && finding.stopOrdered === true,
  })),
  principalDutiesChecked: values.principalDutiesChecked === true,
  responsiblePersonsChecked: values.responsiblePersonsChecked === true,
});

/** Checklist lines from catalogue clauses (the hazard-standard catalogue the hazards API serves). */
export const checklistFromClauses = (
  catalogueId: string,
  clauses: readonly { id: string; article: string; item: string; textZh: string }[],
): NonNullable<InspectionRecordValues['checklist']> =>
  clauses.map((clause) => ({
    catalogueId,
    clauseId: clause.id,
    item: `${clause.article}${clause.item} ${clause.textZh}`.trim(),
    result: '',
    note: '',
  }));
