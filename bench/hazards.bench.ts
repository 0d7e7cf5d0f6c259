import { Client, Connection } from '@temporalio/client';
import { hazardWorkflowId } from '@zhiben/contracts';
import { api, testConfig, tokenFor } from '@zhiben/testing';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { record, stats, type Stats } from './lib/harness';

const CC = '91500116MA5U7KJ200'; // 重庆贾嗣精工机械有限公司 (贾嗣镇)
/** How often the round-trip benchmark polls the inbox for the next task. */
const POLL_MS = Number(process.env['BENCH_POLL_MS'] ?? 10);

function hazardBody(i: number, clockMsPerDay?: number) {
  return {
    enterpriseCreditCode: CC,
    source: 'EnforcementInspection',
    grade: 'major',
    title: `基准测试隐患 ${i}`,
    description: '粉尘爆炸危险场所除尘系统未按规定设置泄爆装置（基准测试）',
    location: '一号车间',
    standard: { catalogueId: 'gongmao-2023', clauseId: '3.1' },
    foundOn: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10),
    ...(clockMsPerDay ? { clockMsPerDay } : {}),
  };
}

/** Runs `fn` with `concurrency` workers for `ms`; returns per-call latencies and the achieved rate. */
async function sustained(ms: number, concurrency: number, fn: (i: number) => Promise<void>) {
  const lat: number[] = [];
  let i = 0;
  const end = Date.now() + ms;
  const t0 = Date.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < end) {
        const n = i++;
        const t = process.hrtime.bigint();
        await fn(n);
        lat.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
    }),
  );
  return { stats: stats(lat), rate: lat.length / ((Date.now() - t0) / 1000) };
}

const fmt = (s: Stats) => `p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms`;

/** Register hazard → workflow running, vs raw client.workflow.start on the same Temporal server. */
export async function registerBench(): Promise<void> {
  const token = await tokenFor('inspector.yingji');
  const connection = await Connection.connect({ address: testConfig().TEMPORAL_ADDRESS });
  const client = new Client({ connection, namespace: testConfig().TEMPORAL_NAMESPACE });
  try {
    const duration = Number(process.env['BENCH_REGISTER_MS'] ?? 20_000);
    const concurrency = 8;
    const ids: string[] = [];
    const measured = await sustained(duration, concurrency, async (i) => {
      const res = await api<{ id: string }>('/api/hazards/hazards', {
        token,
        method: 'POST',
        body: hazardBody(i),
        headers: { 'idempotency-key': randomUUID() },
      });
      if (res.status !== 201 && res.status !== 200)
        throw new Error(`register: ${res.status} ${JSON.stringify(res.body)}`);
      ids.push(res.body.id);
    });
    // Every registered hazard has a running workflow.
    const sampleIds = ids.filter((_, k) => k % Math.max(1, Math.floor(ids.length / 20)) === 0);
    for (const id of sampleIds) {
      const d = await client.workflow.getHandle(hazardWorkflowId(id)).describe();
      if (d.status.name !== 'RUNNING') throw new Error(`workflow of ${id} is ${d.status.name}`);
    }
    // Baseline: the bare start of the same workflow type (a queue nobody polls, so nothing else runs).
    const raw: string[] = [];
    const baseline = await sustained(duration, concurrency, async () => {
      const id = `bench-raw-${randomUUID()}`;
      await client.workflow.start('majorHazardRectification', {
        taskQueue: 'zhiben-bench-unpolled',
        workflowId: id,
        args: [{ hazardId: id }],
      });
      raw.push(id);
    });
    for (const id of raw)
      await client.workflow
        .getHandle(id)
        .terminate('benchmark baseline')
        .catch(() => undefined);
    const ratio = measured.rate / baseline.rate;
    record(
      'register hazard → workflow running (sustained, 8 concurrent)',
      measured.rate >= 50 && ratio >= 0.5,
      `measured ${measured.rate.toFixed(1)}/s (${fmt(measured.stats)}), raw client.workflow.start ${baseline.rate.toFixed(1)}/s (${fmt(baseline.stats)}), ratio ${ratio.toFixed(2)}; targets ≥ 50/s and ≥ 0.5× raw`,
    );
  } finally {
    await connection.close();
  }
}

interface InboxPage {
  data: { id: string; step: string | null; caseRef: string | null; createdAt: string }[];
}

async function waitForTask(
  token: string,
  view: string,
  caseRef: string,
  step: string,
  after: number,
): Promise<string> {
  for (;;) {
    const res = await api<InboxPage>(
      `/api/tasks/inbox?view=${view}&limit=50&q=${encodeURIComponent(caseRef)}`,
      { token },
    );
    const t = res.body.data?.find((x) => x.step === step && Date.parse(x.createdAt) >= after - 5);
    if (t) return t.id;
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/** POST decision → the next task visible in the next actor's inbox. */
export async function roundTripBench(): Promise<void> {
  const inspector = await tokenFor('inspector.yingji');
  const official = await tokenFor('official.jiasi');
  const enterprise = await tokenFor('enterprise.jiasi');
  const rounds = Number(process.env['BENCH_ROUNDS'] ?? 40);
  const res = await api<{ id: string; caseRef: string }>('/api/hazards/hazards', {
    token: inspector,
    method: 'POST',
    body: hazardBody(0),
  });
  if (res.status >= 300) throw new Error(`register: ${res.status} ${JSON.stringify(res.body)}`);
  const { id, caseRef } = res.body;
  const plan = JSON.parse(readFileSync(`${__dirname}/fixtures/plan.json`, 'utf8')) as Record<string, unknown>;
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    await waitForTask(enterprise, 'groups', caseRef, 'submitPlan', 0);
    const sub = await api(`/api/hazards/hazards/${id}/plan`, {
      token: enterprise,
      method: 'POST',
      body: plan,
    });
    if (sub.status >= 300) throw new Error(`plan: ${sub.status} ${JSON.stringify(sub.body)}`);
    const review = await waitForTask(official, 'groups', caseRef, 'reviewPlan', 0);
    const t0 = Date.now();
    const started = process.hrtime.bigint();
    const done = await api(`/api/tasks/tasks/${review}/complete`, {
      token: official,
      method: 'POST',
      body: { decision: 'return', comment: '基准测试：请补充经费物资', data: {}, attachments: [] },
      headers: { 'idempotency-key': randomUUID() },
    });
    if (done.status >= 300) throw new Error(`complete: ${done.status} ${JSON.stringify(done.body)}`);
    await waitForTask(enterprise, 'groups', caseRef, 'submitPlan', t0);
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  const s = stats(samples);
  record(
    'approval round trip (POST decision → next task in the inbox)',
    s.p95 < 300,
    `${fmt(s)} over ${s.n} rounds; target p95 < 300 ms`,
  );
}

/** Worker memory per cached open workflow: RSS growth of the workflow worker per waiting case. */
export async function workerMemoryBench(): Promise<void> {
  const token = await tokenFor('inspector.yingji');
  const healthPort = testConfig().WORKER_HEALTH_PORT;
  const { pid } = (await (await fetch(`http://localhost:${healthPort}/health`)).json()) as { pid: number };
  const rss = () =>
    Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
  const n = Number(process.env['BENCH_CACHED_WORKFLOWS'] ?? 1000);
  await new Promise((r) => setTimeout(r, 2000));
  const before = rss();
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < n) {
        const i = next++;
        const res = await api('/api/hazards/hazards', { token, method: 'POST', body: hazardBody(i) });
        if (res.status >= 300) throw new Error(`register: ${res.status}`);
      }
    }),
  );
  await new Promise((r) => setTimeout(r, 5000));
  const after = rss();
  const perWorkflow = (after - before) / n;
  record(
    'workflow worker memory per cached open workflow',
    perWorkflow <= 1024 * 1024,
    `${n} hazards waiting at submitPlan: worker RSS ${(before / 2 ** 20).toFixed(0)} → ${(after / 2 ** 20).toFixed(0)} MiB, ${(perWorkflow / 1024).toFixed(1)} KiB per workflow; target ≤ 1 MiB`,
  );
}
