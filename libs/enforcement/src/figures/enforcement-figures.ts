import { FORMS } from '@zhiben/campaigns-domain';
import type {
  EnforcementFiguresPort,
  FormDefinition,
  HazardFigures,
  HazardFiguresRequest,
} from '@zhiben/contracts';
import type { DataSource } from 'typeorm';
import { table } from '../schema';

/**
 * The dispatch form's enforcement rows (EnforcementFiguresPort, hosted on TASK_QUEUES.enforcement), for
 * ONE unit's own scope, like the hazard ledger's pre-fill (aggregation adds the subtree's reports up).
 *
 * Own scope is the ENFORCING unit: a department (or a town with its own 综合执法) counts the cases and
 * referrals it ran — never the cases other departments ran on enterprises in its territory, so a district
 * total counts each case once. `ent:<credit code>` counts what was done to that enterprise.
 *
 * Metrics (the `enforcement` pre-fill names of campaigns-domain's forms); instants are compared with
 * `asOf` (and `since` when counting a period):
 * - penalties (行政处罚 次): cases decided with a penalty (not dismissed);
 * - penaltyAmount (万元): the fines of those cases' parties, in 万元;
 * - dualPenalties (一案双罚 次): decided cases that penalise the unit and at least one person;
 * - personsReferredToJudiciary (移送司法机关 人): suspects of referrals transferred to the police;
 * - suspensionOrders (责令停产整顿 家): enterprises ordered to suspend;
 * - enterprisesExposedSummonedOrPunished (曝光、约谈、联合惩戒企业 家): enterprises summoned or exposed.
 * Other enforcement rows (guidance visits, published typical cases…) stay with the unit to fill in.
 */
export const ENFORCEMENT_METRICS = [
  'penalties',
  'penaltyAmount',
  'dualPenalties',
  'personsReferredToJudiciary',
  'suspensionOrders',
  'enterprisesExposedSummonedOrPunished',
] as const;
export type EnforcementMetric = (typeof ENFORCEMENT_METRICS)[number];

/** Rows the enforcement context can fill, over every form: row id → metric. */
export function enforcementFigureSpecs(
  forms: readonly FormDefinition[] = FORMS,
): { rowId: string; metric: EnforcementMetric }[] {
  const out = new Map<string, EnforcementMetric>();
  for (const form of forms) {
    for (const row of form.rows) {
      const p = row.prefill;
      if (p.kind !== 'enforcement' || !(ENFORCEMENT_METRICS as readonly string[]).includes(p.metric))
        continue;
      const seen = out.get(row.id);
      if (seen && seen !== p.metric) throw new Error(`Form row ${row.id} has two different pre-fill sources`);
      out.set(row.id, p.metric as EnforcementMetric);
    }
  }
  return [...out].map(([rowId, metric]) => ({ rowId, metric }));
}

/** One statement for every metric (`$1` unit code, `$2` credit code or null, `$3` asOf, `$4` since). */
export function enforcementFiguresSql(): string {
  const scope = (alias: string) =>
    `(($2::text IS NOT NULL AND ${alias}.enterprise_credit_code = $2)
      OR ($2::text IS NULL AND ${alias}.department_code = $1))`;
  const within = (col: string) => `${col} <= $3 AND ($4::timestamptz IS NULL OR ${col} >= $4)`;
  const person = `p->>'kind' <> 'unit' AND ((p->>'fineYuan')::numeric > 0 OR jsonb_array_length(COALESCE(p->'measures', '[]')) > 0)`;
  return `WITH decided AS (
      SELECT c.id, c.parties FROM ${table('penalty_cases')} c
       WHERE ${scope('c')} AND c.decided_at IS NOT NULL AND ${within('c.decided_at')}
         AND c.stage <> 'dismissed'),
    acts AS (
      SELECT a.kind, c.enterprise_credit_code FROM ${table('enforcement_actions')} a
        JOIN ${table('penalty_cases')} c ON c.id = a.case_id
       WHERE ${scope('c')} AND ${within('a.at')})
    SELECT
      (SELECT count(*) FROM decided)::int AS "penalties",
      (SELECT COALESCE(sum((p->>'fineYuan')::numeric), 0) / 10000
         FROM decided d CROSS JOIN LATERAL jsonb_array_elements(d.parties) p)::float8 AS "penaltyAmount",
      (SELECT count(*) FROM decided d
        WHERE EXISTS (SELECT 1 FROM jsonb_array_elements(d.parties) p WHERE p->>'kind' = 'unit')
          AND EXISTS (SELECT 1 FROM jsonb_array_elements(d.parties) p WHERE ${person}))::int AS "dualPenalties",
      (SELECT COALESCE(sum(r.suspects), 0) FROM ${table('referrals')} r
        WHERE ${scope('r')} AND r.transfer IS NOT NULL
          AND ${within("(r.transfer->>'at')::timestamptz")})::int AS "personsReferredToJudiciary",
      (SELECT count(DISTINCT enterprise_credit_code) FROM acts
        WHERE kind = 'suspensionOrder')::int AS "suspensionOrders",
      (SELECT count(DISTINCT enterprise_credit_code) FROM acts
        WHERE kind IN ('summons', 'exposure'))::int AS "enterprisesExposedSummonedOrPunished"`;
}

export function createEnforcementFiguresActivity(ds: DataSource): EnforcementFiguresPort {
  const specs = enforcementFigureSpecs();
  const sql = enforcementFiguresSql();
  return {
    async enforcementFigures(input: HazardFiguresRequest): Promise<HazardFigures> {
      const creditCode = input.unitCode.startsWith('ent:') ? input.unitCode.slice(4) : null;
      const [row] = (await ds.query(sql, [input.unitCode, creditCode, input.asOf, input.since])) as Record<
        EnforcementMetric,
        number | string
      >[];
      const out: HazardFigures = {};
      for (const s of specs) {
        const v = Number(row?.[s.metric] ?? 0);
        // 万元 with at most four decimals (one yuan), as a unit would write it.
        out[s.rowId] = s.metric === 'penaltyAmount' ? Math.round(v * 10_000) / 10_000 : v;
      }
      return out;
    },
  };
}
