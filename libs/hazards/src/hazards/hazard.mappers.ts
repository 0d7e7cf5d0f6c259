import type { HazardDto, HazardEventDto, HazardFileDto, ListingDto } from '@zhiben/contracts';
import type {
  AcceptanceApplicationEntity,
  AcceptanceReviewEntity,
  CloseoutEntity,
  DualReportEntity,
  ExtensionRequestEntity,
  HazardEntity,
  HazardEventEntity,
  HazardFileEntity,
  ListingEntity,
  ProgressReportEntity,
  RectificationPlanEntity,
} from '../entities';
import { findClause } from '../standards/standards.registry';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/**
 * Overdue as the workflow says it (status `overdue`, on its own clock, which tests scale), or an open
 * hazard whose deadline has passed on the calendar (e.g. while 挂牌督办 or under review).
 */
export function isOverdue(
  h: Pick<HazardEntity, 'rectificationDeadline' | 'status'>,
  now = new Date(),
): boolean {
  return (
    h.status === 'overdue' ||
    (h.status !== 'closed' && !!h.rectificationDeadline && h.rectificationDeadline.getTime() < now.getTime())
  );
}

export function toHazardDto(h: HazardEntity): HazardDto {
  const clause =
    h.standardCatalogueId && h.standardClauseId
      ? findClause(h.standardCatalogueId, h.standardClauseId)
      : undefined;
  return {
    id: h.id,
    caseRef: h.caseRef,
    title: h.title,
    source: h.source,
    grade: h.grade,
    status: h.status,
    category: h.category,
    description: h.description,
    location: h.location,
    enterprise: { creditCode: h.enterpriseCreditCode, name: h.enterpriseName },
    sector: h.sector,
    town: { code: h.townCode, name: h.townName },
    supervisingDepartment:
      h.supervisingDeptCode && h.supervisingDeptName
        ? { code: h.supervisingDeptCode, name: h.supervisingDeptName }
        : null,
    standard:
      h.standardCatalogueId && h.standardClauseId
        ? {
            catalogueId: h.standardCatalogueId,
            clauseId: h.standardClauseId,
            titleZh: clause?.textZh ?? null,
          }
        : null,
    foundOn: h.foundOn,
    foundBy: h.foundBy,
    principal: h.principal,
    actualController: h.actualController,
    rectificationOwner: h.rectificationOwner,
    principalNotifiedAt: iso(h.principalNotifiedAt),
    actualControllerNotifiedAt: iso(h.actualControllerNotifiedAt),
    interimMeasures: h.interimMeasures,
    rectificationDeadline: iso(h.rectificationDeadline),
    overdue: isOverdue(h),
    closedAt: iso(h.closedAt),
    rulesVersion: h.rulesVersion,
    workflow: { id: h.workflowId, started: h.workflowStartedAt !== null },
    createdBy: { username: h.createdBy, name: h.createdByName },
    version: h.version,
    createdAt: h.createdAt.toISOString(),
    updatedAt: h.updatedAt.toISOString(),
  };
}

export function toEventDto(e: HazardEventEntity): HazardEventDto {
  return {
    seq: Number(e.id),
    type: e.type,
    summaryZh: e.summaryZh,
    summaryEn: e.summaryEn,
    actor: e.actorUsername ? { username: e.actorUsername, name: e.actorName ?? e.actorUsername } : null,
    data: e.data,
    occurredAt: e.occurredAt.toISOString(),
  };
}

export function toFileDto(f: HazardFileEntity): HazardFileDto {
  return {
    id: f.id,
    hazardId: f.hazardId,
    kind: f.kind,
    fileName: f.fileName,
    contentType: f.contentType,
    sizeBytes: Number(f.sizeBytes),
    sha256: f.sha256,
    uploadedBy: { username: f.uploadedBy, name: f.uploadedByName },
    createdAt: f.createdAt.toISOString(),
  };
}

export function toListingDto(l: ListingEntity, h: HazardEntity, now = new Date()): ListingDto {
  const open = !['delisted', 'withdrawn', 'rejected'].includes(l.status);
  return {
    id: l.id,
    hazardId: l.hazardId,
    caseRef: h.caseRef,
    title: h.title,
    enterprise: { creditCode: h.enterpriseCreditCode, name: h.enterpriseName },
    town: { code: h.townCode, name: h.townName },
    authority: l.authorityCode ? { code: l.authorityCode, name: l.authorityName ?? l.authorityCode } : null,
    status: l.status,
    reason: l.reason,
    proposedBy: l.proposedBy,
    noticeDeadlineAt: iso(l.noticeDeadlineAt),
    noticeText: l.noticeText,
    overdue:
      l.status === 'overdue' ||
      (open && !!l.noticeDeadlineAt && l.noticeDeadlineAt.getTime() < now.getTime()),
    delistedAt: iso(l.delistedAt),
    publicAnnouncementAt: iso(l.publicAnnouncementAt),
    publicAnnouncementText: l.publicAnnouncementText,
    delistingEvidence: { fileIds: l.delistingFileIds, note: l.delistingNote },
    createdAt: l.createdAt.toISOString(),
    updatedAt: l.updatedAt.toISOString(),
  };
}

export function toPlanDto(p: RectificationPlanEntity) {
  return {
    id: p.id,
    planVersion: p.planVersion,
    status: p.status,
    targets: p.targets,
    measures: p.measures,
    fundsAndMaterials: p.fundsAndMaterials,
    fundsAmountYuan: p.fundsAmountYuan === null ? null : Number(p.fundsAmountYuan),
    organisationAndPeople: p.organisationAndPeople,
    responsiblePerson: p.responsiblePerson,
    deadline: p.deadline,
    timeRequirements: p.timeRequirements,
    safetyMeasures: p.safetyMeasures,
    emergencyPlan: p.emergencyPlan,
    acceptor: p.acceptor,
    acceptanceCriteria: p.acceptanceCriteria,
    executor: p.executor,
    attachments: p.attachments,
    submittedBy: { username: p.submittedBy, name: p.submittedByName },
    submittedAt: p.submittedAt.toISOString(),
    reviewedBy: p.reviewedBy ? { username: p.reviewedBy, name: p.reviewedByName ?? p.reviewedBy } : null,
    reviewedAt: iso(p.reviewedAt),
    reviewComment: p.reviewComment,
    rejectionReason: p.rejectionReason,
  };
}

export function toProgressDto(r: ProgressReportEntity) {
  return {
    id: r.id,
    seq: r.seq,
    summary: r.summary,
    percentComplete: r.percentComplete,
    interimControlsEffective: r.interimControlsEffective,
    attachments: r.attachments,
    status: r.status,
    rejectionReason: r.rejectionReason,
    submittedBy: { username: r.submittedBy, name: r.submittedByName },
    submittedAt: r.submittedAt.toISOString(),
  };
}

export function toAcceptanceDto(a: AcceptanceApplicationEntity) {
  return {
    id: a.id,
    seq: a.seq,
    summary: a.summary,
    completedOn: a.completedOn,
    selfCheck: a.selfCheck,
    attachments: a.attachments,
    status: a.status,
    rejectionReason: a.rejectionReason,
    submittedBy: { username: a.submittedBy, name: a.submittedByName },
    submittedAt: a.submittedAt.toISOString(),
  };
}

export function toAcceptanceReviewDto(r: AcceptanceReviewEntity) {
  return {
    id: r.id,
    applicationId: r.applicationId,
    decision: r.decision,
    comment: r.comment,
    reviewedBy: r.reviewedBy ? { username: r.reviewedBy, name: r.reviewedByName ?? r.reviewedBy } : null,
    reviewedAt: r.reviewedAt.toISOString(),
  };
}

export function toDualReportDto(d: DualReportEntity) {
  return {
    kind: d.kind,
    reportedAt: d.reportedAt.toISOString(),
    reportedBy: d.reportedBy ? { username: d.reportedBy, name: d.reportedByName ?? d.reportedBy } : null,
    recipient: d.recipientCode ? { code: d.recipientCode, name: d.recipientName ?? d.recipientCode } : null,
    content: d.content,
  };
}

export function toExtensionDto(x: ExtensionRequestEntity) {
  return {
    id: x.id,
    requestedDeadlineAt: x.requestedDeadlineAt.toISOString(),
    previousDeadlineAt: iso(x.previousDeadlineAt),
    reason: x.reason,
    status: x.status,
    decidedBy: x.decidedBy ? { username: x.decidedBy, name: x.decidedByName ?? x.decidedBy } : null,
    decidedAt: iso(x.decidedAt),
    decisionComment: x.decisionComment,
    rejectionReason: x.rejectionReason,
    requestedBy: { username: x.requestedBy, name: x.requestedByName },
    requestedAt: x.requestedAt.toISOString(),
  };
}

export function toCloseoutDto(c: CloseoutEntity) {
  return {
    authority: c.authorityCode ? { code: c.authorityCode, name: c.authorityName ?? c.authorityCode } : null,
    approvedBy: c.approvedBy ? { username: c.approvedBy, name: c.approvedByName ?? c.approvedBy } : null,
    comment: c.comment,
    closedAt: c.closedAt.toISOString(),
  };
}
