import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tipline schema (tips and their read model, timeline, applied activity keys, photos, claim-code
 * failures, tip numbers) and the vault schema `tipline_vault` (sealed identities, unmask requests, the
 * vault's audit log). Written from the entities (no drift: test/integration/migrations.int-spec.ts).
 */
export class TiplineInit1764000000107 implements MigrationInterface {
  name = 'TiplineInit1764000000107';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA IF NOT EXISTS "tipline_vault"`);
    await q.query(
      'CREATE TABLE "tipline"."tips" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "ref" text NOT NULL, "kind" text NOT NULL, "channel" text NOT NULL, "status" text NOT NULL DEFAULT \'received\', "reporter_id" text NOT NULL, "anonymous" boolean NOT NULL, "claim_code_hash" text NOT NULL, "password_hash" text NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "receiving_unit_code" text NOT NULL, "receiving_unit_name" text NOT NULL, "town_code" text, "enterprise_credit_code" text, "enterprise_name" text, "location" text NOT NULL, "description" text NOT NULL, "photos" jsonb NOT NULL DEFAULT \'[]\', "read" jsonb NOT NULL DEFAULT \'{}\', "reward" jsonb, "messages" jsonb NOT NULL DEFAULT \'[]\', "disputes" jsonb NOT NULL DEFAULT \'[]\', "closed_at" TIMESTAMP WITH TIME ZONE, "rules_version" integer NOT NULL, "ms_per_day" integer NOT NULL, "workflow_id" text NOT NULL, "workflow_input" jsonb NOT NULL, "workflow_started_at" TIMESTAMP WITH TIME ZONE, "workflow_start_attempts" integer NOT NULL DEFAULT \'0\', "workflow_start_error" text, "version" integer NOT NULL DEFAULT \'1\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_tips" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE UNIQUE INDEX "uq_tips_ref" ON "tipline"."tips" ("ref") ');
    await q.query('CREATE UNIQUE INDEX "uq_tips_claim_code" ON "tipline"."tips" ("claim_code_hash") ');
    await q.query('CREATE INDEX "ix_tips_unit" ON "tipline"."tips" ("receiving_unit_code", "created_at") ');
    await q.query(
      'CREATE TABLE "tipline"."tip_events" ("id" BIGSERIAL NOT NULL, "tip_id" uuid NOT NULL, "event_key" text NOT NULL, "type" text NOT NULL, "summary_zh" text NOT NULL, "summary_en" text NOT NULL, "actor_username" text, "actor_name" text, "data" jsonb NOT NULL DEFAULT \'{}\', "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_tip_events" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE UNIQUE INDEX "uq_tip_events_key" ON "tipline"."tip_events" ("event_key") ');
    await q.query('CREATE INDEX "ix_tip_events_tip" ON "tipline"."tip_events" ("tip_id", "id") ');
    await q.query(
      'CREATE TABLE "tipline"."tip_applied_keys" ("event_key" text NOT NULL, "tip_id" uuid NOT NULL, "applied_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_tip_applied_keys" PRIMARY KEY ("event_key"))',
    );
    await q.query(
      'CREATE TABLE "tipline"."tip_files" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "tip_id" uuid, "content_type" text NOT NULL, "size_bytes" bigint NOT NULL, "sha256" text NOT NULL, "storage_key" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_tip_files" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "ix_tip_files_tip" ON "tipline"."tip_files" ("tip_id") ');
    await q.query(
      'CREATE TABLE "tipline"."claim_failures" ("id" BIGSERIAL NOT NULL, "code_hash" text NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_claim_failures" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "ix_claim_failures_code" ON "tipline"."claim_failures" ("code_hash", "at") ');
    await q.query(
      'CREATE TABLE "tipline"."tip_counters" ("year" integer NOT NULL, "last" integer NOT NULL, CONSTRAINT "pk_tip_counters" PRIMARY KEY ("year"))',
    );
    await q.query(
      'CREATE TABLE "tipline_vault"."identities" ("reporter_id" text NOT NULL, "key_id" text NOT NULL, "sealed" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_vault_identities" PRIMARY KEY ("reporter_id"))',
    );
    await q.query(
      'CREATE TABLE "tipline_vault"."unmask_requests" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "tip_id" uuid NOT NULL, "reporter_id" text NOT NULL, "reason" text NOT NULL, "status" text NOT NULL DEFAULT \'pending\', "requested_by" text NOT NULL, "requested_by_name" text NOT NULL, "decided_by" text, "decided_by_name" text, "decided_at" TIMESTAMP WITH TIME ZONE, "decision_comment" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_unmask_requests" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "ix_unmask_requests_tip" ON "tipline_vault"."unmask_requests" ("tip_id") ');
    await q.query(
      'CREATE TABLE "tipline_vault"."audit_log" ("id" BIGSERIAL NOT NULL, "action" text NOT NULL, "outcome" text NOT NULL, "actor_username" text NOT NULL, "actor_name" text NOT NULL, "tip_id" uuid, "request_id" uuid, "client_address" text, "detail" jsonb NOT NULL DEFAULT \'{}\', "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_vault_audit_log" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "ix_vault_audit_tip" ON "tipline_vault"."audit_log" ("tip_id", "id") ');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SCHEMA IF EXISTS "tipline_vault" CASCADE`);
    for (const t of [
      'tips',
      'tip_events',
      'tip_applied_keys',
      'tip_files',
      'claim_failures',
      'tip_counters',
    ]) {
      await q.query(`DROP TABLE IF EXISTS "tipline"."${t}"`);
    }
  }
}
