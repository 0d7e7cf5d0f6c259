import type { Principal } from '@zhiben/auth';
import { InboxService } from '@zhiben/tasks';
import { api, testConfig, tokenFor } from '@zhiben/testing';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { reportLatency, sample, stats } from './lib/harness';

const TOTAL = Number(process.env['BENCH_INBOX_TASKS'] ?? 1_000_000);
const OPEN = Math.round(TOTAL / 10);
const UNITS = 20;

const JIASI: Principal = {
  sub: 'bench',
  username: 'official.jiasi',
  name: 'bench',
  roles: ['official'],
  orgUnitCode: 'jiangjin.jiasi',
  enterpriseCreditCode: null,
};

/** The exact SQL the inbox service issues for a query, captured through a recording DataSource. */
async function inboxSql(
  view: 'groups' | 'mine',
  cursor?: string,
): Promise<{ sql: string; params: unknown[] }> {
  let captured: { sql: string; params: unknown[] } | undefined;
  const ds = { query: async (sql: string, params: unknown[]) => ((captured = { sql, params }), []) };
  await new InboxService(ds as unknown as DataSource).inbox(JIASI, {
    view,
    limit: 25,
    status: 'active',
    cursor,
  });
  if (!captured) throw new Error('no SQL captured');
  return captured;
}

async function seed(pg: Client): Promise<void> {
  const [{ n }] = (
    await pg.query(`SELECT count(*)::int AS n FROM tasks.tasks WHERE workflow_id LIKE 'bench-%'`)
  ).rows;
  if (n >= TOTAL) return;
  const t0 = Date.now();
  const chunk = 100_000;
  // Units: 贾嗣镇 plus 19 others; every 10th task open; 2% of open tasks assigned to official.jiasi.
  for (let from = n; from < TOTAL; from += chunk) {
    const to = Math.min(TOTAL, from + chunk) - 1;
    await pg.query(
      `INSERT INTO tasks.tasks (id, type, title, title_en, case_ref, workflow_id, task_key, step, status, priority,
                               assignee, org_unit_code, due_at, created_at, updated_at, version)
       SELECT gen_random_uuid(), 'reviewPlan', '审核整改方案 #' || i, 'Review plan #' || i, 'JJ-2026-' || i,
              'bench-' || i, 'k', 'reviewPlan',
              CASE WHEN i % 10 = 0 THEN 'open' ELSE 'closed' END,
              (ARRAY['low','normal','high','urgent'])[1 + i % 4],
              CASE WHEN i % 500 = 0 THEN 'official.jiasi' ELSE NULL END,
              CASE WHEN i % ${UNITS} = 0 THEN 'jiangjin.jiasi' ELSE 'jiangjin.bench' || (i % ${UNITS}) END,
              now() + ((i % 60) - 20) * interval '1 day',
              now() - (${TOTAL} - i) * interval '10 seconds', now(), 1
         FROM generate_series($1::int, $2::int) AS i`,
      [from, to],
    );
    await pg.query(
      `INSERT INTO tasks.task_candidates (task_id, role, org_unit_code)
       SELECT id, 'official', org_unit_code FROM tasks.tasks
        WHERE workflow_id LIKE 'bench-%' AND substring(workflow_id from 7)::int BETWEEN $1 AND $2`,
      [from, to],
    );
  }
  await pg.query('VACUUM ANALYZE tasks.tasks');
  await pg.query('VACUUM ANALYZE tasks.task_candidates');
  console.log(`seeded ${TOTAL} tasks (${OPEN} open) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

/** Inbox pages at 1M tasks / 100k open: through the API vs the same SQL alone, same run. */
export async function inboxBench(): Promise<void> {
  const pg = new Client({ connectionString: testConfig().DATABASE_URL });
  await pg.connect();
  try {
    await seed(pg);
    const token = await tokenFor('official.jiasi');
    for (const view of ['groups', 'mine'] as const) {
      // A second page too, so the keyset cursor path is measured.
      const first = await api<{ nextCursor: string | null }>(`/api/tasks/inbox?view=${view}&limit=25`, {
        token,
      });
      if (first.status !== 200) throw new Error(`inbox ${view}: ${first.status}`);
      const cursor = first.body.nextCursor ?? undefined;
      const paths = [`/api/tasks/inbox?view=${view}&limit=25`];
      if (cursor) paths.push(`${paths[0]}&cursor=${encodeURIComponent(cursor)}`);
      const sqls = [await inboxSql(view), ...(cursor ? [await inboxSql(view, cursor)] : [])];
      const measured = stats(await sample(400, (i) => api(paths[i % paths.length], { token })));
      const baseline = stats(
        await sample(400, (i) => {
          const q = sqls[i % sqls.length];
          return pg.query(q.sql, q.params);
        }),
      );
      reportLatency(
        `inbox view=${view}, ${TOTAL.toLocaleString()} tasks / ${OPEN.toLocaleString()} open (API via gateway vs the service's SQL alone)`,
        measured,
        baseline,
        { p95Ms: 50, maxRatio: 2 },
      );
    }
  } finally {
    await pg.end();
  }
}
