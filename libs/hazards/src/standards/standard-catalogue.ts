import type { SectorCode } from '@zhiben/contracts';

/** One situation (情形) of a 重大事故隐患判定标准, addressed as `article.item` (第四条第（二）项 → `4.2`). */
export interface StandardClause {
  id: string;
  /** 第四条 */
  article: string;
  /** （二） */
  item: string;
  groupId: string;
  textZh: string;
  /**
   * `true` when the wording was checked against a published copy of the official text; `false` where it
   * is reconstructed from memory and secondary sources and still needs checking against the gazette.
   */
  verified: boolean;
}

export interface StandardGroup {
  id: string;
  /** 管理类 / 行业类 / 专项类 */
  kind: 'management' | 'industry' | 'special';
  nameZh: string;
  nameEn: string;
  /** Why a group has no clauses of its own, when that is the case. */
  noteZh?: string;
  noteEn?: string;
}

/** A versioned 判定标准 catalogue: the data a hazard's `standard.catalogueId` + `clauseId` cite. */
export interface StandardCatalogue {
  id: string;
  titleZh: string;
  titleEn: string;
  /** The instrument that issued it, e.g. 应急管理部令第10号. */
  instrument: string;
  issuedOn: string;
  effectiveFrom: string;
  /** Sectors (行业领域) whose hazards are judged against it. */
  sectors: SectorCode[];
  supersedes?: string;
  /** Where the catalogue's facts come from (regulations.md B2). */
  sourceNote: string;
  groups: StandardGroup[];
  clauses: StandardClause[];
}
