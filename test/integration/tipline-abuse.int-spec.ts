import { withDb } from './support';
import {
  as,
  fileTip,
  HANDLER,
  LEADER,
  newAddress,
  PASSWORD,
  PNG,
  pub,
  tipBody,
  upload,
  waitForStep,
} from './tipline-support';
import { until } from './hazard-support';

/**
 * The public tip line under abuse: bad uploads and scripts are refused with field messages, wrong
 * claim codes and passwords answer alike and lock the code, a flood is throttled (429) without losing
 * a tip that was accepted, and a claim after the window is refused clearly (scaled clock).
 */
describe('tip line: bad input and abuse', () => {
  jest.setTimeout(180_000);

  it('refuses non-images, disguised files and oversized uploads', async () => {
    const address = newAddress();
    const text = await upload(address, Buffer.from('just some text, not a picture'), 'image/png');
    expect(text.status).toBe(400);
    expect(text.body.errors[0]).toMatchObject({ path: 'file' });
    expect(text.body.errors[0].messageZh).toContain('图片');
    const pdf = await upload(address, Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\n'), 'application/pdf');
    expect(pdf.status).toBe(400);
    const big = Buffer.concat([PNG, Buffer.alloc(11 * 1024 * 1024)]);
    const tooBig = await upload(address, big, 'image/png').catch(() => ({ status: 400, body: null }));
    expect(tooBig.status).toBe(400);
  });

  it('refuses scripts in text fields with bilingual field messages, before storing anything', async () => {
    const before = await withDb(
      async (db) => (await db.query('SELECT count(*)::int AS n FROM tipline.tips')).rows[0].n,
    );
    const res = await pub(
      newAddress(),
      '/tips',
      tipBody({
        description: '工厂<script>alert(1)</script>违规',
        location: '<img src=x onerror=alert(1)>',
      }),
    );
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['description', 'location']);
    expect(res.body.errors[0].messageZh).toContain('脚本');
    expect(res.body.errors[0].messageEn).toContain('script');
    const weak = await pub(newAddress(), '/tips', tipBody({ password: 'password' }));
    expect(weak.status).toBe(400);
    expect(weak.body.errors.some((e: { path: string }) => e.path === 'password')).toBe(true);
    const after = await withDb(
      async (db) => (await db.query('SELECT count(*)::int AS n FROM tipline.tips')).rows[0].n,
    );
    expect(after).toBe(before);
  });

  it('answers a wrong password and an unknown code alike, then locks the code', async () => {
    const tip = await fileTip();
    const address = newAddress();
    const wrong = await pub(address, '/status', { claimCode: tip.claimCode, password: 'Wrong2026pw' });
    // A well-formed code that was never issued (valid check character).
    const unknownCode =
      '0000-0000-000' + (await import('@zhiben/tipline-domain')).claimCodeCheckChar('00000000000');
    const unknown = await pub(address, '/status', { claimCode: unknownCode, password: PASSWORD });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const strip = (b: Record<string, unknown>) => ({ ...b, correlationId: undefined });
    expect(strip(unknown.body)).toEqual(strip(wrong.body));
    expect(wrong.body.messageZh).toBe('查询码或密码不正确');
    const typo = await pub(address, '/status', {
      claimCode: tip.claimCode.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
      password: PASSWORD,
    });
    expect(typo.status).toBe(400);
    for (let i = 0; i < 4; i++) {
      expect(
        (await pub(address, '/status', { claimCode: tip.claimCode, password: `Wrong${i}2026x` })).status,
      ).toBe(401);
    }
    // Five failures: locked, even with the right password (and from another address).
    const locked = await pub(newAddress(), '/status', { claimCode: tip.claimCode, password: PASSWORD });
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('TOO_MANY_REQUESTS');
    expect(locked.body.messageZh).toContain('锁定');
    // Other tips are unaffected.
    const other = await fileTip();
    expect(
      (await pub(newAddress(), '/status', { claimCode: other.claimCode, password: PASSWORD })).status,
    ).toBe(200);
  });

  it('throttles a flood from one address with 429 and keeps every tip it accepted', async () => {
    const address = newAddress();
    const results = await Promise.all(
      Array.from({ length: 16 }, (_, i) => pub(address, '/tips', tipBody({ location: `洪水测试 ${i}` }))),
    );
    const accepted = results.filter((r) => r.status === 201);
    const throttled = results.filter((r) => r.status === 429);
    expect(accepted.length + throttled.length).toBe(16);
    expect(throttled.length).toBeGreaterThan(0);
    expect(accepted.length).toBeGreaterThan(0);
    expect(throttled[0].body).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    const refs = accepted.map((r) => r.body.ref as string);
    const stored = await withDb(
      async (db) =>
        (await db.query('SELECT ref, workflow_id FROM tipline.tips WHERE ref = ANY($1)', [refs])).rows,
    );
    expect(stored.map((r: { ref: string }) => r.ref).sort()).toEqual([...refs].sort());
    // Every accepted tip is followed by its workflow (outbox) and readable by its code.
    for (const r of accepted.slice(0, 3)) {
      const s = await pub(newAddress(), '/status', { claimCode: r.body.claimCode, password: PASSWORD });
      expect(s.status).toBe(200);
    }
    await until(
      'every accepted tip to have its workflow',
      async () => {
        const rows = await withDb(
          async (db) =>
            (
              await db.query(
                'SELECT count(*)::int AS n FROM tipline.tips WHERE ref = ANY($1) AND workflow_started_at IS NOT NULL',
                [refs],
              )
            ).rows,
        );
        return rows[0].n === refs.length;
      },
      { timeoutMs: 60_000 },
    );
  });

  it('refuses a claim after the window (scaled clock)', async () => {
    // 0.5 s per day: the 30-working-day claim window passes in about 21 s.
    const filed = await as('sysadmin', '/tips', {
      method: 'POST',
      body: { ...tipBody(), channel: 'hotline12350', clockMsPerDay: 500 },
    });
    expect(filed.status).toBe(201);
    const code = filed.body.claimCode as string;
    const list = await as(HANDLER, '/tips?perPage=200');
    const id = list.body.data.find((t: { ref: string }) => t.ref === filed.body.ref).id as string;
    // The time scale is a sys-admin facility only.
    expect(
      (await as(HANDLER, '/tips', { method: 'POST', body: { ...tipBody(), clockMsPerDay: 500 } })).status,
    ).toBe(400);

    await waitForStep(id, 'decideAcceptance');
    expect(
      (await as(HANDLER, `/tips/${id}/acceptance`, { method: 'POST', body: { decision: 'accept' } })).status,
    ).toBe(200);
    await waitForStep(id, 'verify');
    expect(
      (
        await as(HANDLER, `/tips/${id}/verification`, {
          method: 'POST',
          body: {
            outcome: 'substantiated',
            summary: '属实',
            fineYuan: 10_000,
            followUp: { kind: 'none', reference: '已另案处理' },
            firstReporter: true,
          },
        })
      ).status,
    ).toBe(200);
    let approved = false;
    const deadline = Date.now() + 60_000;
    while (!approved && Date.now() < deadline) {
      const s = await as<{ openTasks: { step: string }[] }>(HANDLER, `/tips/${id}/state`);
      const steps = s.body.openTasks.map((t) => t.step);
      if (steps.includes('feedback')) {
        await as(HANDLER, `/tips/${id}/feedback`, {
          method: 'POST',
          body: { messageZh: '经核查属实。', channels: ['statusPage'] },
        });
      } else if (steps.includes('approveReward')) {
        // The read model follows the workflow's bookkeeping a moment later.
        const d = await until('the computed reward', async () => {
          const r = await as(HANDLER, `/tips/${id}`);
          return r.body.reward ? r : null;
        });
        expect(d.body.reward.amountYuan).toBe(3000); // 15% of 10,000 = 1,500 → the 3,000 minimum
        const ok = await as(LEADER, `/tips/${id}/reward-approval`, {
          method: 'POST',
          body: { decision: 'approve', amountYuan: 3000 },
        });
        expect(ok.status).toBe(200);
        approved = true;
      } else {
        await new Promise((r) => setTimeout(r, 300));
      }
    }
    expect(approved).toBe(true);
    await until(
      'the claim window to pass',
      async () => {
        const s = await pub(newAddress(), '/status', { claimCode: code, password: PASSWORD });
        return s.body?.status === 'rewardLapsed' ? s.body : null;
      },
      { timeoutMs: 60_000, intervalMs: 2000 },
    );
    const late = await pub(newAddress(), '/claim', { claimCode: code, password: PASSWORD });
    expect(late.status).toBe(409);
    expect(late.body.messageZh).toContain('期限');
    expect(late.body.messageEn).toMatch(/window/i);
  });
});
