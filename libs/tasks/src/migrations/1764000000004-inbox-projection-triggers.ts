import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Keeps the candidate rows' copy of the task (`active`, `task_*`) right whoever writes: filled from
 * the task on insert, refreshed when the task's inbox fields change or it closes. The copy is then
 * derived in one place, the database, instead of by every writer (activities, tests, seeders).
 */
export class InboxProjectionTriggers1764000000004 implements MigrationInterface {
  name = 'InboxProjectionTriggers1764000000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION "tasks"."task_candidates_fill"() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE t record;
      BEGIN
        SELECT * INTO t FROM "tasks"."tasks" WHERE id = NEW.task_id;
        IF FOUND THEN
          NEW.active := t.status <> 'closed';
          NEW.task_created_at := t.created_at;
          NEW.task_type := t.type;
          NEW.task_priority := t.priority;
          NEW.task_due_at := t.due_at;
          NEW.task_campaign_id := t.campaign_id;
          NEW.task_org_unit_code := t.org_unit_code;
          NEW.task_search := lower(concat_ws(' ', t.title, t.title_en, t.case_ref));
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER "trg_task_candidates_fill" BEFORE INSERT ON "tasks"."task_candidates"
        FOR EACH ROW EXECUTE FUNCTION "tasks"."task_candidates_fill"()`);
    await q.query(`
      CREATE FUNCTION "tasks"."tasks_sync_candidates"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE "tasks"."task_candidates" c
           SET active = NEW.status <> 'closed', task_type = NEW.type, task_priority = NEW.priority,
               task_due_at = NEW.due_at, task_campaign_id = NEW.campaign_id, task_org_unit_code = NEW.org_unit_code,
               task_search = lower(concat_ws(' ', NEW.title, NEW.title_en, NEW.case_ref))
         WHERE c.task_id = NEW.id;
        RETURN NULL;
      END $$`);
    // Claiming (open → claimed) does not touch the candidate rows; closing and field edits do.
    await q.query(`
      CREATE TRIGGER "trg_tasks_sync_candidates"
        AFTER UPDATE OF status, type, priority, due_at, campaign_id, org_unit_code, title, title_en, case_ref
        ON "tasks"."tasks" FOR EACH ROW
        WHEN ((OLD.status = 'closed') IS DISTINCT FROM (NEW.status = 'closed')
           OR OLD.type IS DISTINCT FROM NEW.type OR OLD.priority IS DISTINCT FROM NEW.priority
           OR OLD.due_at IS DISTINCT FROM NEW.due_at OR OLD.campaign_id IS DISTINCT FROM NEW.campaign_id
           OR OLD.org_unit_code IS DISTINCT FROM NEW.org_unit_code OR OLD.title IS DISTINCT FROM NEW.title
           OR OLD.title_en IS DISTINCT FROM NEW.title_en OR OLD.case_ref IS DISTINCT FROM NEW.case_ref)
        EXECUTE FUNCTION "tasks"."tasks_sync_candidates"()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "trg_tasks_sync_candidates" ON "tasks"."tasks"`);
    await q.query(`DROP FUNCTION "tasks"."tasks_sync_candidates"()`);
    await q.query(`DROP TRIGGER "trg_task_candidates_fill" ON "tasks"."task_candidates"`);
    await q.query(`DROP FUNCTION "tasks"."task_candidates_fill"()`);
  }
}
