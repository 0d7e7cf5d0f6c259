import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The human task engine: task details, audit trail, comments, attachments, notifications, SLA. */
export class TaskEngine1764000000002 implements MigrationInterface {
  name = 'TaskEngine1764000000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE "tasks"."tasks"
        ADD "task_key" text,
        ADD "title_en" text,
        ADD "case_kind" text,
        ADD "step" text,
        ADD "outcome" text,
        ADD "owner" text,
        ADD "delegated_from" text,
        ADD "campaign_id" text,
        ADD "decisions" jsonb,
        ADD "form_schema" jsonb,
        ADD "form_data" jsonb,
        ADD "sla" jsonb,
        ADD "reaction_due_at" TIMESTAMP WITH TIME ZONE,
        ADD "claimed_at" TIMESTAMP WITH TIME ZONE,
        ADD "completed_at" TIMESTAMP WITH TIME ZONE,
        ADD "completed_by" text,
        ADD "decision" text,
        ADD "closed_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(
      `ALTER TABLE "tasks"."tasks" ADD CONSTRAINT "uq_tasks_workflow_task_key" UNIQUE ("workflow_id", "task_key")`,
    );
    await q.query(
      `CREATE INDEX "ix_tasks_assignee_closed" ON "tasks"."tasks" ("assignee", "created_at", "id") WHERE status = 'closed'`,
    );
    await q.query(
      `CREATE INDEX "ix_tasks_due_open" ON "tasks"."tasks" ("due_at") WHERE status IN ('open','claimed')`,
    );
    await q.query(
      `CREATE INDEX "ix_tasks_campaign" ON "tasks"."tasks" ("campaign_id", "created_at") WHERE campaign_id IS NOT NULL`,
    );

    await q.query(`
      ALTER TABLE "tasks"."task_candidates"
        ADD "active" boolean NOT NULL DEFAULT true,
        ADD "task_created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`);
    await q.query(`
      UPDATE "tasks"."task_candidates" c
         SET task_created_at = t.created_at, active = t.status IN ('open','claimed')
        FROM "tasks"."tasks" t WHERE t.id = c.task_id`);
    // Superseded by the inbox index, which starts with the same two columns.
    await q.query(`DROP INDEX "tasks"."ix_task_candidates_lookup"`);
    await q.query(
      `CREATE INDEX "ix_task_candidates_inbox" ON "tasks"."task_candidates" ("role", "org_unit_code", "task_created_at", "task_id") WHERE active`,
    );

    await q.query(`
      CREATE TABLE "tasks"."task_history" (
        "id" BIGSERIAL NOT NULL,
        "task_id" uuid NOT NULL,
        "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "actor" text NOT NULL,
        "actor_name" text,
        "action" text NOT NULL,
        "decision" text,
        "comment" text,
        "changes" jsonb,
        "dedupe_key" text,
        CONSTRAINT "uq_task_history_dedupe" UNIQUE ("task_id", "dedupe_key"),
        CONSTRAINT "pk_task_history" PRIMARY KEY ("id")
      )`);

    await q.query(`
      CREATE TABLE "tasks"."task_comments" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "task_id" uuid NOT NULL,
        "author" text NOT NULL,
        "author_name" text,
        "body" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_task_comments" PRIMARY KEY ("id")
      )`);
    await q.query(
      `CREATE INDEX "ix_task_comments_task" ON "tasks"."task_comments" ("task_id", "created_at")`,
    );

    await q.query(`
      CREATE TABLE "tasks"."task_attachments" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "task_id" uuid NOT NULL,
        "name" text NOT NULL,
        "size" integer NOT NULL,
        "content_type" text NOT NULL,
        "storage_key" text NOT NULL,
        "sha256" text NOT NULL,
        "uploaded_by" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_task_attachments" PRIMARY KEY ("id")
      )`);
    await q.query(
      `CREATE INDEX "ix_task_attachments_task" ON "tasks"."task_attachments" ("task_id", "created_at")`,
    );

    await q.query(`
      CREATE TABLE "tasks"."notifications" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "recipient" text,
        "recipient_role" text,
        "recipient_unit" text,
        "kind" text NOT NULL,
        "task_id" uuid,
        "message_zh" text NOT NULL,
        "message_en" text NOT NULL,
        "idempotency_key" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "uq_notifications_idempotency" UNIQUE ("idempotency_key"),
        CONSTRAINT "pk_notifications" PRIMARY KEY ("id")
      )`);
    await q.query(
      `CREATE INDEX "ix_notifications_recipient" ON "tasks"."notifications" ("recipient", "created_at")`,
    );
    await q.query(
      `CREATE INDEX "ix_notifications_group" ON "tasks"."notifications" ("recipient_role", "recipient_unit", "created_at")`,
    );
    await q.query(`
      CREATE TABLE "tasks"."notification_reads" (
        "notification_id" uuid NOT NULL,
        "username" text NOT NULL,
        "read_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_notification_reads" PRIMARY KEY ("notification_id", "username")
      )`);

    await q.query(`
      CREATE TABLE "tasks"."sla_breaches" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "task_id" uuid NOT NULL,
        "kind" text NOT NULL,
        "due_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "breached_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "uq_sla_breaches_task_kind" UNIQUE ("task_id", "kind"),
        CONSTRAINT "pk_sla_breaches" PRIMARY KEY ("id")
      )`);

    await q.query(`
      CREATE TABLE "tasks"."task_completions" (
        "task_id" uuid NOT NULL,
        "idempotency_key" text NOT NULL,
        "actor" text NOT NULL,
        "actor_name" text,
        "result" jsonb NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_task_completions" PRIMARY KEY ("task_id")
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "tasks"."task_completions"`);
    await q.query(`DROP TABLE "tasks"."sla_breaches"`);
    await q.query(`DROP TABLE "tasks"."notification_reads"`);
    await q.query(`DROP TABLE "tasks"."notifications"`);
    await q.query(`DROP TABLE "tasks"."task_attachments"`);
    await q.query(`DROP TABLE "tasks"."task_comments"`);
    await q.query(`DROP TABLE "tasks"."task_history"`);
    await q.query(`DROP INDEX "tasks"."ix_task_candidates_inbox"`);
    await q.query(
      `CREATE INDEX "ix_task_candidates_lookup" ON "tasks"."task_candidates" ("role", "org_unit_code")`,
    );
    await q.query(
      `ALTER TABLE "tasks"."task_candidates" DROP COLUMN "task_created_at", DROP COLUMN "active"`,
    );
    await q.query(`DROP INDEX "tasks"."ix_tasks_campaign"`);
    await q.query(`DROP INDEX "tasks"."ix_tasks_due_open"`);
    await q.query(`DROP INDEX "tasks"."ix_tasks_assignee_closed"`);
    await q.query(`ALTER TABLE "tasks"."tasks" DROP CONSTRAINT "uq_tasks_workflow_task_key"`);
    await q.query(`
      ALTER TABLE "tasks"."tasks"
        DROP COLUMN "closed_at", DROP COLUMN "decision", DROP COLUMN "completed_by", DROP COLUMN "completed_at",
        DROP COLUMN "claimed_at", DROP COLUMN "reaction_due_at", DROP COLUMN "sla", DROP COLUMN "form_data",
        DROP COLUMN "form_schema", DROP COLUMN "decisions", DROP COLUMN "campaign_id", DROP COLUMN "delegated_from",
        DROP COLUMN "owner", DROP COLUMN "outcome", DROP COLUMN "step", DROP COLUMN "case_kind",
        DROP COLUMN "title_en", DROP COLUMN "task_key"`);
  }
}
