import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The enforcement schema: inspection plans (双随机 draws), inspections and findings, penalty cases with
 * their actions and 整改复查 applications, referrals with their legal deadlines, files, the timeline,
 * versioned rules, number counters and step submissions. Written from the entities (no drift:
 * test/integration/migrations.int-spec.ts). The national default rules are not stored: they are
 * DEFAULT_ENFORCEMENT_RULES in the contracts until an admin adds a version.
 */
export class EnforcementInit1764000000106 implements MigrationInterface {
  name = 'EnforcementInit1764000000106';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "enforcement"."enforcement_actions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "kind" text NOT NULL, "detail" text NOT NULL, "deadline_at" TIMESTAMP WITH TIME ZONE, "amount_yuan" integer, "by_username" text, "by_name" text, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "event_key" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_enforcement_actions_kind" CHECK (kind IN ('rectificationOrder','suspensionOrder','suspensionLifted','dailyFine','summons','circular','exposure')), CONSTRAINT "pk_enforcement_actions" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "ix_enforcement_actions_case" ON "enforcement"."enforcement_actions" ("case_id")`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_enforcement_actions_event" ON "enforcement"."enforcement_actions" ("event_key")`,
    );
    await q.query(
      `CREATE TABLE "enforcement"."enforcement_events" ("id" BIGSERIAL NOT NULL, "subject_kind" text NOT NULL, "subject_id" uuid NOT NULL, "event_key" text NOT NULL, "type" text NOT NULL, "summary_zh" text NOT NULL, "summary_en" text NOT NULL, "actor_username" text, "actor_name" text, "data" jsonb NOT NULL DEFAULT '{}', "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_enforcement_events_subject" CHECK (subject_kind IN ('case','referral','inspection','plan')), CONSTRAINT "pk_enforcement_events" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_enforcement_events_key" ON "enforcement"."enforcement_events" ("event_key")`,
    );
    await q.query(
      `CREATE INDEX "ix_enforcement_events_subject" ON "enforcement"."enforcement_events" ("subject_kind", "subject_id", "id")`,
    );
    await q.query(
      `CREATE TABLE "enforcement"."enforcement_files" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "subject_kind" text NOT NULL, "subject_id" uuid NOT NULL, "kind" text NOT NULL, "file_name" text NOT NULL, "content_type" text NOT NULL, "size_bytes" bigint NOT NULL, "sha256" text NOT NULL, "storage_key" text NOT NULL, "uploaded_by" text NOT NULL, "uploaded_by_name" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_enforcement_files_kind" CHECK (kind IN ('photo','evidence','other','transferLetter','investigationReport','itemList','inspectionReport','otherMaterial')), CONSTRAINT "ck_enforcement_files_subject" CHECK (subject_kind IN ('inspection','case','referral')), CONSTRAINT "pk_enforcement_files" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "ix_enforcement_files_subject" ON "enforcement"."enforcement_files" ("subject_kind", "subject_id")`,
    );
    await q.query(
      `CREATE TABLE "enforcement"."enforcement_rules" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "org_unit_code" text NOT NULL, "version" integer NOT NULL, "rules" jsonb NOT NULL, "note" text, "created_by" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_enforcement_rules" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_enforcement_rules_version" ON "enforcement"."enforcement_rules" ("org_unit_code", "version")`,
    );
    await q.query(
      `CREATE TABLE "enforcement"."counters" ("prefix" text NOT NULL, "year" integer NOT NULL, "last_value" integer NOT NULL, CONSTRAINT "pk_counters" PRIMARY KEY ("prefix", "year"))`,
    );
    await q.query(
      `CREATE TABLE "enforcement"."findings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "inspection_id" uuid NOT NULL, "seq" integer NOT NULL, "description" text NOT NULL, "grade" text NOT NULL, "catalogue_id" text, "clause_id" text, "location" text, "photos" text array NOT NULL DEFAULT '{}', "rectify_by" date, "stop_ordered" boolean NOT NULL DEFAULT false, "hazard_id" uuid, "hazard_error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_findings_grade" CHECK (grade IN ('general','major')), CONSTRAINT "pk_findings" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_findings_hazard" ON "enforcement"."findings" ("hazard_id")`);
    await q.query(
      `CREATE UNIQUE INDEX "uq_findings_seq" ON "enforcement"."findings" ("inspection_id", "seq")`,
    );
    await q.query(
      `CREATE TABLE "enforcement"."inspection_plans" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" text NOT NULL, "kind" text NOT NULL, "department_code" text NOT NULL, "department_name" text NOT NULL, "org_path" text NOT NULL, "period_from" date NOT NULL, "period_to" date NOT NULL, "enterprises" jsonb NOT NULL DEFAULT '[]', "draw" jsonb, "created_by" text NOT NULL, "created_by_name" text NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_inspection_plans_kind" CHECK (kind IN ('routine','randomDraw','unannounced','covert','crossRegion')), CONSTRAINT "pk_inspection_plans" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "ix_inspection_plans_department" ON "enforcement"."inspection_plans" ("department_code")`,
    );
    await q.query(
      `CREATE INDEX "ix_inspection_plans_created_at" ON "enforcement"."inspection_plans" ("created_at")`,
    );
    await q.query(
      `CREATE TABLE "enforcement"."inspections" ("department_code" text NOT NULL, "department_name" text NOT NULL, "town_code" text NOT NULL, "town_name" text NOT NULL, "org_path" text NOT NULL, "district_code" text, "sector" text NOT NULL, "enterprise_credit_code" text NOT NULL, "enterprise_name" text NOT NULL, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "ref" text NOT NULL, "kind" text NOT NULL, "status" text NOT NULL DEFAULT 'planned', "plan_id" uuid, "planned_on" date, "inspected_at" TIMESTAMP WITH TIME ZONE, "inspectors" jsonb NOT NULL, "checklist" jsonb NOT NULL DEFAULT '[]', "principal_duties_checked" boolean NOT NULL DEFAULT false, "responsible_persons_checked" boolean NOT NULL DEFAULT false, "record_hash" text, "case_id" uuid, "created_by" text NOT NULL, "created_by_name" text NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_inspections_status" CHECK (status IN ('planned','recorded','closed','caseOpened')), CONSTRAINT "ck_inspections_kind" CHECK (kind IN ('routine','randomDraw','unannounced','covert','crossRegion')), CONSTRAINT "pk_inspections" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "uq_inspections_ref" ON "enforcement"."inspections" ("ref")`);
    await q.query(`CREATE INDEX "ix_inspections_plan" ON "enforcement"."inspections" ("plan_id")`);
    await q.query(
      `CREATE INDEX "ix_inspections_created_at" ON "enforcement"."inspections" ("created_at", "id")`,
    );
    await q.query(
      `CREATE INDEX "ix_inspections_enterprise" ON "enforcement"."inspections" ("enterprise_credit_code")`,
    );
    await q.query(`CREATE INDEX "ix_inspections_org_path" ON "enforcement"."inspections" ("org_path")`);
    await q.query(
      `CREATE TABLE "enforcement"."penalty_cases" ("department_code" text NOT NULL, "department_name" text NOT NULL, "town_code" text NOT NULL, "town_name" text NOT NULL, "org_path" text NOT NULL, "district_code" text, "sector" text NOT NULL, "enterprise_credit_code" text NOT NULL, "enterprise_name" text NOT NULL, "workflow_id" text NOT NULL, "workflow_input" jsonb NOT NULL, "workflow_started_at" TIMESTAMP WITH TIME ZONE, "workflow_start_attempts" integer NOT NULL DEFAULT '0', "workflow_start_error" text, "rules_org_unit_code" text NOT NULL, "rules_version" integer NOT NULL, "ms_per_day" integer NOT NULL, "created_by" text NOT NULL, "created_by_name" text NOT NULL, "idempotency_key" text, "request_hash" text, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_no" text NOT NULL, "title" text NOT NULL, "stage" text NOT NULL DEFAULT 'filing', "inspection_id" uuid, "hazard_ids" text array NOT NULL DEFAULT '{}', "officers" jsonb NOT NULL, "parties" jsonb NOT NULL DEFAULT '[]', "filed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "decided_at" TIMESTAMP WITH TIME ZONE, "served_at" TIMESTAMP WITH TIME ZONE, "serve_due_at" TIMESTAMP WITH TIME ZONE, "rectification_deadline_at" TIMESTAMP WITH TIME ZONE, "reinspection_due_at" TIMESTAMP WITH TIME ZONE, "reinspection_result" text, "suspected_crime" text, "referral_id" uuid, "closed_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_penalty_cases_stage" CHECK (stage IN ('filing','investigating','reviewing','notifying','hearing','deciding','serving','executing','reinspecting','escalated','closed','dismissed')), CONSTRAINT "pk_penalty_cases" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_penalty_cases_case_no" ON "enforcement"."penalty_cases" ("case_no")`,
    );
    await q.query(`CREATE INDEX "ix_penalty_cases_stage" ON "enforcement"."penalty_cases" ("stage")`);
    await q.query(
      `CREATE INDEX "ix_penalty_cases_inspection" ON "enforcement"."penalty_cases" ("inspection_id")`,
    );
    await q.query(
      `CREATE INDEX "ix_penalty_cases_created_at" ON "enforcement"."penalty_cases" ("created_at", "id")`,
    );
    await q.query(
      `CREATE INDEX "ix_penalty_cases_enterprise" ON "enforcement"."penalty_cases" ("enterprise_credit_code")`,
    );
    await q.query(`CREATE INDEX "ix_penalty_cases_org_path" ON "enforcement"."penalty_cases" ("org_path")`);
    await q.query(
      `CREATE UNIQUE INDEX "uq_penalty_cases_workflow_id" ON "enforcement"."penalty_cases" ("workflow_id")`,
    );
    await q.query(
      `CREATE INDEX "ix_penalty_cases_workflow_pending" ON "enforcement"."penalty_cases" ("workflow_started_at") WHERE workflow_started_at IS NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_penalty_cases_idempotency" ON "enforcement"."penalty_cases" ("created_by", "idempotency_key") WHERE idempotency_key IS NOT NULL`,
    );
    await q.query(
      `CREATE TABLE "enforcement"."referral_deadlines" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "referral_id" uuid NOT NULL, "kind" text NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE, "due_at" TIMESTAMP WITH TIME ZONE, "met_at" TIMESTAMP WITH TIME ZONE, "breached_at" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_referral_deadlines_kind" CHECK (kind IN ('headDecision','transfer','policeDecision','policeNotice','reconsiderationRequest','reconsiderationAnswer','procuratorateRequest','handover')), CONSTRAINT "pk_referral_deadlines" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_referral_deadlines_kind" ON "enforcement"."referral_deadlines" ("referral_id", "kind")`,
    );
    await q.query(
      `CREATE TABLE "enforcement"."referrals" ("department_code" text NOT NULL, "department_name" text NOT NULL, "town_code" text NOT NULL, "town_name" text NOT NULL, "org_path" text NOT NULL, "district_code" text, "sector" text NOT NULL, "enterprise_credit_code" text NOT NULL, "enterprise_name" text NOT NULL, "workflow_id" text NOT NULL, "workflow_input" jsonb NOT NULL, "workflow_started_at" TIMESTAMP WITH TIME ZONE, "workflow_start_attempts" integer NOT NULL DEFAULT '0', "workflow_start_error" text, "rules_org_unit_code" text NOT NULL, "rules_version" integer NOT NULL, "ms_per_day" integer NOT NULL, "created_by" text NOT NULL, "created_by_name" text NOT NULL, "idempotency_key" text, "request_hash" text, "id" uuid NOT NULL DEFAULT gen_random_uuid(), "referral_no" text NOT NULL, "title" text NOT NULL, "stage" text NOT NULL DEFAULT 'preparing', "case_id" uuid, "suspected_crime" text NOT NULL, "suspects" integer NOT NULL, "officers" jsonb NOT NULL DEFAULT '[]', "reported_at" TIMESTAMP WITH TIME ZONE, "submitted_at" TIMESTAMP WITH TIME ZONE, "head_decision" jsonb, "transfer" jsonb, "police" jsonb, "reconsideration" jsonb, "procuratorate" jsonb, "handed_over_at" TIMESTAMP WITH TIME ZONE, "outcome" jsonb, "closed_at" TIMESTAMP WITH TIME ZONE, "creation_event_key" text, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_referrals_stage" CHECK (stage IN ('preparing','headDecision','transferring','awaitingReceipt','policeReview','awaitingNotice','handover','outcome','reconsiderationChoice','reconsideration','procuratorate','closed','notApproved')), CONSTRAINT "pk_referrals" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_referrals_referral_no" ON "enforcement"."referrals" ("referral_no")`,
    );
    await q.query(`CREATE INDEX "ix_referrals_stage" ON "enforcement"."referrals" ("stage")`);
    await q.query(`CREATE INDEX "ix_referrals_case" ON "enforcement"."referrals" ("case_id")`);
    await q.query(
      `CREATE UNIQUE INDEX "uq_referrals_creation_event" ON "enforcement"."referrals" ("creation_event_key") WHERE creation_event_key IS NOT NULL`,
    );
    await q.query(`CREATE INDEX "ix_referrals_created_at" ON "enforcement"."referrals" ("created_at", "id")`);
    await q.query(`CREATE INDEX "ix_referrals_org_path" ON "enforcement"."referrals" ("org_path")`);
    await q.query(
      `CREATE INDEX "ix_referrals_workflow_pending" ON "enforcement"."referrals" ("workflow_started_at") WHERE workflow_started_at IS NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_referrals_workflow_id" ON "enforcement"."referrals" ("workflow_id")`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_referrals_idempotency" ON "enforcement"."referrals" ("created_by", "idempotency_key") WHERE idempotency_key IS NOT NULL`,
    );
    await q.query(
      `CREATE TABLE "enforcement"."reinspection_applications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "note" text NOT NULL, "evidence" text array NOT NULL DEFAULT '{}', "status" text NOT NULL DEFAULT 'submitted', "rejection_reason" text, "request_id" text, "submitted_by" text NOT NULL, "submitted_by_name" text NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "ck_reinspection_applications_status" CHECK (status IN ('submitted','accepted','rejected')), CONSTRAINT "pk_reinspection_applications" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "ix_reinspection_applications_case" ON "enforcement"."reinspection_applications" ("case_id")`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_reinspection_applications_request" ON "enforcement"."reinspection_applications" ("case_id", "request_id") WHERE request_id IS NOT NULL`,
    );
    await q.query(
      `CREATE TABLE "enforcement"."step_submissions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "subject_kind" text NOT NULL, "subject_id" uuid NOT NULL, "step" text NOT NULL, "request_id" text NOT NULL, "request_hash" text NOT NULL, "status" text NOT NULL DEFAULT 'submitted', "decision" text NOT NULL, "data" jsonb NOT NULL DEFAULT '{}', "rejection_reason" text, "submitted_by" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_step_submissions_status" CHECK (status IN ('submitted','accepted','rejected')), CONSTRAINT "pk_step_submissions" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_step_submissions_request" ON "enforcement"."step_submissions" ("subject_id", "step", "request_id")`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "enforcement"."step_submissions"`);
    await q.query(`DROP TABLE "enforcement"."reinspection_applications"`);
    await q.query(`DROP TABLE "enforcement"."referrals"`);
    await q.query(`DROP TABLE "enforcement"."referral_deadlines"`);
    await q.query(`DROP TABLE "enforcement"."penalty_cases"`);
    await q.query(`DROP TABLE "enforcement"."inspections"`);
    await q.query(`DROP TABLE "enforcement"."inspection_plans"`);
    await q.query(`DROP TABLE "enforcement"."findings"`);
    await q.query(`DROP TABLE "enforcement"."counters"`);
    await q.query(`DROP TABLE "enforcement"."enforcement_rules"`);
    await q.query(`DROP TABLE "enforcement"."enforcement_files"`);
    await q.query(`DROP TABLE "enforcement"."enforcement_events"`);
    await q.query(`DROP TABLE "enforcement"."enforcement_actions"`);
  }
}
