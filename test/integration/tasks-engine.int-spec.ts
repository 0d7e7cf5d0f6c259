import { TASK_DECIDE_UPDATE } from '@zhiben/contracts';
import { baseUrl, tokenFor, type ApiResponse } from '@zhiben/testing';
import { randomUUID } from 'node:crypto';
import { expectProblem, fieldError, RUN_ID, withDb } from './support';
import {
  BAISHA,
  call,
  eventually,
  historyOf,
  inboxIds,
  LEADER_JIASI,
  OFFICIAL_JIASI,
  post,
  startProbe,
  step,
  stopProbes,
  taskIdOf,
  taskRow,
  type ProbeResult,
} from './tasks-support';

/**
 * The human task engine end to end: workflows open tasks through the tasks activities, officials act
 * through the API, decisions travel back as Temporal Updates that the workflow validates.
 */

afterAll(stopProbes);

describe('visibility and the inbox', () => {
  let taskId: string;

  beforeAll(async () => {
    const h = await startProbe([step('review')]);
    taskId = await taskIdOf(h, 'review#1');
  });

  it('a candidate task appears in official.jiasi’s groups view, not in another town’s', async () => {
    expect(await inboxIds('official.jiasi', 'view=groups')).toContain(taskId);
    expect(await inboxIds('official.baisha', 'view=groups')).not.toContain(taskId);
    expect(await inboxIds('enterprise.jiasi', 'view=groups')).not.toContain(taskId);
    expect(await inboxIds('official.jiasi', 'view=mine')).not.toContain(taskId);
  });

  it('the detail shows decisions, candidates, history and the caller’s allowed actions', async () => {
    const res = await call('official.jiasi', `/tasks/${taskId}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: taskId,
      taskKey: 'review#1',
      step: 'review',
      status: 'open',
      orgUnitCode: 'jiangjin.jiasi',
      candidates: [OFFICIAL_JIASI],
      actions: { claim: true, complete: true, assign: false, unclaim: false },
    });
    expect(res.body.decisions.map((d: { code: string }) => d.code)).toEqual(['approve', 'return', 'reject']);
    expect(res.body.history).toEqual([
      expect.objectContaining({ action: 'opened', actor: 'system', at: expect.any(String) }),
    ]);
  });

  it('supervisors of the jurisdiction see it (town leader, district office); others get 403', async () => {
    for (const user of ['leader.jiasi', 'admin.jiasi', 'admin.jj', 'ops.jj', 'leader.jj']) {
      const res = await call(user, `/tasks/${taskId}`);
      expect({ user, status: res.status }).toEqual({ user, status: 200 });
    }
    // The district office supervises (assign, transfer) but is no candidate.
    const office = await call('admin.jj', `/tasks/${taskId}`);
    expect(office.body.actions).toMatchObject({
      claim: false,
      complete: false,
      assign: true,
      transfer: true,
    });
    for (const user of ['official.baisha', 'inspector.yingji', 'enterprise.jiasi', 'official.zhujian']) {
      const res = await call(user, `/tasks/${taskId}`);
      const p = expectProblem(res, 403, 'OUT_OF_JURISDICTION');
      expect(JSON.stringify(p)).not.toContain('集成测试');
    }
  });

  it('an unknown task is 404, a malformed id 400', async () => {
    expectProblem(await call('official.jiasi', `/tasks/${randomUUID()}`), 404, 'NOT_FOUND');
    expectProblem(await call('official.jiasi', '/tasks/not-a-uuid'), 400, 'VALIDATION_FAILED');
  });
});

describe('inbox filters and paging', () => {
  const campaignId = `it-campaign-${randomUUID()}`;
  const ids: string[] = [];

  beforeAll(async () => {
    const hs = await Promise.all([
      startProbe([step('f1', { priority: 'urgent', campaignId })], { type: 'it.filter-a' }),
      startProbe([step('f2', { campaignId, due: { atMs: Date.now() - 3_600_000 } })], {
        type: 'it.filter-b',
      }),
      startProbe([step('f3', { campaignId, orgUnitCode: 'jiangjin.jiasi.xinqiao' })], {
        type: 'it.filter-b',
      }),
    ]);
    ids.push(await taskIdOf(hs[0], 'f1#1'), await taskIdOf(hs[1], 'f2#1'), await taskIdOf(hs[2], 'f3#1'));
  });

  type Page = { data: Array<{ id: string }>; nextCursor: string | null };
  const groups = (q: string) => inboxIds('official.jiasi', `view=groups&campaignId=${campaignId}&${q}`);

  it('filters by campaign, type, priority, overdue, due date, jurisdiction and text', async () => {
    expect((await groups('')).sort()).toEqual([...ids].sort());
    expect((await groups('type=it.filter-b')).sort()).toEqual([ids[1], ids[2]].sort());
    expect(await groups('priority=urgent')).toEqual([ids[0]]);
    expect(await groups('overdue=true')).toEqual([ids[1]]);
    expect(await groups(`dueBefore=${encodeURIComponent(new Date().toISOString())}`)).toEqual([ids[1]]);
    expect(await groups('orgUnitCode=jiangjin.jiasi.xinqiao')).toEqual([ids[2]]);
    expect((await groups('orgUnitCode=jiangjin.jiasi')).length).toBe(3);
    expect(await groups(`q=${encodeURIComponent('「f1」')}`)).toEqual([ids[0]]);
  });

  it('pages with an opaque keyset cursor, newest first, without repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: ApiResponse<Page> = await call<Page>(
        'official.jiasi',
        `/inbox?view=groups&campaignId=${campaignId}&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(res.status).toBe(200);
      seen.push(...res.body.data.map((t) => t.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual([...ids].sort());
  });

  it('rows written outside the activities (seeders) get the same inbox fields from the database', async () => {
    const id = randomUUID();
    await withDb(async (db) => {
      await db.query(
        `INSERT INTO tasks.tasks (id, type, title, workflow_id, status, priority, org_unit_code, campaign_id, version)
         VALUES ($1, 'it.seeded', $2, $3, 'open', 'high', 'jiangjin.jiasi', $4, 1)`,
        [id, `直接写入 ${RUN_ID}`, `it-seeded-${id}`, campaignId],
      );
      await db.query(
        `INSERT INTO tasks.task_candidates (task_id, role, org_unit_code) VALUES ($1, 'official', 'jiangjin.jiasi')`,
        [id],
      );
    });
    try {
      expect(await groups('priority=high&type=it.seeded')).toEqual([id]);
      await withDb((db) =>
        db.query(`UPDATE tasks.tasks SET status = 'closed', outcome = 'cancelled' WHERE id = $1`, [id]),
      );
      expect(await groups('type=it.seeded')).toEqual([]);
    } finally {
      await withDb(async (db) => {
        await db.query('DELETE FROM tasks.task_candidates WHERE task_id = $1', [id]);
        await db.query('DELETE FROM tasks.tasks WHERE id = $1', [id]);
      });
    }
  });

  it('rejects bad filter values with bilingual field errors', async () => {
    const res = await call('official.jiasi', '/inbox?status=done&overdue=maybe');
    const p = expectProblem(res, 400, 'VALIDATION_FAILED');
    fieldError(p, 'status');
    fieldError(p, 'overdue');
  });
});

describe('claim, unclaim, assign, transfer', () => {
  let taskId: string;

  beforeAll(async () => {
    taskId = await taskIdOf(await startProbe([step('hold')]), 'hold#1');
  });

  it('a candidate claims: the task moves to their mine view', async () => {
    const res = await post('official.jiasi', `/tasks/${taskId}/claim`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'claimed',
      assignee: 'official.jiasi',
      owner: 'official.jiasi',
    });
    expect(await inboxIds('official.jiasi', 'view=mine')).toContain(taskId);
    // Claiming again is harmless.
    expect((await post('official.jiasi', `/tasks/${taskId}/claim`)).status).toBe(200);
  });

  it('someone else cannot claim a claimed task (409); another town cannot even see it (403)', async () => {
    const p = expectProblem(await post('leader.jiasi', `/tasks/${taskId}/claim`), 409, 'CONFLICT');
    expect(p.messageZh).toContain('official.jiasi');
    expectProblem(await post('official.baisha', `/tasks/${taskId}/claim`), 403, 'OUT_OF_JURISDICTION');
  });

  it('a supervisor who is no candidate cannot claim (403); a role the task does not name cannot see it', async () => {
    const leaders = await taskIdOf(
      await startProbe([step('leaders', { candidates: [LEADER_JIASI] })]),
      'leaders#1',
    );
    expectProblem(await post('admin.jj', `/tasks/${leaders}/claim`), 403, 'FORBIDDEN');
    expectProblem(await post('official.jiasi', `/tasks/${leaders}/claim`), 403, 'OUT_OF_JURISDICTION');
    expect(await inboxIds('official.jiasi', 'view=groups')).not.toContain(leaders);
    expect(await inboxIds('leader.jiasi', 'view=groups')).toContain(leaders);
  });

  it('only the assignee unclaims', async () => {
    expectProblem(await post('leader.jiasi', `/tasks/${taskId}/unclaim`), 403, 'FORBIDDEN');
    const res = await post('official.jiasi', `/tasks/${taskId}/unclaim`);
    expect(res.body).toMatchObject({ status: 'open', assignee: null });
    expect(await inboxIds('official.jiasi', 'view=mine')).not.toContain(taskId);
  });

  it('a town leader assigns (分派); an official of another town cannot', async () => {
    expectProblem(
      await post('official.baisha', `/tasks/${taskId}/assign`, { username: 'official.baisha' }),
      403,
      'OUT_OF_JURISDICTION',
    );
    expectProblem(
      await post('official.jiasi', `/tasks/${taskId}/assign`, { username: 'official.jiasi' }),
      403,
      'FORBIDDEN',
    );
    const res = await post('leader.jiasi', `/tasks/${taskId}/assign`, { username: 'official.jiasi' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ assignee: 'official.jiasi', owner: 'official.jiasi' });
  });

  it('转办 requires a comment; the new user becomes assignee and owner', async () => {
    const bad = await post('official.jiasi', `/tasks/${taskId}/transfer`, { username: 'leader.jiasi' });
    fieldError(expectProblem(bad, 400, 'VALIDATION_FAILED'), 'comment');
    const res = await post('official.jiasi', `/tasks/${taskId}/transfer`, {
      username: 'leader.jiasi',
      comment: '请领导审定',
    });
    expect(res.body).toMatchObject({ assignee: 'leader.jiasi', owner: 'leader.jiasi', delegatedFrom: null });
    expect(await inboxIds('leader.jiasi', 'view=mine')).toContain(taskId);
    const h = (await historyOf(taskId)).map((r) => [r.action, r.actor]);
    expect(h).toEqual([
      ['opened', 'system'],
      ['claimed', 'official.jiasi'],
      ['unclaimed', 'official.jiasi'],
      ['assigned', 'leader.jiasi'],
      ['transferred', 'official.jiasi'],
    ]);
  });
});

describe('委派 (delegate) and resolve', () => {
  let handle: Awaited<ReturnType<typeof startProbe>>;
  let taskId: string;

  beforeAll(async () => {
    handle = await startProbe([step('delegate')]);
    taskId = await taskIdOf(handle, 'delegate#1');
    expect((await post('official.jiasi', `/tasks/${taskId}/claim`)).status).toBe(200);
  });

  it('the delegate works on it but cannot complete; the owner cannot complete while delegated', async () => {
    const res = await post('official.jiasi', `/tasks/${taskId}/delegate`, {
      username: 'leader.jiasi',
      comment: '请协助核实',
    });
    expect(res.body).toMatchObject({
      assignee: 'leader.jiasi',
      owner: 'official.jiasi',
      delegatedFrom: 'official.jiasi',
    });
    const detail = await call('leader.jiasi', `/tasks/${taskId}`);
    expect(detail.body.actions).toMatchObject({ resolve: true, complete: false, delegate: false });
    for (const user of ['leader.jiasi', 'official.jiasi']) {
      const p = expectProblem(
        await post(user, `/tasks/${taskId}/complete`, { decision: 'approve' }),
        409,
        'CONFLICT',
      );
      expect(p.messageZh).toContain('委派');
    }
  });

  it('resolve hands it back to the owner, who completes it', async () => {
    expectProblem(
      await post('official.jiasi', `/tasks/${taskId}/resolve`, { comment: 'x' }),
      403,
      'FORBIDDEN',
    );
    const res = await post('leader.jiasi', `/tasks/${taskId}/resolve`, { comment: '已核实，情况属实' });
    expect(res.body).toMatchObject({
      assignee: 'official.jiasi',
      owner: 'official.jiasi',
      delegatedFrom: null,
    });
    const done = await post('official.jiasi', `/tasks/${taskId}/complete`, {
      decision: 'approve',
      comment: '同意',
    });
    expect(done.status).toBe(200);
    expect(((await handle.result()) as ProbeResult).outcome).toBe('approved');
    const actions = (await historyOf(taskId)).map((r) => r.action);
    expect(actions).toEqual(['opened', 'claimed', 'delegated', 'resolved', 'completed']);
  });
});

describe('办理 (complete): the workflow validates and advances', () => {
  let handle: Awaited<ReturnType<typeof startProbe>>;
  let first: string;

  beforeAll(async () => {
    handle = await startProbe([step('review'), step('confirm', { candidates: [LEADER_JIASI] })]);
    first = await taskIdOf(handle, 'review#1');
  });

  it('a decision the step does not allow → 400 from the workflow validator; the task stays open', async () => {
    const res = await post('official.jiasi', `/tasks/${first}/complete`, {
      decision: 'escalate',
      comment: 'x',
    });
    const p = expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(p.messageZh).toContain('不允许');
    expect(p.messageEn).toMatch(/not allowed/);
    fieldError(p, 'decision');
    expect((await taskRow(first)).status).toBe('open');
  });

  it('a decision that requires an opinion without one → 400; the task stays open', async () => {
    const res = await post('official.jiasi', `/tasks/${first}/complete`, {
      decision: 'reject',
      comment: '   ',
    });
    const p = expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(p.messageZh).toContain('审批意见');
    fieldError(p, 'comment');
    expect((await taskRow(first)).status).toBe('open');
    expect(await inboxIds('official.jiasi', 'view=groups')).toContain(first);
  });

  it('an accepted decision closes the task and the workflow opens the next step', async () => {
    const res = await post('official.jiasi', `/tasks/${first}/complete`, {
      decision: 'approve',
      comment: '同意',
      data: { checked: true },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      taskId: first,
      status: 'closed',
      outcome: 'completed',
      decision: 'approve',
      completedBy: { username: 'official.jiasi' },
    });
    const row = await taskRow(first);
    expect(row).toMatchObject({ status: 'closed', outcome: 'completed', completed_by: 'official.jiasi' });
    expect(await inboxIds('official.jiasi', 'view=groups')).not.toContain(first);
    expect(await inboxIds('official.jiasi', 'view=mine&status=closed')).toContain(first);

    const next = await taskIdOf(handle, 'confirm#1');
    expect(await inboxIds('leader.jiasi', 'view=groups')).toContain(next);
    const last = (await historyOf(first)).at(-1)!;
    expect(last).toMatchObject({
      action: 'completed',
      actor: 'official.jiasi',
      decision: 'approve',
      comment: '同意',
      changes: expect.objectContaining({ data: { checked: true } }),
    });
    expect(last.actor_name).toEqual(expect.any(String));
  });

  it('completing a closed task → 409 naming who completed it and when', async () => {
    const p = expectProblem(
      await post('official.jiasi', `/tasks/${first}/complete`, { decision: 'reject', comment: '再看看' }),
      409,
      'CONFLICT',
    );
    expect(p.messageZh).toMatch(/已由 .+（official\.jiasi）于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 办理/);
    expect(p.messageEn).toMatch(/already completed by .+ \(official\.jiasi\) at \d{4}-/);
  });

  it('the workflow records the decisions it received', async () => {
    const next = await taskIdOf(handle, 'confirm#1');
    expect((await post('leader.jiasi', `/tasks/${next}/complete`, { decision: 'approve' })).status).toBe(200);
    const result = (await handle.result()) as ProbeResult;
    expect(result.outcome).toBe('approved');
    expect(result.log.map((e) => [e.taskKey, e.decision])).toEqual([
      ['review#1', 'approve'],
      ['confirm#1', 'approve'],
    ]);
  });
});

describe('concurrency and idempotency', () => {
  it('two officials completing the same task at once: exactly one 200, one 409 with a clear message', async () => {
    const handle = await startProbe([step('race', { candidates: [OFFICIAL_JIASI, LEADER_JIASI] })]);
    const id = await taskIdOf(handle, 'race#1');
    const [a, b] = await Promise.all([
      post('official.jiasi', `/tasks/${id}/complete`, { decision: 'approve', comment: '镇经办同意' }),
      post('leader.jiasi', `/tasks/${id}/complete`, { decision: 'reject', comment: '镇领导不同意' }),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([200, 409]);
    const [winner, loser] = a.status === 200 ? [a, b] : [b, a];
    const p = expectProblem(loser, 409, 'CONFLICT');
    const who = (winner.body as { completedBy: { username: string } }).completedBy.username;
    expect(p.messageZh).toContain(`（${who}）`);
    expect(p.messageEn).toContain(`(${who})`);
    const result = (await handle.result()) as ProbeResult;
    expect(result.log).toHaveLength(1);
    expect(result.log[0].decision).toBe((winner.body as { decision: string }).decision);
    expect((await historyOf(id)).filter((r) => r.action === 'completed')).toHaveLength(1);
  });

  it('the same idempotency key twice → one effect, the same response (header or body)', async () => {
    const handle = await startProbe([step('idem'), step('after')]);
    const id = await taskIdOf(handle, 'idem#1');
    const key = `it-${randomUUID()}`;
    const body = { decision: 'approve', comment: '同意' };
    const first = await post('official.jiasi', `/tasks/${id}/complete`, body, { 'Idempotency-Key': key });
    const again = await post('official.jiasi', `/tasks/${id}/complete`, { ...body, idempotencyKey: key });
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    // A different key is a different request: 409.
    expectProblem(
      await post('official.jiasi', `/tasks/${id}/complete`, body, {
        'Idempotency-Key': `it-${randomUUID()}`,
      }),
      409,
      'CONFLICT',
    );
    const completions = await withDb(
      async (db) => (await db.query('SELECT * FROM tasks.task_completions WHERE task_id = $1', [id])).rows,
    );
    expect(completions).toHaveLength(1);
    expect(completions[0].idempotency_key).toBe(key);
    await taskIdOf(handle, 'after#1');
    const log = await handle.query<Array<{ taskKey: string }>>('taskProbe.log');
    expect(log.map((e) => e.taskKey)).toEqual(['idem#1']);
  });

  it('mismatched body and header keys → 400', async () => {
    const id = await taskIdOf(await startProbe([step('mismatch')]), 'mismatch#1');
    const res = await post(
      'official.jiasi',
      `/tasks/${id}/complete`,
      { decision: 'approve', idempotencyKey: `it-${randomUUID()}` },
      { 'Idempotency-Key': `it-${randomUUID()}` },
    );
    fieldError(expectProblem(res, 400, 'VALIDATION_FAILED'), 'idempotencyKey');
  });

  it('a crash between the accepted Update and the commit heals: the workflow records it, a retry replays', async () => {
    const handle = await startProbe([step('heal')]);
    const id = await taskIdOf(handle, 'heal#1');
    const key = `it-${randomUUID()}`;
    // What the service sends before it "crashes": the Update is accepted, nothing is committed.
    await handle.executeUpdate(TASK_DECIDE_UPDATE, {
      args: [
        {
          taskId: id,
          taskKey: 'heal#1',
          decision: 'approve',
          comment: '同意（补记）',
          data: {},
          attachments: [],
          actor: { username: 'official.jiasi', name: '贾嗣经办', orgUnitCode: 'jiangjin.jiasi' },
          decidedAt: new Date().toISOString(),
          requestId: key,
        },
      ],
      updateId: `${id}:${key}`,
    });
    await handle.result();
    const row = await taskRow(id);
    expect(row).toMatchObject({ status: 'closed', outcome: 'completed', completed_by: 'official.jiasi' });
    const retry = await post(
      'official.jiasi',
      `/tasks/${id}/complete`,
      { decision: 'approve' },
      { 'Idempotency-Key': key },
    );
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ decision: 'approve', completedBy: { username: 'official.jiasi' } });
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    const completed = (await historyOf(id)).filter((r) => r.action === 'completed');
    expect(completed).toHaveLength(1);
    expect(completed[0].changes).toMatchObject({ recordedBy: 'workflow' });
  });
});

describe('退回 (return to the previous step)', () => {
  it('the reviewer returns; the first step reopens; the case then passes', async () => {
    const handle = await startProbe([step('draft'), step('review', { candidates: [LEADER_JIASI] })]);
    const draft1 = await taskIdOf(handle, 'draft#1');
    expect((await post('official.jiasi', `/tasks/${draft1}/complete`, { decision: 'approve' })).status).toBe(
      200,
    );
    const review1 = await taskIdOf(handle, 'review#1');

    fieldError(
      expectProblem(await post('leader.jiasi', `/tasks/${review1}/return`, {}), 400, 'VALIDATION_FAILED'),
      'comment',
    );
    const ret = await post('leader.jiasi', `/tasks/${review1}/return`, {
      comment: '材料不全，请补充',
      toStep: 'draft',
    });
    expect(ret.status).toBe(200);
    expect(ret.body).toMatchObject({ decision: 'return' });
    expect((await historyOf(review1)).at(-1)).toMatchObject({
      action: 'returned',
      decision: 'return',
      comment: '材料不全，请补充',
    });

    const draft2 = await taskIdOf(handle, 'draft#2');
    expect(await inboxIds('official.jiasi', 'view=groups')).toContain(draft2);
    expect((await post('official.jiasi', `/tasks/${draft2}/complete`, { decision: 'approve' })).status).toBe(
      200,
    );
    const review2 = await taskIdOf(handle, 'review#2');
    expect((await post('leader.jiasi', `/tasks/${review2}/complete`, { decision: 'approve' })).status).toBe(
      200,
    );
    const result = (await handle.result()) as ProbeResult;
    expect(result.outcome).toBe('approved');
    expect(result.log.map((e) => [e.taskKey, e.decision])).toEqual([
      ['draft#1', 'approve'],
      ['review#1', 'return'],
      ['draft#2', 'approve'],
      ['review#2', 'approve'],
    ]);
  });

  it('a step without 退回 rejects it (400) and stays open', async () => {
    const id = await taskIdOf(
      await startProbe([
        step('noreturn', { decisions: [{ code: 'approve', labelZh: '同意', labelEn: 'Approve' }] }),
      ]),
      'noreturn#1',
    );
    expectProblem(
      await post('official.jiasi', `/tasks/${id}/return`, { comment: '退回' }),
      400,
      'VALIDATION_FAILED',
    );
    expect((await taskRow(id)).status).toBe('open');
  });
});

describe('comments, watchers, attachments and the audit trail', () => {
  let taskId: string;

  beforeAll(async () => {
    taskId = await taskIdOf(await startProbe([step('collab')]), 'collab#1');
  });

  it('comments: visible users post and read; outsiders get 403', async () => {
    const c = await post('official.jiasi', `/tasks/${taskId}/comments`, { body: '已电话联系企业负责人' });
    expect(c.status).toBe(201);
    expect((await post('leader.jiasi', `/tasks/${taskId}/comments`, { body: '请今日内反馈' })).status).toBe(
      201,
    );
    fieldError(
      expectProblem(
        await post('official.jiasi', `/tasks/${taskId}/comments`, { body: ' ' }),
        400,
        'VALIDATION_FAILED',
      ),
      'body',
    );
    expectProblem(
      await post('official.baisha', `/tasks/${taskId}/comments`, { body: '越权评论' }),
      403,
      'OUT_OF_JURISDICTION',
    );
    const list = await call('official.jiasi', `/tasks/${taskId}/comments`);
    expect(list.body.data.map((x: { author: string; body: string }) => [x.author, x.body])).toEqual([
      ['official.jiasi', '已电话联系企业负责人'],
      ['leader.jiasi', '请今日内反馈'],
    ]);
    expectProblem(await call('official.baisha', `/tasks/${taskId}/comments`), 403, 'OUT_OF_JURISDICTION');
  });

  it('watch: the task appears in the watched view; outsiders cannot watch', async () => {
    expect((await post('leader.jiasi', `/tasks/${taskId}/watch`)).body).toEqual({ watching: true });
    expect(await inboxIds('leader.jiasi', 'view=watched')).toContain(taskId);
    expectProblem(await post('official.baisha', `/tasks/${taskId}/watch`), 403, 'OUT_OF_JURISDICTION');
    expect((await call('leader.jiasi', `/tasks/${taskId}/watch`, { method: 'DELETE' })).body).toEqual({
      watching: false,
    });
    expect(await inboxIds('leader.jiasi', 'view=watched')).not.toContain(taskId);
  });

  it('attachments: typed, size-checked upload; download; completion refers to them', async () => {
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(64, 1),
    ]);
    const upload = async (user: string, bytes: Buffer, type: string, name = '现场照片.png') => {
      const res = await fetch(`${baseUrl()}/api/tasks/tasks/${taskId}/attachments`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${await tokenFor(user)}`,
          'content-type': type,
          'x-file-name': encodeURIComponent(name),
        },
        body: new Uint8Array(bytes),
      });
      return { status: res.status, body: (await res.json()) as any };
    };
    const ok = await upload('official.jiasi', png, 'image/png');
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ name: '现场照片.png', size: png.length, contentType: 'image/png' });
    expect((await upload('official.jiasi', png, 'application/pdf')).status).toBe(400);
    expect((await upload('official.jiasi', png, 'application/x-msdownload', 'a.exe')).status).toBe(400);
    expect((await upload('official.baisha', png, 'image/png')).status).toBe(403);

    const dl = await fetch(`${baseUrl()}/api/tasks/tasks/${taskId}/attachments/${ok.body.id}`, {
      headers: { authorization: `Bearer ${await tokenFor('leader.jiasi')}` },
    });
    expect(dl.status).toBe(200);
    expect(dl.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await dl.arrayBuffer()).equals(png)).toBe(true);

    expectProblem(
      await post('official.jiasi', `/tasks/${taskId}/complete`, {
        decision: 'approve',
        attachments: [randomUUID()],
      }),
      400,
      'VALIDATION_FAILED',
    );
    const done = await post('official.jiasi', `/tasks/${taskId}/complete`, {
      decision: 'approve',
      comment: '整改到位',
      attachments: [ok.body.id],
    });
    expect(done.status).toBe(200);
  });

  it('history records who, what, when and which decision; outsiders cannot read it', async () => {
    const res = await call('leader.jiasi', `/tasks/${taskId}/history`);
    expect(res.status).toBe(200);
    const rows = res.body.data as Array<Record<string, any>>;
    expect(rows.map((r) => r.action)).toEqual([
      'opened',
      'commented',
      'commented',
      'watched',
      'unwatched',
      'attached',
      'completed',
    ]);
    for (const r of rows) expect(Date.parse(r.at)).not.toBeNaN();
    expect(rows.at(-1)).toMatchObject({
      actor: 'official.jiasi',
      decision: 'approve',
      comment: '整改到位',
      changes: expect.objectContaining({ attachments: [expect.any(String)] }),
    });
    expectProblem(await call('official.baisha', `/tasks/${taskId}/history`), 403, 'OUT_OF_JURISDICTION');
  });
});

describe('jurisdiction isolation: 白沙镇 cannot act on a 贾嗣镇 task', () => {
  it('every read and action of official.baisha → 403 OUT_OF_JURISDICTION; the task is untouched', async () => {
    const id = await taskIdOf(await startProbe([step('isolated')]), 'isolated#1');
    const before = await taskRow(id);
    const attempts: Array<[string, unknown]> = [
      ['claim', undefined],
      ['unclaim', undefined],
      ['complete', { decision: 'approve' }],
      ['return', { comment: '越权退回' }],
      ['assign', { username: 'official.baisha' }],
      ['transfer', { username: 'official.baisha', comment: '越权' }],
      ['delegate', { username: 'official.baisha', comment: '越权' }],
      ['watch', undefined],
      ['comments', { body: '越权' }],
    ];
    for (const [action, body] of attempts) {
      const res = await post('official.baisha', `/tasks/${id}/${action}`, body);
      expect({ action, status: res.status }).toEqual({ action, status: 403 });
      expectProblem(res, 403, 'OUT_OF_JURISDICTION');
    }
    expectProblem(await call('official.baisha', `/tasks/${id}`), 403, 'OUT_OF_JURISDICTION');
    expect(await inboxIds('official.baisha', `view=groups&orgUnitCode=jiangjin.jiasi`)).toEqual([]);
    expect(await taskRow(id)).toEqual(before);
    expect((await historyOf(id)).map((r) => r.action)).toEqual(['opened']);
    expect(BAISHA).toBe('jiangjin.baisha');
  });
});

describe('cancellation', () => {
  it('cancelling the workflow closes its open task as cancelled; it leaves every inbox', async () => {
    const handle = await startProbe([step('cancel')]);
    const id = await taskIdOf(handle, 'cancel#1');
    await handle.cancel();
    await eventually(async () => (await taskRow(id)).status === 'closed', 'task closed');
    expect(await taskRow(id)).toMatchObject({ status: 'closed', outcome: 'cancelled' });
    expect(await inboxIds('official.jiasi', 'view=groups')).not.toContain(id);
    expectProblem(
      await post('official.jiasi', `/tasks/${id}/complete`, { decision: 'approve' }),
      409,
      'CONFLICT',
    );
  });
});
