import { token, until, shanghaiDate } from './hazard-support';
import { JIASI_CREDIT_CODE, RUN_ID } from './support';
import {
  as,
  fileTip,
  HANDLER,
  LEADER,
  newAddress,
  PASSWORD,
  PNG,
  pub,
  serviceLogs,
  upload,
  waitForStep,
} from './tipline-support';
import { api } from '@zhiben/testing';

/**
 * The tip line end to end on the real stack (gateway → tipline-service → tipVerification → hazards-service):
 * an anonymous tip filed publicly with a photo, accepted and verified by the handler, a hazard opened in
 * the ledger (source 群众举报) by the service account, the fine recorded, the reward computed by rule,
 * approved by the leader and claimed with the claim code; and a real-name reporter whose identity never
 * reaches an official's or an enterprise's answer, nor a log line, until an approved, audited unmask.
 */
describe('tip line: an anonymous tip from intake to a claimed reward', () => {
  jest.setTimeout(180_000);

  it('files, accepts, verifies (hazard opened), records the fine, approves 15% and claims with the code', async () => {
    const address = newAddress();
    const photo = await upload(address, PNG, 'image/png');
    expect(photo.status).toBe(201);
    const tip = await fileTip(address, { photos: [photo.body.id] });
    expect(tip.claimCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(tip.ref).toMatch(/^JB-\d{4}-\d{6}$/);

    const status0 = await pub(address, '/status', { claimCode: tip.claimCode, password: PASSWORD });
    expect(status0.status).toBe(200);
    expect(status0.body).toMatchObject({ ref: tip.ref, kind: 'illegalOperation' });
    expect(['received', 'processing']).toContain(status0.body.status);

    await waitForStep(tip.id, 'decideAcceptance');
    const detail0 = await as(HANDLER, `/tips/${tip.id}`);
    expect(detail0.status).toBe(200);
    expect(detail0.body).toMatchObject({ anonymous: true, photos: [photo.body.id], status: 'received' });
    expect(detail0.body.reporterId).toMatch(/^R-/);
    expect(
      (await as(HANDLER, `/tips/${tip.id}/acceptance`, { method: 'POST', body: { decision: 'accept' } }))
        .status,
    ).toBe(200);

    await waitForStep(tip.id, 'verify');
    const verified = await as(HANDLER, `/tips/${tip.id}/verification`, {
      method: 'POST',
      body: {
        outcome: 'substantiated',
        summary: '现场核查属实：动火作业未办理审批',
        fineYuan: null,
        followUp: {
          kind: 'hazard',
          hazard: {
            enterpriseCreditCode: JIASI_CREDIT_CODE,
            grade: 'general',
            title: `举报核实：违规动火 ${RUN_ID}`,
            description: '核查发现动火作业未办理审批手续，现场无监护人',
            location: '3 号厂房',
            foundOn: shanghaiDate(),
          },
        },
        firstReporter: true,
      },
    });
    expect(verified.status).toBe(200);

    // The hazard is registered in the ledger by the service account, linked to the tip.
    const withHazard = await until('the hazard follow-up', async () => {
      const d = await as(HANDLER, `/tips/${tip.id}`);
      return d.body.followUp ? d.body : null;
    });
    expect(withHazard.followUp).toMatchObject({ kind: 'hazard' });
    const hazard = await api(`/api/hazards/hazards/${withHazard.followUp.id}`, {
      token: await token('admin.jj'),
    });
    expect(hazard.status).toBe(200);
    expect(hazard.body.source).toBe('PublicReport');
    expect(JSON.stringify(hazard.body)).toContain(JIASI_CREDIT_CODE);
    expect(JSON.stringify(hazard.body)).not.toContain('无人监护'); // the report's own words stay in the tip line

    // Feedback and the fine, in whatever order the workflow opens them, then the reward.
    let approvedReward: any = null;
    const deadline = Date.now() + 90_000;
    while (!approvedReward && Date.now() < deadline) {
      const s = await as<{ openTasks: { step: string }[]; status: string }>(HANDLER, `/tips/${tip.id}/state`);
      const steps = s.body.openTasks.map((t) => t.step);
      if (steps.includes('feedback')) {
        const r = await as(HANDLER, `/tips/${tip.id}/feedback`, {
          method: 'POST',
          body: {
            messageZh: '经核查，您举报的问题属实，已依法处理。',
            messageEn: 'Substantiated and dealt with.',
            channels: ['statusPage'],
          },
        });
        expect(r.status).toBe(200);
      } else if (steps.includes('recordFine')) {
        const r = await as(HANDLER, `/tips/${tip.id}/fine`, {
          method: 'POST',
          body: { fineYuan: 100_000, penaltyDecisionNo: `渝江应急罚〔2026〕${RUN_ID}` },
        });
        expect(r.status).toBe(200);
      } else if (steps.includes('approveReward')) {
        const d = await until('the computed reward', async () => {
          const r = await as(HANDLER, `/tips/${tip.id}`);
          // The read model follows the workflow in the background: wait for the assessed reward itself.
          return r.body.reward?.status === 'assessed' ? r : null;
        });
        expect(d.body.reward).toMatchObject({ status: 'assessed', amountYuan: 15_000 });
        // The handler cannot approve; the leader (level above) does, with exactly the computed amount.
        expect(
          (
            await as(HANDLER, `/tips/${tip.id}/reward-approval`, {
              method: 'POST',
              body: { decision: 'approve', amountYuan: 15_000 },
            })
          ).status,
        ).toBe(403);
        const wrong = await as(LEADER, `/tips/${tip.id}/reward-approval`, {
          method: 'POST',
          body: { decision: 'approve', amountYuan: 14_000 },
        });
        expect(wrong.status).toBeGreaterThanOrEqual(400);
        const ok = await as(LEADER, `/tips/${tip.id}/reward-approval`, {
          method: 'POST',
          body: { decision: 'approve', amountYuan: 15_000 },
        });
        expect(ok.status).toBe(200);
        approvedReward = ok.body;
      } else {
        await new Promise((r) => setTimeout(r, 300));
      }
    }
    expect(approvedReward).toBeTruthy();

    const claimable = await until('the reward to be claimable', async () => {
      const s = await pub(address, '/status', { claimCode: tip.claimCode, password: PASSWORD });
      return s.body?.reward?.canClaim ? s.body : null;
    });
    expect(claimable.reward).toMatchObject({ status: 'approved', amountYuan: 15_000 });
    expect(claimable.messages.map((m: { zh: string }) => m.zh).join('\n')).toContain('属实');

    const claim = await pub(address, '/claim', {
      claimCode: tip.claimCode.toLowerCase(),
      password: PASSWORD,
      payee: { bankAccount: '6222 0000 1111 2222 333', bankName: '重庆农村商业银行' },
    });
    expect(claim.status).toBe(200);
    const after = await until('the claim to show', async () => {
      const s = await pub(address, '/status', { claimCode: tip.claimCode, password: PASSWORD });
      return s.body?.status === 'rewardClaimed' ? s.body : null;
    });
    expect(after.reward).toMatchObject({ status: 'claimed', amountYuan: 15_000, canClaim: false });
    // The officials' view never carries the payee account.
    const final = await as(HANDLER, `/tips/${tip.id}`);
    expect(JSON.stringify(final.body)).not.toContain('6222');
    expect(serviceLogs()).not.toContain('6222 0000 1111');
  });
});

describe('tip line: a real-name reporter stays pseudonymous until an approved, audited unmask', () => {
  jest.setTimeout(120_000);
  const identity = {
    name: `实名举报人${RUN_ID}`,
    phone: `139${String(Date.now()).slice(-8)}`,
    idNumber: `50011619900101${String(Date.now()).slice(-3)}X`,
    bankAccount: `6217${String(Date.now()).slice(-12)}`,
  };

  it('shows officials the reporter id only, keeps identity out of every answer and log, unmasks after approval', async () => {
    const tip = await fileTip(newAddress(), { anonymous: false, identity });
    const secrets = [identity.name, identity.phone, identity.idNumber, identity.bankAccount];
    const views = [
      await as(HANDLER, `/tips/${tip.id}`),
      await as(HANDLER, '/tips?perPage=200'),
      await as(HANDLER, `/tips/${tip.id}/timeline`),
      await as(LEADER, `/tips/${tip.id}`),
      await as('auditor.jj', `/tips/${tip.id}`),
    ];
    for (const v of views) {
      expect(v.status).toBe(200);
      const text = JSON.stringify(v.body);
      for (const s of secrets) expect(text).not.toContain(s);
    }
    expect(views[0].body).toMatchObject({ anonymous: false });
    expect(views[0].body.reporterId).toMatch(/^R-/);
    // Enterprises never reach the tip line's official API.
    for (const path of [`/tips/${tip.id}`, '/tips', `/tips/${tip.id}/timeline`]) {
      const r = await as('enterprise.jiasi', path);
      expect(r.status).toBe(403);
      for (const s of secrets) expect(JSON.stringify(r.body)).not.toContain(s);
    }

    // Unmask: request with a reason → refused before approval → the leader approves → the requester reads it.
    const req = await as(HANDLER, `/tips/${tip.id}/unmask-requests`, {
      method: 'POST',
      body: { reason: '需核实举报人是否为监管人员近亲属' },
    });
    expect(req.status).toBe(201);
    const early = await as(HANDLER, `/unmask-requests/${req.body.id}/identity`);
    expect(early.status).toBe(403);
    for (const s of secrets) expect(JSON.stringify(early.body)).not.toContain(s);
    expect(
      (
        await as(HANDLER, `/unmask-requests/${req.body.id}/decision`, {
          method: 'POST',
          body: { decision: 'approve' },
        })
      ).status,
    ).toBe(403);
    const approved = await as(LEADER, `/unmask-requests/${req.body.id}/decision`, {
      method: 'POST',
      body: { decision: 'approve', comment: '同意' },
    });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', decidedBy: { username: LEADER } });
    const leaderPeek = await as(LEADER, `/unmask-requests/${req.body.id}/identity`);
    expect(leaderPeek.status).toBe(403);
    const revealed = await as(HANDLER, `/unmask-requests/${req.body.id}/identity`);
    expect(revealed.status).toBe(200);
    expect(revealed.body).toMatchObject({ ...identity, reporterId: views[0].body.reporterId });

    const audit = await as('auditor.jj', `/audit?tipId=${tip.id}`);
    expect(audit.status).toBe(200);
    expect(
      audit.body.data.map((a: { action: string; outcome: string }) => `${a.action}:${a.outcome}`),
    ).toEqual([
      'unmask.requested:ok',
      'unmask.revealed:refused:notApproved',
      'unmask.decided:approved',
      'unmask.revealed:refused:notRequester',
      'unmask.revealed:ok',
    ]);
    for (const s of secrets) expect(JSON.stringify(audit.body)).not.toContain(s);

    // Not a single log line of any service carries the identity.
    const logs = serviceLogs();
    expect(logs).toContain('tipline-service');
    for (const s of secrets) expect(logs).not.toContain(s);
  });
});
