import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The hazard ledger schema. Written from the entities (no drift: test/integration/migrations.int-spec.ts)
 * and seeded with the national default rules (version 1, regulations.md B1/B5; see hazard-rules.defaults.ts).
 */
export class HazardsInit1764000000103 implements MigrationInterface {
  name = 'HazardsInit1764000000103';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "hazards"."hazards" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_ref" text NOT NULL, "source" text NOT NULL, "grade" text NOT NULL, "status" text NOT NULL DEFAULT 'registered', "title" text NOT NULL, "category" text, "description" text NOT NULL, "location" text NOT NULL, "enterprise_credit_code" text NOT NULL, "enterprise_name" text NOT NULL, "sector" text NOT NULL, "town_code" text NOT NULL, "town_name" text NOT NULL, "org_path" text NOT NULL, "district_code" text, "supervising_dept_code" text, "supervising_dept_name" text, "standard_catalogue_id" text, "standard_clause_id" text, "found_on" date NOT NULL, "found_by" text NOT NULL, "principal" jsonb, "actual_controller" jsonb, "rectification_owner" jsonb, "principal_notified_at" TIMESTAMP WITH TIME ZONE, "actual_controller_notified_at" TIMESTAMP WITH TIME ZONE, "interim_measures" text, "rectification_deadline" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "rules_org_unit_code" text NOT NULL, "rules_version" integer NOT NULL, "workflow_id" text NOT NULL, "workflow_input" jsonb NOT NULL, "workflow_started_at" TIMESTAMP WITH TIME ZONE, "workflow_start_attempts" integer NOT NULL DEFAULT '0', "workflow_start_error" text, "created_by" text NOT NULL, "created_by_name" text NOT NULL, "created_by_org" text, "idempotency_key" text, "request_hash" text, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_hazards_status" CHECK (status IN ('registered','planning','plan_review','rectifying','overdue','acceptance_review','closeout_review','closed','listed')), CONSTRAINT "ck_hazards_grade" CHECK (grade IN ('general','major')), CONSTRAINT "ck_hazards_source" CHECK (source IN ('SelfInspection','EnforcementInspection','SupervisoryInspection','PublicReport','CovertInspection','AccidentLesson','SystemDetection')), CONSTRAINT "pk_hazards" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "uq_hazards_case_ref" ON "hazards"."hazards" ("case_ref")`);
    await q.query(`CREATE INDEX "ix_hazards_status" ON "hazards"."hazards" ("status")`);
    await q.query(`CREATE INDEX "ix_hazards_enterprise" ON "hazards"."hazards" ("enterprise_credit_code")`);
    await q.query(`CREATE INDEX "ix_hazards_sector" ON "hazards"."hazards" ("sector")`);
    await q.query(`CREATE INDEX "ix_hazards_town" ON "hazards"."hazards" ("town_code")`);
    await q.query(`CREATE INDEX "ix_hazards_org_path" ON "hazards"."hazards" ("org_path")`);
    await q.query(`CREATE INDEX "ix_hazards_deadline" ON "hazards"."hazards" ("rectification_deadline")`);
    await q.query(`CREATE UNIQUE INDEX "uq_hazards_workflow_id" ON "hazards"."hazards" ("workflow_id")`);
    await q.query(
      `CREATE INDEX "ix_hazards_workflow_pending" ON "hazards"."hazards" ("workflow_started_at") WHERE workflow_started_at IS NULL`,
    );
    await q.query(`CREATE INDEX "ix_hazards_created_at" ON "hazards"."hazards" ("created_at")`);
    await q.query(
      `CREATE UNIQUE INDEX "uq_hazards_idempotency" ON "hazards"."hazards" ("created_by", "idempotency_key") WHERE idempotency_key IS NOT NULL`,
    );
    await q.query(
      `CREATE TABLE "hazards"."acceptance_applications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "hazard_id" uuid NOT NULL, "seq" integer NOT NULL, "summary" text NOT NULL, "completed_on" date NOT NULL, "self_check" text, "attachments" text array NOT NULL DEFAULT '{}', "status" text NOT NULL DEFAULT 'submitted', "rejection_reason" text, "request_id" text, "submitted_by" text NOT NULL, "submitted_by_name" text NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "ck_acceptance_applications_status" CHECK (status IN ('submitted','accepted','rejected','passed','failed')), CONSTRAINT "pk_acceptance_applications" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_acceptance_applications_request" ON "hazards"."acceptance_applications" ("hazard_id", "request_id") WHERE request_id IS NOT NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_acceptance_applications_seq" ON "hazards"."acceptance_applications" ("hazard_id", "seq")`,
    );
    await q.query(
      `CREATE TABLE "hazards"."acceptance_reviews" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "hazard_id" uuid NOT NULL, "application_id" uuid, "decision" text NOT NULL, "comment" text NOT NULL, "reviewed_by" text, "reviewed_by_name" text, "reviewed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "event_key" text NOT NULL, CONSTRAINT "ck_acceptance_reviews_decision" CHECK (decision IN ('passed','failed')), CONSTRAINT "pk_acceptance_reviews" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "ix_acceptance_reviews_hazard" ON "hazards"."acceptance_reviews" ("hazard_id")`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_acceptance_reviews_event" ON "hazards"."acceptance_reviews" ("event_key")`,
    );
    await q.query(
      `CREATE TABLE "hazards"."closeouts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "hazard_id" uuid NOT NULL, "authority_code" text, "authority_name" text, "approved_by" text, "approved_by_name" text, "comment" text, "closed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "event_key" text NOT NULL, CONSTRAINT "pk_closeouts" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "uq_closeouts_hazard" ON "hazards"."closeouts" ("hazard_id")`);
    await q.query(`CREATE UNIQUE INDEX "uq_closeouts_event" ON "hazards"."closeouts" ("event_key")`);
    await q.query(
      `CREATE TABLE "hazards"."dual_reports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "hazard_id" uuid NOT NULL, "kind" text NOT NULL, "reported_at" TIMESTAMP WITH TIME ZONE NOT NULL, "reported_by" text, "reported_by_name" text, "recipient_code" text, "recipient_name" text, "content" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_dual_reports_kind" CHECK (kind IN ('discovery','rectification')), CONSTRAINT "pk_dual_reports" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_dual_reports_hazard_kind" ON "hazards"."dual_reports" ("hazard_id", "kind")`,
    );
    await q.query(
      `CREATE TABLE "hazards"."extension_requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "hazard_id" uuid NOT NULL, "requested_deadline_at" TIMESTAMP WITH TIME ZONE NOT NULL, "previous_deadline_at" TIMESTAMP WITH TIME ZONE, "reason" text NOT NULL, "status" text NOT NULL DEFAULT 'pending', "decided_by" text, "decided_by_name" text, "decided_at" TIMESTAMP WITH TIME ZONE, "decision_comment" text, "rejection_reason" text, "request_id" text, "requested_by" text NOT NULL, "requested_by_name" text NOT NULL, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "ck_extension_requests_status" CHECK (status IN ('pending','approved','rejected','refused')), CONSTRAINT "pk_extension_requests" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "ix_extension_requests_hazard" ON "hazards"."extension_requests" ("hazard_id")`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_extension_requests_request" ON "hazards"."extension_requests" ("hazard_id", "request_id") WHERE request_id IS NOT NULL`,
    );
    await q.query(
      `CREATE TABLE "hazards"."hazard_events" ("id" BIGSERIAL NOT NULL, "hazard_id" uuid NOT NULL, "event_key" text NOT NULL, "type" text NOT NULL, "summary_zh" text NOT NULL, "summary_en" text NOT NULL, "actor_username" text, "actor_name" text, "data" jsonb NOT NULL DEFAULT '{}', "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_hazard_events" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "uq_hazard_events_key" ON "hazards"."hazard_events" ("event_key")`);
    await q.query(`CREATE INDEX "ix_hazard_events_hazard" ON "hazards"."hazard_events" ("hazard_id", "id")`);
    await q.query(
      `CREATE TABLE "hazards"."hazard_files" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "hazard_id" uuid NOT NULL, "kind" text NOT NULL, "file_name" text NOT NULL, "content_type" text NOT NULL, "size_bytes" bigint NOT NULL, "sha256" text NOT NULL, "storage_key" text NOT NULL, "uploaded_by" text NOT NULL, "uploaded_by_name" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_hazard_files_kind" CHECK (kind IN ('evidence','plan','progress','acceptance','delisting','other')), CONSTRAINT "pk_hazard_files" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_hazard_files_hazard" ON "hazards"."hazard_files" ("hazard_id")`);
    await q.query(
      `CREATE TABLE "hazards"."hazard_rules" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "org_unit_code" text NOT NULL, "version" integer NOT NULL, "rules" jsonb NOT NULL, "note" text, "created_by" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_hazard_rules" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_hazard_rules_version" ON "hazards"."hazard_rules" ("org_unit_code", "version")`,
    );
    await q.query(
      `CREATE TABLE "hazards"."ledger_counters" ("prefix" text NOT NULL, "year" integer NOT NULL, "last_value" integer NOT NULL, CONSTRAINT "pk_ledger_counters" PRIMARY KEY ("prefix", "year"))`,
    );
    await q.query(
      `CREATE TABLE "hazards"."listings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "hazard_id" uuid NOT NULL, "authority_code" text, "authority_name" text, "status" text NOT NULL DEFAULT 'proposed', "reason" text NOT NULL, "proposed_by" text NOT NULL, "notice_deadline_at" TIMESTAMP WITH TIME ZONE, "notice_text" text, "delisting_file_ids" text array NOT NULL DEFAULT '{}', "delisting_note" text, "delisted_at" TIMESTAMP WITH TIME ZONE, "public_announcement_at" TIMESTAMP WITH TIME ZONE, "public_announcement_text" text, "event_key" text NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_listings_status" CHECK (status IN ('proposed','rejected','listed','in_progress','overdue','rectification_claimed','verification','delisting_review','delisted','withdrawn')), CONSTRAINT "pk_listings" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_listings_hazard" ON "hazards"."listings" ("hazard_id")`);
    await q.query(`CREATE INDEX "ix_listings_status" ON "hazards"."listings" ("status")`);
    await q.query(`CREATE UNIQUE INDEX "uq_listings_event" ON "hazards"."listings" ("event_key")`);
    await q.query(
      `CREATE TABLE "hazards"."progress_reports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "hazard_id" uuid NOT NULL, "seq" integer NOT NULL, "summary" text NOT NULL, "percent_complete" integer NOT NULL, "interim_controls_effective" boolean NOT NULL, "attachments" text array NOT NULL DEFAULT '{}', "status" text NOT NULL DEFAULT 'submitted', "rejection_reason" text, "request_id" text, "submitted_by" text NOT NULL, "submitted_by_name" text NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "ck_progress_reports_status" CHECK (status IN ('submitted','accepted','rejected')), CONSTRAINT "pk_progress_reports" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_progress_reports_request" ON "hazards"."progress_reports" ("hazard_id", "request_id") WHERE request_id IS NOT NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_progress_reports_seq" ON "hazards"."progress_reports" ("hazard_id", "seq")`,
    );
    await q.query(
      `CREATE TABLE "hazards"."rectification_plans" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "hazard_id" uuid NOT NULL, "plan_version" integer NOT NULL, "status" text NOT NULL DEFAULT 'submitted', "targets" text NOT NULL, "measures" text NOT NULL, "funds_and_materials" text NOT NULL, "funds_amount_yuan" numeric(14,2), "organisation_and_people" text NOT NULL, "responsible_person" jsonb NOT NULL, "deadline" date NOT NULL, "time_requirements" text, "safety_measures" text NOT NULL, "emergency_plan" text NOT NULL, "acceptor" jsonb NOT NULL, "acceptance_criteria" text, "executor" jsonb, "attachments" text array NOT NULL DEFAULT '{}', "request_id" text, "submitted_by" text NOT NULL, "submitted_by_name" text NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "reviewed_by" text, "reviewed_by_name" text, "reviewed_at" TIMESTAMP WITH TIME ZONE, "review_comment" text, "rejection_reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_rectification_plans_status" CHECK (status IN ('draft','submitted','approved','returned','superseded','rejected')), CONSTRAINT "pk_rectification_plans" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_rectification_plans_request" ON "hazards"."rectification_plans" ("hazard_id", "request_id") WHERE request_id IS NOT NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_rectification_plans_version" ON "hazards"."rectification_plans" ("hazard_id", "plan_version")`,
    );
    await q.query(
      `ALTER TABLE "hazards"."acceptance_applications" ADD CONSTRAINT "fk_acceptance_applications_hazard" FOREIGN KEY ("hazard_id") REFERENCES "hazards"."hazards"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "hazards"."acceptance_reviews" ADD CONSTRAINT "fk_acceptance_reviews_hazard" FOREIGN KEY ("hazard_id") REFERENCES "hazards"."hazards"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "hazards"."closeouts" ADD CONSTRAINT "fk_closeouts_hazard" FOREIGN KEY ("hazard_id") REFERENCES "hazards"."hazards"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "hazards"."dual_reports" ADD CONSTRAINT "fk_dual_reports_hazard" FOREIGN KEY ("hazard_id") REFERENCES "hazards"."hazards"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "hazards"."extension_requests" ADD CONSTRAINT "fk_extension_requests_hazard" FOREIGN KEY ("hazard_id") REFERENCES "hazards"."hazards"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "hazards"."hazard_events" ADD CONSTRAINT "fk_hazard_events_hazard" FOREIGN KEY ("hazard_id") REFERENCES "hazards"."hazards"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "hazards"."hazard_files" ADD CONSTRAINT "fk_hazard_files_hazard" FOREIGN KEY ("hazard_id") REFERENCES "hazards"."hazards"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "hazards"."listings" ADD CONSTRAINT "fk_listings_hazard" FOREIGN KEY ("hazard_id") REFERENCES "hazards"."hazards"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "hazards"."progress_reports" ADD CONSTRAINT "fk_progress_reports_hazard" FOREIGN KEY ("hazard_id") REFERENCES "hazards"."hazards"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "hazards"."rectification_plans" ADD CONSTRAINT "fk_rectification_plans_hazard" FOREIGN KEY ("hazard_id") REFERENCES "hazards"."hazards"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `INSERT INTO "hazards"."hazard_rules" ("org_unit_code", "version", "rules", "note", "created_by") VALUES ('*', 1, $1::jsonb, $2, 'system')`,
      [
        JSON.stringify({
          planSubmission: { amount: 10, unit: 'workingDays' },
          planReview: { amount: 5, unit: 'workingDays' },
          acceptanceReview: { amount: 10, unit: 'naturalDays' },
          closeOutReview: { amount: 5, unit: 'workingDays' },
          progressReportEvery: { amount: 30, unit: 'naturalDays' },
          generalFixDefault: { amount: 7, unit: 'naturalDays' },
          escalationLadder: [
            { rung: 'letter', after: { amount: 1, unit: 'workingDays' } },
            { rung: 'circular', after: { amount: 5, unit: 'workingDays' } },
            { rung: 'summons', after: { amount: 5, unit: 'workingDays' } },
            { rung: 'exposure', after: { amount: 10, unit: 'workingDays' } },
            { rung: 'listing', after: { amount: 10, unit: 'workingDays' } },
          ],
          delistingReview: { amount: 10, unit: 'naturalDays' },
        }),
        '全国默认规则（验收、摘牌复核 10 日：安监总局令第16号 第二十三条）/ National defaults',
      ],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "hazards"."acceptance_applications"`);
    await q.query(`DROP TABLE "hazards"."acceptance_reviews"`);
    await q.query(`DROP TABLE "hazards"."closeouts"`);
    await q.query(`DROP TABLE "hazards"."dual_reports"`);
    await q.query(`DROP TABLE "hazards"."extension_requests"`);
    await q.query(`DROP TABLE "hazards"."hazard_events"`);
    await q.query(`DROP TABLE "hazards"."hazard_files"`);
    await q.query(`DROP TABLE "hazards"."hazard_rules"`);
    await q.query(`DROP TABLE "hazards"."ledger_counters"`);
    await q.query(`DROP TABLE "hazards"."listings"`);
    await q.query(`DROP TABLE "hazards"."progress_reports"`);
    await q.query(`DROP TABLE "hazards"."rectification_plans"`);
    await q.query(`DROP TABLE "hazards"."hazards"`);
  }
}
