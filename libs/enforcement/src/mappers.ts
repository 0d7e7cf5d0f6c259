import {
  REFERRAL_DOCUMENT_KINDS,
  type EnforcementActionDto,
  type EnforcementFileDto,
  type FindingDto,
  type InspectionDto,
  type InspectionPlanDto,
  type PenaltyCaseDto,
  type ReferralBoardDeadline,
  type ReferralDocumentDto,
  type ReferralDocumentKind,
  type ReferralDto,
  type ReinspectionApplicationDto,
} from '@zhiben/contracts';
import type {
  EnforcementActionEntity,
  EnforcementFileEntity,
  FindingEntity,
  InspectionEntity,
  InspectionPlanEntity,
  PenaltyCaseEntity,
  ReferralDeadlineEntity,
  ReferralEntity,
  ReinspectionApplicationEntity,
} from './entities';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export function toFindingDto(f: FindingEntity): FindingDto {
  return {
    id: f.id,
    description: f.description,
    grade: f.grade,
    catalogueId: f.catalogueId,
    clauseId: f.clauseId,
    location: f.location,
    photos: f.photos ?? [],
    rectifyBy: f.rectifyBy,
    stopOrdered: f.stopOrdered,
    hazardId: f.hazardId,
    hazardError: f.hazardId ? null : f.hazardError,
  };
}

export function toInspectionDto(i: InspectionEntity, findings: FindingEntity[]): InspectionDto {
  return {
    id: i.id,
    ref: i.ref,
    kind: i.kind,
    status: i.status,
    planId: i.planId,
    department: { code: i.departmentCode, name: i.departmentName },
    town: { code: i.townCode, name: i.townName },
    enterprise: { creditCode: i.enterpriseCreditCode, name: i.enterpriseName },
    plannedOn: i.plannedOn,
    inspectedAt: iso(i.inspectedAt),
    inspectors: i.inspectors,
    checklist: i.checklist ?? [],
    findings: [...findings].sort((a, b) => a.seq - b.seq).map(toFindingDto),
    principalDutiesChecked: i.principalDutiesChecked,
    responsiblePersonsChecked: i.responsiblePersonsChecked,
    caseId: i.caseId,
    createdBy: { username: i.createdBy, name: i.createdByName },
    createdAt: i.createdAt.toISOString(),
    version: i.version,
  };
}

export function toPlanDto(p: InspectionPlanEntity, inspectionCount: number): InspectionPlanDto {
  return {
    id: p.id,
    title: p.title,
    department: { code: p.departmentCode, name: p.departmentName },
    kind: p.kind,
    period: { from: p.periodFrom, to: p.periodTo },
    draw: p.draw
      ? {
          seed: p.draw.seed,
          drawnAt: p.draw.drawnAt,
          enterprises: p.draw.enterprises,
          inspectors: [...new Set(p.draw.inspectors.flat())],
        }
      : null,
    enterprises: p.enterprises ?? [],
    inspectionCount,
    createdAt: p.createdAt.toISOString(),
  };
}

export function toActionDto(a: EnforcementActionEntity): EnforcementActionDto {
  return {
    id: a.id,
    kind: a.kind,
    detail: a.detail,
    deadlineAt: iso(a.deadlineAt),
    amountYuan: a.amountYuan,
    by: a.byUsername ? { username: a.byUsername, name: a.byName ?? a.byUsername } : null,
    at: a.at.toISOString(),
  };
}

export function toCaseDto(c: PenaltyCaseEntity, actions: EnforcementActionEntity[]): PenaltyCaseDto {
  return {
    id: c.id,
    caseNo: c.caseNo,
    title: c.title,
    stage: c.stage,
    department: { code: c.departmentCode, name: c.departmentName },
    town: { code: c.townCode, name: c.townName },
    enterprise: { creditCode: c.enterpriseCreditCode, name: c.enterpriseName },
    inspectionId: c.inspectionId,
    hazardIds: c.hazardIds ?? [],
    officers: c.officers,
    parties: c.parties ?? [],
    totalFineYuan: (c.parties ?? []).reduce((s, p) => s + (p.fineYuan ?? 0), 0),
    filedAt: c.filedAt.toISOString(),
    decidedAt: iso(c.decidedAt),
    servedAt: iso(c.servedAt),
    serveDueAt: iso(c.serveDueAt),
    rectificationDeadlineAt: iso(c.rectificationDeadlineAt),
    reinspectionDueAt: iso(c.reinspectionDueAt),
    reinspectionResult: c.reinspectionResult,
    suspectedCrime: c.suspectedCrime,
    referralId: c.referralId,
    actions: actions.map(toActionDto),
    closedAt: iso(c.closedAt),
    rulesVersion: c.rulesVersion,
    workflow: { id: c.workflowId, started: c.workflowStartedAt !== null },
    version: c.version,
  };
}

export function toFileDto(f: EnforcementFileEntity): EnforcementFileDto {
  return {
    id: f.id,
    kind: f.kind,
    fileName: f.fileName,
    contentType: f.contentType,
    size: Number(f.sizeBytes),
    sha256: f.sha256,
    uploadedBy: f.uploadedBy,
    uploadedAt: f.createdAt.toISOString(),
  };
}

export function toDocumentDto(f: EnforcementFileEntity): ReferralDocumentDto {
  return { ...toFileDto(f), kind: f.kind as ReferralDocumentKind };
}

export function missingDocuments(files: Pick<EnforcementFileEntity, 'kind'>[]): ReferralDocumentKind[] {
  const present = new Set<string>(files.map((f) => f.kind));
  return REFERRAL_DOCUMENT_KINDS.filter((k) => !present.has(k));
}

/**
 * A deadline's state on the board: breached once a breach was recorded (even if met late), met when
 * done in time, else running. On a real-time clock a running deadline past due counts as breached
 * before the workflow's timer records it; on a scaled clock only the workflow knows its calendar.
 */
export function deadlineView(d: ReferralDeadlineEntity, now: Date, realTime: boolean): ReferralBoardDeadline {
  const pastDue = realTime && !d.metAt && d.dueAt !== null && d.dueAt.getTime() < now.getTime();
  const status = d.breachedAt || pastDue ? 'breached' : d.metAt ? 'met' : 'running';
  return {
    kind: d.kind,
    startedAt: iso(d.startedAt) ?? '',
    dueAt: iso(d.dueAt) ?? '',
    metAt: iso(d.metAt),
    breachedAt: iso(d.breachedAt),
    status,
  };
}

export const REAL_DAY_MS = 86_400_000;

export function toReferralDto(
  r: ReferralEntity,
  files: EnforcementFileEntity[],
  deadlines: ReferralDeadlineEntity[],
  now = new Date(),
): ReferralDto {
  const documents = files.filter((f) => (REFERRAL_DOCUMENT_KINDS as readonly string[]).includes(f.kind));
  const views = deadlines.map((d) => deadlineView(d, now, r.msPerDay >= REAL_DAY_MS));
  const open = r.stage !== 'closed' && r.stage !== 'notApproved';
  return {
    id: r.id,
    referralNo: r.referralNo,
    title: r.title,
    stage: r.stage,
    department: { code: r.departmentCode, name: r.departmentName },
    town: { code: r.townCode, name: r.townName },
    enterprise: { creditCode: r.enterpriseCreditCode, name: r.enterpriseName },
    caseId: r.caseId,
    suspectedCrime: r.suspectedCrime,
    suspects: r.suspects,
    officers: r.officers ?? [],
    documents: documents.map(toDocumentDto),
    missingDocuments: missingDocuments(documents),
    reportedAt: iso(r.reportedAt),
    headDecision: r.headDecision,
    transfer: r.transfer,
    police: r.police,
    reconsideration: r.reconsideration,
    procuratorate: r.procuratorate,
    handedOverAt: iso(r.handedOverAt),
    outcome: r.outcome,
    deadlines: views.map(({ status: _s, ...v }) => v),
    overdue: open && views.some((v) => v.status === 'breached' && !v.metAt),
    closedAt: iso(r.closedAt),
    rulesVersion: r.rulesVersion,
    workflow: { id: r.workflowId, started: r.workflowStartedAt !== null },
    version: r.version,
  };
}

export function toApplicationDto(a: ReinspectionApplicationEntity): ReinspectionApplicationDto {
  return {
    id: a.id,
    caseId: a.caseId,
    note: a.note,
    evidence: a.evidence ?? [],
    status: a.status,
    rejectionReason: a.rejectionReason,
    submittedBy: { username: a.submittedBy, name: a.submittedByName },
    submittedAt: a.submittedAt.toISOString(),
  };
}
