import { Injectable } from '@nestjs/common';
import type { Principal } from '@zhiben/auth';
import type { HazardDto, ListHazardsQuery, Page } from '@zhiben/contracts';
import { DomainException } from '@zhiben/platform';
import { DataSource, Like, Not } from 'typeorm';
import { LEDGER_EVENT_PREFIX } from '../activities/hazards.activities';
import {
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
import type { HazardScope } from '../scope/hazard-scope';
import { scopeWhere } from '../scope/hazard-scope';
import { ScopeResolver } from '../scope/scope.resolver';
import { WorkflowStarter } from '../workflow/workflow-starter';
import {
  toAcceptanceDto,
  toAcceptanceReviewDto,
  toCloseoutDto,
  toDualReportDto,
  toEventDto,
  toExtensionDto,
  toFileDto,
  toHazardDto,
  toListingDto,
  toPlanDto,
  toProgressDto,
} from './hazard.mappers';

const SORT: Record<ListHazardsQuery['sort'], string> = {
  createdAt: 'h.created_at',
  updatedAt: 'h.updated_at',
  foundOn: 'h.found_on',
  caseRef: 'h.case_ref',
  deadline: 'h.rectification_deadline',
  status: 'h.status',
  grade: 'h.grade',
  enterpriseName: 'h.enterprise_name',
};

/** The `overdue` filter, as `isOverdue` decides the flag: the workflow's status, else the calendar deadline. */
const OVERDUE = `(h.status = 'overdue' OR (h.status <> 'closed' AND h.rectification_deadline < now()))`;

export const likeContains = (s: string) => `%${s.replace(/[%_\\]/g, '\\$&')}%`;

@Injectable()
export class HazardsQueryService {
  constructor(
    private readonly ds: DataSource,
    private readonly scopes: ScopeResolver,
    private readonly starter: WorkflowStarter,
  ) {}

  /** The hazard if it exists (404) and the caller's scope covers it (403). */
  async loadReadable(
    p: Principal,
    token: string,
    id: string,
  ): Promise<{ hazard: HazardEntity; scope: HazardScope }> {
    const hazard = await this.ds.getRepository(HazardEntity).findOneBy({ id });
    if (!hazard) throw DomainException.notFound('Hazard', id);
    const scope = await this.scopes.scopeOf(p, token);
    this.scopes.assertCanRead(scope, hazard);
    return { hazard, scope };
  }

  async list(p: Principal, token: string, q: ListHazardsQuery): Promise<Page<HazardDto>> {
    const scope = await this.scopes.scopeOf(p, token);
    const where = scopeWhere(scope, 'h');
    const qb = this.ds.getRepository(HazardEntity).createQueryBuilder('h').where(where.sql, where.params);
    if (q.grade) qb.andWhere('h.grade = :grade', { grade: q.grade });
    if (q.status) qb.andWhere('h.status = :status', { status: q.status });
    if (q.sector) qb.andWhere('h.sector = :sector', { sector: q.sector });
    if (q.townCode) qb.andWhere('h.town_code = :townCode', { townCode: q.townCode });
    if (q.source) qb.andWhere('h.source = :source', { source: q.source });
    if (q.enterpriseCreditCode) qb.andWhere('h.enterprise_credit_code = :cc', { cc: q.enterpriseCreditCode });
    if (q.overdue === true) qb.andWhere(OVERDUE);
    if (q.overdue === false) qb.andWhere(`NOT COALESCE(${OVERDUE}, false)`);
    if (q.q)
      qb.andWhere(
        '(h.case_ref ILIKE :q OR h.title ILIKE :q OR h.enterprise_name ILIKE :q OR h.description ILIKE :q OR h.location ILIKE :q)',
        { q: likeContains(q.q) },
      );
    const total = await qb.getCount();
    const rows = await qb
      .orderBy(SORT[q.sort], q.order, q.order === 'ASC' ? 'NULLS LAST' : 'NULLS FIRST')
      .addOrderBy('h.id', 'ASC')
      .offset((q.page - 1) * q.perPage)
      .limit(q.perPage)
      .getMany();
    return { data: rows.map(toHazardDto), total };
  }

  async detail(p: Principal, token: string, id: string) {
    const { hazard } = await this.loadReadable(p, token, id);
    // Opening a hazard retries a workflow start that has not happened yet (the outbox sweep does too).
    if (!hazard.workflowStartedAt) await this.starter.ensureStarted(hazard, 3_000);
    return this.assemble(hazard);
  }

  async assemble(hazard: HazardEntity) {
    const m = this.ds.manager;
    const by = { where: { hazardId: hazard.id } };
    const [plans, progress, applications, reviews, dual, extensions, closeout, listings, files, events] =
      await Promise.all([
        m.find(RectificationPlanEntity, { ...by, order: { planVersion: 'ASC' } }),
        m.find(ProgressReportEntity, { ...by, order: { seq: 'ASC' } }),
        m.find(AcceptanceApplicationEntity, { ...by, order: { seq: 'ASC' } }),
        m.find(AcceptanceReviewEntity, { ...by, order: { reviewedAt: 'ASC' } }),
        m.find(DualReportEntity, { ...by, order: { reportedAt: 'ASC' } }),
        m.find(ExtensionRequestEntity, { ...by, order: { requestedAt: 'ASC' } }),
        m.findOne(CloseoutEntity, by),
        m.find(ListingEntity, { ...by, order: { createdAt: 'ASC' } }),
        m.find(HazardFileEntity, { ...by, order: { createdAt: 'ASC' } }),
        m.find(HazardEventEntity, {
          where: { hazardId: hazard.id, type: Not(Like(`${LEDGER_EVENT_PREFIX}%`)) },
          order: { id: 'ASC' },
        }),
      ]);
    return {
      ...toHazardDto(hazard),
      plans: plans.map(toPlanDto),
      progressReports: progress.map(toProgressDto),
      acceptanceApplications: applications.map(toAcceptanceDto),
      acceptanceReviews: reviews.map(toAcceptanceReviewDto),
      dualReports: dual.map(toDualReportDto),
      extensionRequests: extensions.map(toExtensionDto),
      closeout: closeout ? toCloseoutDto(closeout) : null,
      listings: listings.map((l) => toListingDto(l, hazard)),
      files: files.map(toFileDto),
      timeline: events.map(toEventDto),
    };
  }

  /** The readable timeline; `all` adds the ledger's own bookkeeping events (`ledger.*`). */
  async timeline(p: Principal, token: string, id: string, all = false) {
    const { hazard } = await this.loadReadable(p, token, id);
    const events = await this.ds.getRepository(HazardEventEntity).find({
      where: all
        ? { hazardId: hazard.id }
        : { hazardId: hazard.id, type: Not(Like(`${LEDGER_EVENT_PREFIX}%`)) },
      order: { occurredAt: 'ASC', id: 'ASC' },
    });
    return { data: events.map(toEventDto), total: events.length };
  }

  async files(p: Principal, token: string, id: string) {
    const { hazard } = await this.loadReadable(p, token, id);
    const files = await this.ds.getRepository(HazardFileEntity).find({
      where: { hazardId: hazard.id },
      order: { createdAt: 'ASC' },
    });
    return { data: files.map(toFileDto), total: files.length };
  }
}
