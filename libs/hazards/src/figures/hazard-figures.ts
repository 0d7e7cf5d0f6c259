import { FORMS } from '@zhiben/campaigns-domain';
import {
  LISTING_STATUSES,
  RECTIFIED_HAZARD_STATUSES,
  type FormDefinition,
  type FormPrefill,
  type HazardFigures,
  type HazardFiguresPort,
  type HazardFiguresRequest,
  type ListingStatus,
} from '@zhiben/contracts';
import type { DataSource } from 'typeorm';
import { table } from '../schema';

/**
 * The dispatch form's pre-fill from the ledger (HazardFiguresPort, hosted on TASK_QUEUES.hazards): for
 * every form row that declares a `hazards` or `listings` source in campaigns-domain's form definitions,
 * the count for ONE unit's own scope — never its subtree, because aggregation adds the subtree's own
 * reports up (campaigns-domain README "Aggregation counts each report once").
 *
 * Own scope: `ent:<credit code>` → the enterprise's hazards; any other code → hazards of that town
 * (`town_code`) or supervised by that department (`supervising_dept_code`); a district or office has no
 * hazards of its own and gets zeros. "Rectified" is RECTIFIED_HAZARD_STATUSES, with the passing 验收
 * recorded at or before `asOf`.
 */

type HazardsPrefill = Extract<FormPrefill, { kind: 'hazards' }>;
type ListingsPrefill = Extract<FormPrefill, { kind: 'listings' }>;
export type FigureSpec =
  { rowId: string; prefill: HazardsPrefill } | { rowId: string; prefill: ListingsPrefill };

/** Rows the ledger can fill, over every form; a row id declared twice must mean the same thing. */
export function figureSpecs(forms: readonly FormDefinition[] = FORMS): FigureSpec[] {
  const out = new Map<string, FigureSpec>();
  for (const form of forms) {
    for (const row of form.rows) {
      const p = row.prefill;
      if (p.kind !== 'hazards' && p.kind !== 'listings') continue;
      const spec = { rowId: row.id, prefill: p } as FigureSpec;
      const seen = out.get(row.id);
      if (seen && JSON.stringify(seen.prefill) !== JSON.stringify(p)) {
        throw new Error(`Form row ${row.id} has two different pre-fill sources`);
      }
      out.set(row.id, spec);
    }
  }
  return [...out.values()];
}

/** Listing statuses that count as "under listed supervision" (proposed, rejected, withdrawn do not). */
export const COUNTED_LISTING_STATUSES: readonly ListingStatus[] = LISTING_STATUSES.filter(
  (s) => !['proposed', 'rejected', 'withdrawn'].includes(s),
);

const RECTIFIED_IN = RECTIFIED_HAZARD_STATUSES.map((s) => `'${s}'`).join(',');
const COUNTED_LISTINGS_IN = COUNTED_LISTING_STATUSES.map((s) => `'${s}'`).join(',');

/** One SQL statement answering every spec for the unit (`$1` code, `$2` credit code, `$3` asOf, `$4` since). */
export function figuresSql(specs: readonly FigureSpec[]): string {
  const h = table('hazards');
  const rectified = `(h.status IN (${RECTIFIED_IN})
      AND COALESCE((SELECT max(r.reviewed_at) FROM ${table('acceptance_reviews')} r
                    WHERE r.hazard_id = h.id AND r.decision = 'passed'), h.updated_at) <= $3)`;
  const listed = `EXISTS (SELECT 1 FROM ${table('listings')} l WHERE l.hazard_id = h.id
      AND l.status IN (${COUNTED_LISTINGS_IN})
      AND l.created_at <= $3 AND ($4::timestamptz IS NULL OR l.created_at >= $4))`;
  return `SELECT ${figureColumns(specs, rectified, listed).join(',\n  ')}
    FROM ${h} h
    WHERE (($2::text IS NOT NULL AND h.enterprise_credit_code = $2)
       OR ($2::text IS NULL AND (h.town_code = $1 OR h.supervising_dept_code = $1)))
      AND ${relevantSql(specs, countedListingIds())}`;
}

/**
 * Hazards some column can count at all: of a grade a hazards row asks for, or with a counted listing in
 * the period. Filtering on it first changes no count and lets the grade index skip the general hazards.
 */
function relevantSql(specs: readonly FigureSpec[], listedIds: string): string {
  const grades = [...new Set(specs.flatMap((s) => (s.prefill.kind === 'hazards' ? [s.prefill.grade] : [])))];
  const parts = [
    ...(grades.length ? [`h.grade IN (${grades.map((g) => `'${g}'`).join(',')})`] : []),
    ...(specs.some((s) => s.prefill.kind === 'listings') ? [`h.id IN (${listedIds})`] : []),
  ];
  return `(${parts.join(' OR ') || 'false'})`;
}

const countedListingIds = () => `SELECT hazard_id FROM ${table('listings')}
                  WHERE status IN (${COUNTED_LISTINGS_IN})
                    AND created_at <= $3 AND ($4::timestamptz IS NULL OR created_at >= $4)`;

/** `count(*) FILTER (…) AS "c<i>"` per spec, given the SQL of "rectified by $3" and "listed in the period". */
function figureColumns(specs: readonly FigureSpec[], rectified: string, listed: string): string[] {
  return specs.map((s, i) => {
    let cond: string;
    if (s.prefill.kind === 'hazards') {
      const sources = s.prefill.sources.map((x) => `'${x.replace(/'/g, "''")}'`).join(',');
      cond = `h.grade = '${s.prefill.grade}' AND h.source IN (${sources})
        AND h.found_on <= ($3::timestamptz AT TIME ZONE 'Asia/Shanghai')::date
        AND ($4::timestamptz IS NULL OR h.found_on >= ($4::timestamptz AT TIME ZONE 'Asia/Shanghai')::date)`;
      if (s.prefill.measure === 'rectified') cond += ` AND ${rectified}`;
    } else {
      cond = listed;
      if (s.prefill.measure === 'rectified') cond += ` AND ${rectified}`;
    }
    return `count(*) FILTER (WHERE ${cond})::int AS "c${i}"`;
  });
}

/**
 * The same figures for many town/department codes in one statement (`$1` codes, `$3` asOf, `$4` since),
 * one row per code: each hazard is grouped under its town and under its supervising department, exactly
 * the rows the per-unit statement selects for either. Only hazards some column can count are read (the
 * grades the hazards rows ask for, or a hazard with a counted listing), through ix_hazards_grade, and the
 * 验收 / listing look-ups are joined once instead of probed per hazard.
 */
export function figuresBatchSql(specs: readonly FigureSpec[]): string {
  const h = table('hazards');
  const rectified = `(h.status IN (${RECTIFIED_IN}) AND COALESCE(r.at, h.updated_at) <= $3)`;
  const listed = `(l.hazard_id IS NOT NULL)`;
  // $2 (the per-unit statement's credit code) is always null here.
  return `WITH l AS (SELECT DISTINCT hazard_id FROM (${countedListingIds()}) c),
       x AS (SELECT h.* FROM ${h} h
              WHERE $2::text IS NULL AND ${relevantSql(specs, 'SELECT hazard_id FROM l')}
                AND (h.town_code = ANY($1::text[]) OR h.supervising_dept_code = ANY($1::text[])))
  SELECT CASE WHEN GROUPING(h.town_code) = 0 THEN h.town_code ELSE h.supervising_dept_code END AS "unit",
         ${figureColumns(specs, rectified, listed).join(',\n         ')}
    FROM x h
    LEFT JOIN (SELECT hazard_id, max(reviewed_at) AS at FROM ${table('acceptance_reviews')}
                WHERE decision = 'passed' AND hazard_id IN (SELECT id FROM x) GROUP BY hazard_id) r
           ON r.hazard_id = h.id
    LEFT JOIN l ON l.hazard_id = h.id
   GROUP BY GROUPING SETS ((h.town_code), (h.supervising_dept_code))`;
}

export function createHazardFiguresActivity(ds: DataSource): HazardFiguresPort {
  const specs = figureSpecs();
  const sql = figuresSql(specs);
  return {
    async hazardFigures(input: HazardFiguresRequest): Promise<HazardFigures> {
      const creditCode = input.unitCode.startsWith('ent:') ? input.unitCode.slice(4) : null;
      const [row] = (await ds.query(sql, [input.unitCode, creditCode, input.asOf, input.since])) as Record<
        string,
        number
      >[];
      const out: HazardFigures = {};
      specs.forEach((s, i) => (out[s.rowId] = Number(row?.[`c${i}`] ?? 0)));
      return out;
    },
  };
}

/**
 * Additive batch variant of HazardFiguresPort.hazardFigures for a whole dispatch table: the figures of
 * every unit in `unitCodes`, same own-scope rules and results as one `hazardFigures` call per unit, in
 * one grouped statement for the towns and departments (enterprises are asked one by one).
 */
export function createHazardFiguresBatch(ds: DataSource) {
  const specs = figureSpecs();
  const batchSql = figuresBatchSql(specs);
  const single = createHazardFiguresActivity(ds);
  return async function hazardFiguresBatch(input: {
    unitCodes: readonly string[];
    asOf: string;
    since: string | null;
  }): Promise<Record<string, HazardFigures>> {
    const zero = (): HazardFigures => Object.fromEntries(specs.map((s) => [s.rowId, 0]));
    const codes = input.unitCodes.filter((c) => !c.startsWith('ent:'));
    const out: Record<string, HazardFigures> = Object.fromEntries(codes.map((c) => [c, zero()]));
    if (codes.length) {
      const rows = (await ds.query(batchSql, [codes, null, input.asOf, input.since])) as ({
        unit: string | null;
      } & Record<string, number>)[];
      for (const row of rows) {
        const target = row.unit === null ? undefined : out[row.unit];
        // A hazard whose town is also a supervising department's code would be counted once per
        // grouping set, as the per-unit OR selects it once: not possible with the directory's codes.
        if (target) specs.forEach((s, i) => (target[s.rowId] += Number(row[`c${i}`] ?? 0)));
      }
    }
    for (const code of input.unitCodes.filter((c) => c.startsWith('ent:'))) {
      out[code] = await single.hazardFigures({ unitCode: code, asOf: input.asOf, since: input.since });
    }
    return out;
  };
}
