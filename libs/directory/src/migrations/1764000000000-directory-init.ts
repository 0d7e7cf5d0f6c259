import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DirectoryInit1764000000000 implements MigrationInterface {
  name = 'DirectoryInit1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "directory"."org_units" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "code" text NOT NULL,
        "name" text NOT NULL,
        "name_en" text,
        "kind" text NOT NULL,
        "parent_id" uuid,
        "path" text NOT NULL,
        "sectors" text array NOT NULL DEFAULT '{}',
        "version" integer NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_org_units" PRIMARY KEY ("id"),
        CONSTRAINT "fk_org_units_parent" FOREIGN KEY ("parent_id") REFERENCES "directory"."org_units"("id") ON DELETE RESTRICT,
        CONSTRAINT "ck_org_units_kind" CHECK (kind IN ('district','town','street','platform','village','community','department','office'))
      )`);
    await q.query(`CREATE UNIQUE INDEX "uq_org_units_code" ON "directory"."org_units" ("code")`);
    await q.query(`CREATE INDEX "ix_org_units_parent" ON "directory"."org_units" ("parent_id")`);
    await q.query(`CREATE INDEX "ix_org_units_path" ON "directory"."org_units" ("path")`);
    await q.query(`
      CREATE TABLE "directory"."enterprises" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "name" text NOT NULL,
        "credit_code" text NOT NULL,
        "sector" text NOT NULL,
        "town_id" uuid NOT NULL,
        "size" text NOT NULL,
        "principal" text NOT NULL,
        "principal_phone" text,
        "address" text,
        "version" integer NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_enterprises" PRIMARY KEY ("id"),
        CONSTRAINT "fk_enterprises_town" FOREIGN KEY ("town_id") REFERENCES "directory"."org_units"("id") ON DELETE RESTRICT,
        CONSTRAINT "ck_enterprises_size" CHECK (size IN ('above_scale','small_micro'))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "uq_enterprises_credit_code" ON "directory"."enterprises" ("credit_code")`,
    );
    await q.query(`CREATE INDEX "ix_enterprises_sector" ON "directory"."enterprises" ("sector")`);
    await q.query(`CREATE INDEX "ix_enterprises_town" ON "directory"."enterprises" ("town_id")`);
    await q.query(`
      CREATE TABLE "directory"."user_assignments" (
        "username" text NOT NULL,
        "org_unit_id" uuid NOT NULL,
        "enterprise_id" uuid,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_user_assignments" PRIMARY KEY ("username"),
        CONSTRAINT "fk_user_assignments_org" FOREIGN KEY ("org_unit_id") REFERENCES "directory"."org_units"("id") ON DELETE RESTRICT,
        CONSTRAINT "fk_user_assignments_ent" FOREIGN KEY ("enterprise_id") REFERENCES "directory"."enterprises"("id") ON DELETE RESTRICT
      )`);
    await q.query(`
      CREATE TABLE "directory"."calendar_overrides" (
        "date" date NOT NULL,
        "kind" text NOT NULL,
        "reason" text,
        "created_by" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_calendar_overrides" PRIMARY KEY ("date"),
        CONSTRAINT "ck_calendar_overrides_kind" CHECK (kind IN ('workday','holiday'))
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "directory"."calendar_overrides"`);
    await q.query(`DROP TABLE "directory"."user_assignments"`);
    await q.query(`DROP TABLE "directory"."enterprises"`);
    await q.query(`DROP TABLE "directory"."org_units"`);
  }
}
