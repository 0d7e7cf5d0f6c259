import type { DataSource } from 'typeorm';
import { OutboxWorkflowStarter, type OutboxRow } from './outbox-starter';

type Row = OutboxRow<{ n: number }>;

class FakeDb {
  readonly queries: { sql: string; params: unknown[] }[] = [];
  readonly ds = {
    query: async (sql: string, params: unknown[]) => {
      this.queries.push({ sql: sql.replace(/\s+/g, ' '), params });
      return [];
    },
  } as unknown as DataSource;
}

class Starter extends OutboxWorkflowStarter<{ n: number }, Row> {
  readonly started: number[] = [];
  failNext = false;
  rows: Row[] = [];
  asked: { olderThan: Date; limit: number }[] = [];
  constructor(ds: DataSource) {
    super(ds, 'thing', '"s"."things"');
  }
  protected async start(input: { n: number }) {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('temporal unavailable');
    }
    this.started.push(input.n);
    return 'started';
  }
  protected async pending(olderThan: Date, limit: number) {
    this.asked.push({ olderThan, limit });
    return this.rows.filter((r) => !r.workflowStartedAt);
  }
}

describe('OutboxWorkflowStarter', () => {
  it('starts a row once, records the start, and skips rows already started or without input', async () => {
    const db = new FakeDb();
    const s = new Starter(db.ds);
    const row: Row = { id: 'a', workflowStartedAt: null, workflowInput: { n: 1 } };
    expect(await s.ensureStarted(row)).toBe(true);
    expect(row.workflowStartedAt).toBeInstanceOf(Date);
    expect(await s.ensureStarted(row)).toBe(true);
    expect(s.started).toEqual([1]);
    expect(db.queries).toHaveLength(1);
    expect(db.queries[0].sql).toContain('UPDATE "s"."things" SET workflow_started_at = $2');
    expect(db.queries[0].sql).toContain('WHERE id = $1 AND workflow_started_at IS NULL');
    expect(await s.ensureStarted({ id: 'b', workflowStartedAt: null, workflowInput: null })).toBe(false);
  });

  it('records a failed start and starts the row on the next sweep', async () => {
    const db = new FakeDb();
    const s = new Starter(db.ds);
    s.rows = [{ id: 'a', workflowStartedAt: null, workflowInput: { n: 7 } }];
    s.failNext = true;
    expect(await s.sweep()).toBe(0);
    expect(db.queries[0].sql).toContain('SET workflow_start_error = $2');
    expect(db.queries[0].params).toEqual(['a', 'Error: temporal unavailable']);
    expect(await s.sweep()).toBe(1);
    expect(s.started).toEqual([7]);
    expect(await s.sweep()).toBe(0);
    // Only rows older than the grace period, in bounded batches.
    expect(s.asked.every((a) => a.limit === 50 && a.olderThan.getTime() <= Date.now() - 5_000)).toBe(true);
  });
});
