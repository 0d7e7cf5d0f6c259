import { Injectable } from '@nestjs/common';
import type { Principal } from '@zhiben/auth';
import type { ListingDto, ListListingsQuery, Page } from '@zhiben/contracts';
import { DomainException } from '@zhiben/platform';
import { DataSource } from 'typeorm';
import { HazardEntity, ListingEntity } from '../entities';
import { toListingDto } from '../hazards/hazard.mappers';
import { likeContains } from '../hazards/hazards-query.service';
import { scopeWhere } from '../scope/hazard-scope';
import { ScopeResolver } from '../scope/scope.resolver';

const SORT: Record<ListListingsQuery['sort'], string> = {
  createdAt: 'l.created_at',
  noticeDeadlineAt: 'l.notice_deadline_at',
  status: 'l.status',
  caseRef: 'h.case_ref',
};

const OPEN = `l.status NOT IN ('delisted','withdrawn','rejected')`;
const OVERDUE = `(l.status = 'overdue' OR (${OPEN} AND l.notice_deadline_at < now()))`;

/** The 挂牌督办 board: listings of the hazards the caller may see, with authority, deadline and overdue. */
@Injectable()
export class ListingsService {
  constructor(
    private readonly ds: DataSource,
    private readonly scopes: ScopeResolver,
  ) {}

  async list(p: Principal, token: string, q: ListListingsQuery): Promise<Page<ListingDto>> {
    const scope = await this.scopes.scopeOf(p, token);
    const where = scopeWhere(scope, 'h');
    const qb = this.ds
      .getRepository(ListingEntity)
      .createQueryBuilder('l')
      .innerJoinAndMapOne('l.hazard', HazardEntity, 'h', 'h.id = l.hazard_id')
      .where(where.sql, where.params);
    if (q.status) qb.andWhere('l.status = :status', { status: q.status });
    if (q.overdue === true) qb.andWhere(OVERDUE);
    if (q.overdue === false) qb.andWhere(`NOT COALESCE(${OVERDUE}, false)`);
    if (q.q) {
      qb.andWhere(
        '(h.case_ref ILIKE :q OR h.title ILIKE :q OR h.enterprise_name ILIKE :q OR l.reason ILIKE :q)',
        {
          q: likeContains(q.q),
        },
      );
    }
    const total = await qb.getCount();
    const rows = await qb
      .orderBy(SORT[q.sort], q.order, q.order === 'ASC' ? 'NULLS LAST' : 'NULLS FIRST')
      .addOrderBy('l.id', 'ASC')
      .offset((q.page - 1) * q.perPage)
      .limit(q.perPage)
      .getMany();
    return { data: rows.map((l) => toListingDto(l, l.hazard!)), total };
  }

  async get(p: Principal, token: string, id: string): Promise<ListingDto> {
    const listing = await this.ds.getRepository(ListingEntity).findOneBy({ id });
    if (!listing) throw DomainException.notFound('Listing', id);
    const hazard = await this.ds.getRepository(HazardEntity).findOneByOrFail({ id: listing.hazardId });
    this.scopes.assertCanRead(await this.scopes.scopeOf(p, token), hazard);
    return toListingDto(listing, hazard);
  }
}
