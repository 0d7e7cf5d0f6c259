import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TasksInit1764000000001 implements MigrationInterface {
  name = 'TasksInit1764000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "tasks"."tasks" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "type" text NOT NULL,
        "title" text NOT NULL,
        "case_ref" text,
        "workflow_id" text NOT NULL,
        "status" text NOT NULL DEFAULT 'open',
        "priority" text NOT NULL DEFAULT 'normal',
        "assignee" text,
        "org_unit_code" text,
        "due_at" TIMESTAMP WITH TIME ZONE,
        "follow_up_at" TIMESTAMP WITH TIME ZONE,
        "version" integer NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_tasks" PRIMARY KEY ("id")
      )`);
    await q.query(
      `CREATE INDEX "ix_tasks_assignee_open" ON "tasks"."tasks" ("assignee", "created_at", "id") WHERE status IN ('open','claimed')`,
    );
    await q.query(`
      CREATE TABLE "tasks"."task_candidates" (
        "task_id" uuid NOT NULL,
        "role" text NOT NULL,
        "org_unit_code" text NOT NULL,
        CONSTRAINT "pk_task_candidates" PRIMARY KEY ("task_id", "role", "org_unit_code")
      )`);
    await q.query(
      `CREATE INDEX "ix_task_candidates_lookup" ON "tasks"."task_candidates" ("role", "org_unit_code")`,
    );
    await q.query(`
      CREATE TABLE "tasks"."task_watchers" (
        "task_id" uuid NOT NULL,
        "username" text NOT NULL,
        CONSTRAINT "pk_task_watchers" PRIMARY KEY ("task_id", "username")
      )`);
    await q.query(`CREATE INDEX "ix_task_watchers_user" ON "tasks"."task_watchers" ("username")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "tasks"."task_watchers"`);
    await q.query(`DROP TABLE "tasks"."task_candidates"`);
    await q.query(`DROP TABLE "tasks"."tasks"`);
  }
}
