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

/** One SQL statement answering every spec for the unit (`$1` code, `$2` credit code, `$3` asOf, `$4` since). */
export function figuresSql(specs: readonly FigureSpec[]): string {
  const h = table('hazards');
  const rectified = `(h.status IN (${RECTIFIED_HAZARD_STATUSES.map((s) => `'${s}'`).join(',')})
      AND COALESCE((SELECT max(r.reviewed_at) FROM ${table('acceptance_reviews')} r
                    WHERE r.hazard_id = h.id AND r.decision = 'passed'), h.updated_at) <= $3)`;
  const listed = `EXISTS (SELECT 1 FROM ${table('listings')} l WHERE l.hazard_id = h.id
      AND l.status IN (${COUNTED_LISTING_STATUSES.map((s) => `'${s}'`).join(',')})
      AND l.created_at <= $3 AND ($4::timestamptz IS NULL OR l.created_at >= $4))`;
  const cols = specs.map((s, i) => {
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
  return `SELECT ${cols.join(',\n  ')}
    FROM ${h} h
    WHERE ($2::text IS NOT NULL AND h.enterprise_credit_code = $2)
       OR ($2::text IS NULL AND (h.town_code = $1 OR h.supervising_dept_code = $1))`;
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
