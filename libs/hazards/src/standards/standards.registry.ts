import type { HazardStandardClauseDto, HazardStandardDto } from '@zhiben/contracts';
import { GONGMAO_2023 } from './gongmao-2023.catalogue';
import type { StandardCatalogue, StandardClause } from './standard-catalogue';

/** The 判定标准 catalogues the ledger accepts. New sectors' catalogues are added here as data. */
export const STANDARD_CATALOGUES: readonly StandardCatalogue[] = [GONGMAO_2023];

const BY_ID = new Map(STANDARD_CATALOGUES.map((c) => [c.id, c]));

export function findCatalogue(id: string): StandardCatalogue | undefined {
  return BY_ID.get(id);
}

export function findClause(catalogueId: string, clauseId: string): StandardClause | undefined {
  return BY_ID.get(catalogueId)?.clauses.find((c) => c.id === clauseId);
}

export function toStandardDto(c: StandardCatalogue): HazardStandardDto & {
  supersedes: string | null;
  issuedOn: string;
  sourceNote: string;
  groups: (StandardCatalogue['groups'][number] & { clauseCount: number })[];
} {
  return {
    id: c.id,
    titleZh: c.titleZh,
    titleEn: c.titleEn,
    instrument: c.instrument,
    issuedOn: c.issuedOn,
    effectiveFrom: c.effectiveFrom,
    supersedes: c.supersedes ?? null,
    sectors: [...c.sectors],
    sourceNote: c.sourceNote,
    clauseCount: c.clauses.length,
    groups: c.groups.map((g) => ({ ...g, clauseCount: c.clauses.filter((k) => k.groupId === g.id).length })),
  };
}

export function toClauseDto(c: StandardCatalogue, k: StandardClause): HazardStandardClauseDto {
  const group = c.groups.find((g) => g.id === k.groupId);
  return {
    id: k.id,
    article: k.article,
    item: k.item,
    groupZh: group?.nameZh ?? k.groupId,
    groupEn: group?.nameEn ?? k.groupId,
    textZh: k.textZh,
    verified: k.verified,
  };
}
