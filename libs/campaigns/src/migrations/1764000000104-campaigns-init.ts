import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The campaigns schema: admin-saved template versions, campaign instances with their timeline, the
 * units' reports, task-list assignments and duty records. Written from the entities (no drift:
 * test/integration/migrations.int-spec.ts).
 */
export class CampaignsInit1764000000104 implements MigrationInterface {
  name = 'CampaignsInit1764000000104';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "campaigns"."campaign_events" ("id" BIGSERIAL NOT NULL, "campaign_id" uuid NOT NULL, "event_key" text NOT NULL, "type" text NOT NULL, "summary_zh" text NOT NULL, "summary_en" text NOT NULL, "actor_username" text, "actor_name" text, "report_id" text, "data" jsonb NOT NULL DEFAULT '{}', "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_campaign_events" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_campaign_events_key" ON "campaigns"."campaign_events" ("event_key")`,
    );
    await q.query(
      `CREATE INDEX "ix_campaign_events_campaign" ON "campaigns"."campaign_events" ("campaign_id", "id")`,
    );
    await q.query(
      `CREATE TABLE "campaigns"."campaign_reports" ("id" text NOT NULL, "campaign_id" uuid NOT NULL, "schedule_key" text NOT NULL, "occurrence_key" text NOT NULL, "unit_code" text NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" text NOT NULL DEFAULT 'open', "late" boolean NOT NULL DEFAULT false, "prefilled" jsonb, "values" jsonb NOT NULL DEFAULT '{}', "prefilled_rows" text array NOT NULL DEFAULT '{}', "report_date" date, "note_zh" text, "attachments" text array NOT NULL DEFAULT '{}', "signature" jsonb, "submission_seq" integer NOT NULL DEFAULT '0', "submitted_by" text, "submitted_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_campaign_reports_status" CHECK (status IN ('open','review','submitted','submittedLate')), CONSTRAINT "pk_campaign_reports" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_campaign_reports_unit" ON "campaigns"."campaign_reports" ("unit_code")`);
    await q.query(
      `CREATE UNIQUE INDEX "uq_campaign_reports_occurrence" ON "campaigns"."campaign_reports" ("campaign_id", "schedule_key", "occurrence_key", "unit_code")`,
    );
    await q.query(
      `CREATE TABLE "campaigns"."campaigns" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "template_id" text NOT NULL, "template_version" integer NOT NULL, "title_zh" text NOT NULL, "status" text NOT NULL DEFAULT 'draft', "current_stage_key" text, "jurisdiction_code" text NOT NULL, "jurisdiction_name" text NOT NULL, "jurisdiction_path" text NOT NULL, "issuing_unit_code" text NOT NULL, "participant_codes" text array NOT NULL DEFAULT '{}', "parent_campaign_id" uuid, "plan" jsonb NOT NULL, "workflow_id" text NOT NULL, "workflow_input" jsonb, "submitted_at" TIMESTAMP WITH TIME ZONE, "workflow_started_at" TIMESTAMP WITH TIME ZONE, "workflow_start_attempts" integer NOT NULL DEFAULT '0', "workflow_start_error" text, "created_by" text NOT NULL, "created_by_name" text NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_campaigns_status" CHECK (status IN ('draft','approval','issued','running','summarizing','closed','rejected')), CONSTRAINT "pk_campaigns" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_campaigns_status" ON "campaigns"."campaigns" ("status")`);
    await q.query(
      `CREATE INDEX "ix_campaigns_jurisdiction_path" ON "campaigns"."campaigns" ("jurisdiction_path")`,
    );
    await q.query(`CREATE INDEX "ix_campaigns_parent" ON "campaigns"."campaigns" ("parent_campaign_id")`);
    await q.query(
      `CREATE INDEX "ix_campaigns_workflow_pending" ON "campaigns"."campaigns" ("workflow_started_at") WHERE workflow_started_at IS NULL AND submitted_at IS NOT NULL`,
    );
    await q.query(
      `CREATE TABLE "campaigns"."duty_records" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "campaign_id" uuid NOT NULL, "duty_id" text NOT NULL, "unit_code" text NOT NULL, "occurred_on" date NOT NULL, "count" integer NOT NULL DEFAULT '1', "note_zh" text, "attachments" text array NOT NULL DEFAULT '{}', "recorded_by" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_duty_records" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "ix_duty_records_duty" ON "campaigns"."duty_records" ("campaign_id", "duty_id", "unit_code", "occurred_on")`,
    );
    await q.query(
      `CREATE TABLE "campaigns"."task_items" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "campaign_id" uuid NOT NULL, "list_id" text NOT NULL, "item_id" text NOT NULL, "unit_code" text NOT NULL, "owner" jsonb, "deadline" date, "status" text NOT NULL DEFAULT 'notStarted', "note_zh" text, "evidence" jsonb NOT NULL DEFAULT '[]', "updated_by" text, "completed_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_task_items_status" CHECK (status IN ('notStarted','inProgress','done')), CONSTRAINT "pk_task_items" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_task_items_unit" ON "campaigns"."task_items" ("unit_code")`);
    await q.query(
      `CREATE UNIQUE INDEX "uq_task_items_unit" ON "campaigns"."task_items" ("campaign_id", "item_id", "unit_code")`,
    );
    await q.query(
      `CREATE TABLE "campaigns"."template_versions" ("template_id" text NOT NULL, "version" integer NOT NULL, "body" jsonb NOT NULL, "created_by" text NOT NULL, "created_by_name" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_template_versions" PRIMARY KEY ("template_id", "version"))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "campaigns"."template_versions"`);
    await q.query(`DROP TABLE "campaigns"."task_items"`);
    await q.query(`DROP TABLE "campaigns"."duty_records"`);
    await q.query(`DROP TABLE "campaigns"."campaigns"`);
    await q.query(`DROP TABLE "campaigns"."campaign_reports"`);
    await q.query(`DROP TABLE "campaigns"."campaign_events"`);
  }
}
