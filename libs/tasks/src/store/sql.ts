import type { DataSource, QueryResult, QueryRunner } from 'typeorm';

/**
 * A thin SQL runner over one TypeORM query runner. Structured results keep INSERT/UPDATE … RETURNING
 * uniform (TypeORM's plain `query` shapes them differently per command).
 */
export class Sql {
  constructor(private readonly runner: QueryRunner) {}

  async rows<T>(text: string, params: unknown[] = []): Promise<T[]> {
    const result = (await this.runner.query(text, params, true)) as QueryResult<T>;
    return (result.records ?? []) as T[];
  }

  async one<T>(text: string, params: unknown[] = []): Promise<T | null> {
    return (await this.rows<T>(text, params))[0] ?? null;
  }

  /** Rows affected (inserted, updated, deleted). */
  async exec(text: string, params: unknown[] = []): Promise<number> {
    const result = (await this.runner.query(text, params, true)) as QueryResult;
    return result.affected ?? result.records?.length ?? 0;
  }
}

/** Runs `fn` in one READ COMMITTED transaction. */
export async function inTransaction<T>(ds: DataSource, fn: (sql: Sql) => Promise<T>): Promise<T> {
  return ds.transaction(async (em) => fn(new Sql(em.queryRunner!)));
}

/** Runs `fn` on a pooled connection without a transaction (reads). */
export async function withSql<T>(ds: DataSource, fn: (sql: Sql) => Promise<T>): Promise<T> {
  const runner = ds.createQueryRunner();
  try {
    return await fn(new Sql(runner));
  } finally {
    await runner.release();
  }
}
