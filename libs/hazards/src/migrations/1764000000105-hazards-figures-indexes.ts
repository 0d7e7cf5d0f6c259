import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes `supervising_dept_code`: the dispatch-form pre-fill (figures/hazard-figures.ts) selects a
 * unit's own hazards by `town_code = $1 OR supervising_dept_code = $1`, which without this index is a
 * sequential scan of the whole ledger for every reporting unit (bench/campaigns.bench.ts); and `grade`:
 * every hazards row of the dispatch form counts major hazards only (a few % of the ledger), so the
 * pre-fill reads those first instead of every hazard of the unit.
 */
export class HazardsFiguresIndexes1764000000105 implements MigrationInterface {
  name = 'HazardsFiguresIndexes1764000000105';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX "ix_hazards_supervising_dept" ON "hazards"."hazards" ("supervising_dept_code")`,
    );
    await q.query(`CREATE INDEX "ix_hazards_grade" ON "hazards"."hazards" ("grade")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "hazards"."ix_hazards_grade"`);
    await q.query(`DROP INDEX "hazards"."ix_hazards_supervising_dept"`);
  }
}
