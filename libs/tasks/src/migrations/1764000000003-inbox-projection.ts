import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Copies the filterable task fields onto candidate rows, into the groups-inbox index (INCLUDE), so a
 * filtered groups page is an index-only range scan instead of a join per open task of the unit.
 */
export class InboxProjection1764000000003 implements MigrationInterface {
  name = 'InboxProjection1764000000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE "tasks"."task_candidates"
        ADD "task_type" text,
        ADD "task_priority" text,
        ADD "task_due_at" TIMESTAMP WITH TIME ZONE,
        ADD "task_campaign_id" text,
        ADD "task_org_unit_code" text,
        ADD "task_search" text`);
    await q.query(`
      UPDATE "tasks"."task_candidates" c
         SET task_type = t.type, task_priority = t.priority, task_due_at = t.due_at,
             task_campaign_id = t.campaign_id, task_org_unit_code = t.org_unit_code,
             task_search = lower(concat_ws(' ', t.title, t.title_en, t.case_ref))
        FROM "tasks"."tasks" t WHERE t.id = c.task_id`);
    await q.query(`DROP INDEX "tasks"."ix_task_candidates_inbox"`);
    await q.query(`
      CREATE INDEX "ix_task_candidates_inbox" ON "tasks"."task_candidates"
        ("role", "org_unit_code", "task_created_at", "task_id")
        INCLUDE ("task_type", "task_priority", "task_due_at", "task_campaign_id", "task_org_unit_code", "task_search")
        WHERE active`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "tasks"."ix_task_candidates_inbox"`);
    await q.query(
      `CREATE INDEX "ix_task_candidates_inbox" ON "tasks"."task_candidates" ("role", "org_unit_code", "task_created_at", "task_id") WHERE active`,
    );
    await q.query(`
      ALTER TABLE "tasks"."task_candidates"
        DROP COLUMN "task_search", DROP COLUMN "task_org_unit_code", DROP COLUMN "task_campaign_id",
        DROP COLUMN "task_due_at", DROP COLUMN "task_priority", DROP COLUMN "task_type"`);
  }
}
