import { hazardWorkflowId } from '@zhiben/contracts';
import { expectProblem, fieldError, withDb } from './support';
import {
  acceptAndClose,
  as,
  cancelRunning,
  closeTemporal,
  complete,
  completeOk,
  countByType,
  DEPARTMENT_OFFICIAL,
  DISTRICT_OFFICE,
  DISTRICT_OFFICE_CODE,
  duplicateNotifications,
  ENTERPRISE,
  eventRows,
  expectOneTaskPerVisit,
  hazardAs,
  hazardDetail,
  HAZARDS,
  inbox,
  isoInDays,
  keysByStep,
  listingWorkflowId,
  LISTINGS,
  onlyTypes,
  OTHER_ENTERPRISE,
  OTHER_TOWN_OFFICIAL,
  planBody,
  post,
  registerScaled,
  shanghaiDate,
  statusTrail,
  submitPlan,
  takeWorkerTurn,
  taskRows,
  timeline,
  toRectifying,
  TOWN_OFFICIAL,
  waitEvent,
  waitStatus,
  waitTask,
  waitWorkflowClosed,
  type Hazard,
} from './hazard-support';

/**
 * Issue 3 end to end through the gateway, on the real stack (Temporal, PostgreSQL, Keycloak): major
 * hazards registered by the sys-admin with a scaled workflow clock (a day lasts 2–3 s) go through their
 * human steps in the people's inboxes — plan, review, rectification, 延期, the escalation ladder
 * 函告 → 通报 → 约谈 → 曝光 → 挂牌督办, acceptance, delisting and 销号 — and the ledger's timeline,
 * the task rows and the notices show every step once.
 */

const created: string[] = [];
const track = (h: Hazard) => {
  created.push(h.id);
  return h;
};

let releaseTurn: () => void = () => undefined;

/**
 * The escalation case must live through ~45 scaled days (deadline, then 1 + 5 + 5 + 10 + 10 working
 * days up the ladder, ≈ 90 s at 2 s a day). It is started first and its weeks pass while the other
 * scenarios run; its own tests come last and wait for whatever is still ahead.
 */
let escalation: Promise<Hazard>;

beforeAll(async () => {
  releaseTurn = await takeWorkerTurn();
  escalation = (async () => {
    const h = track(await registerScaled(2000, '逾期升级挂牌督办'));
    // Due at the end of today (Beijing): a day lasts 2 s, so the deadline passes within seconds.
    await toRectifying(h, shanghaiDate(0));
    return h;
  })();
  escalation.catch(() => undefined); // reported by the escalation tests
}, 11 * 60_000);

afterAll(async () => {
  try {
    await cancelRunning(created);
    await closeTemporal();
  } finally {
    releaseTurn();
  }
});

describe('a major hazard from registration to 销号', () => {
  let hazard: Hazard;
  let firstSubmitTaskId: string;

  beforeAll(async () => {
    hazard = track(await registerScaled(3000, '除尘系统未采取泄爆措施'));
  });

  it('registration starts the workflow; the enterprise finds 提交整改方案 in its inbox', async () => {
    expect(hazard).toMatchObject({ grade: 'major', status: 'registered', source: 'SelfInspection' });
    const task = await waitTask(ENTERPRISE, hazard.caseRef, 'hazard.submitPlan');
    expect(task).toMatchObject({ step: 'submitPlan', status: 'open', caseRef: hazard.caseRef });
    expect(task.title).toContain('提交重大事故隐患整改方案');
    firstSubmitTaskId = task.id;
    await waitStatus(hazard.id, 'planning');
  });

  it('the plan goes to review: 贾嗣镇 sees reviewPlan, 白沙镇 does not', async () => {
    const res = await submitPlan(hazard, shanghaiDate(60));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ planVersion: 1, status: 'submitted' });
    const review = await waitTask(TOWN_OFFICIAL, hazard.caseRef, 'hazard.reviewPlan');
    expect(review.step).toBe('reviewPlan');
    // The department supervising the sector (区应急管理局) reviews too; another town does not.
    expect((await inbox(DEPARTMENT_OFFICIAL, hazard.caseRef)).map((t) => t.id)).toEqual([review.id]);
    expect(await inbox(OTHER_TOWN_OFFICIAL, hazard.caseRef)).toEqual([]);
    expect(await inbox(ENTERPRISE, hazard.caseRef, { type: 'hazard.submitPlan' })).toEqual([]);
    await waitStatus(hazard.id, 'plan_review');
  });

  it('the town returns the plan with its reasons; the enterprise revises and resubmits', async () => {
    const review = await waitTask(TOWN_OFFICIAL, hazard.caseRef, 'hazard.reviewPlan');
    const noComment = await complete(TOWN_OFFICIAL, review.id, 'return', ' ');
    fieldError(expectProblem(noComment, 400, 'VALIDATION_FAILED'), 'comment');

    await completeOk(TOWN_OFFICIAL, review.id, 'return', '应急预案未明确泄爆片更换期间的停产措施');
    // A new visit of submitPlan: a new task in the enterprise's inbox.
    const again = await waitTask(ENTERPRISE, hazard.caseRef, 'hazard.submitPlan');
    expect(again.id).not.toBe(firstSubmitTaskId);
    await waitStatus(hazard.id, 'planning');
    const returned = (await hazardDetail(hazard.id)).plans[0];
    expect(returned).toMatchObject({ planVersion: 1, status: 'returned' });
    expect(returned.reviewComment).toContain('停产措施');

    const res = await submitPlan(hazard, shanghaiDate(60));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ planVersion: 2 });
  });

  it('the town approves version 2: rectifying, with the plan’s deadline', async () => {
    const review = await waitTask(TOWN_OFFICIAL, hazard.caseRef, 'hazard.reviewPlan');
    await completeOk(TOWN_OFFICIAL, review.id, 'approve', '方案可行，同意实施');
    const h = await waitStatus(hazard.id, 'rectifying');
    expect(h.rectificationDeadline).toEqual(expect.any(String));
    expect(h.overdue).toBe(false);
    const detail = await hazardDetail(hazard.id);
    expect(
      detail.plans.map((p: { planVersion: number; status: string }) => [p.planVersion, p.status]),
    ).toEqual([
      [1, 'returned'],
      [2, 'approved'],
    ]);
  });

  it('acceptance (验收) by the town, then 销号 by the department leading the sector: closed', async () => {
    await waitTask(ENTERPRISE, hazard.caseRef, 'hazard.applyAcceptance');
    const applied = await post(ENTERPRISE, `${HAZARDS}/${hazard.id}/acceptance-application`, {
      summary: '泄爆装置及隔爆阀已安装调试完毕，积尘已清理，制度已修订',
      completedOn: shanghaiDate(0),
    });
    expect(applied.status).toBe(201);
    await waitStatus(hazard.id, 'acceptance_review');
    const review = await waitTask(TOWN_OFFICIAL, hazard.caseRef, 'hazard.reviewAcceptance');
    await completeOk(TOWN_OFFICIAL, review.id, 'pass', '现场核验，整改到位');
    await waitStatus(hazard.id, 'closeout_review');

    // 销号 is the supervising department's (区应急管理局 leads 工贸), not the town's.
    const closeOut = await waitTask(DEPARTMENT_OFFICIAL, hazard.caseRef, 'hazard.approveCloseOut');
    expect(await inbox(TOWN_OFFICIAL, hazard.caseRef)).toEqual([]);
    await completeOk(DEPARTMENT_OFFICIAL, closeOut.id, 'approve', '资料齐全，同意销号');
    const closed = await waitStatus(hazard.id, 'closed');
    expect(closed.closedAt).toEqual(expect.any(String));
    // The 销号 record names the signing authority, who signed and the opinion.
    expect((await hazardDetail(hazard.id)).closeout).toMatchObject({
      authority: { code: 'jiangjin.dept.yingji', name: expect.stringContaining('应急管理局') },
      approvedBy: { username: DEPARTMENT_OFFICIAL },
      comment: '资料齐全，同意销号',
    });
    expect(await waitWorkflowClosed(hazardWorkflowId(hazard.id))).toBe('COMPLETED');
  });

  it('the timeline tells the story once, in order, in readable Chinese', async () => {
    const events = await timeline(hazard.id, ENTERPRISE);
    expect(
      onlyTypes(events, [
        'hazard.registered',
        'plan.requested',
        'plan.submitted',
        'plan.returned',
        'plan.approved',
        'acceptance.applied',
        'acceptance.passed',
        'closeout.approved',
      ]),
    ).toEqual([
      'hazard.registered',
      'plan.requested',
      'plan.submitted',
      'plan.returned',
      'plan.submitted',
      'plan.approved',
      'acceptance.applied',
      'acceptance.passed',
      'closeout.approved',
    ]);
    expect(statusTrail(events)).toEqual([
      'planning',
      'plan_review',
      'planning',
      'plan_review',
      'rectifying',
      'acceptance_review',
      'closeout_review',
      'closed',
    ]);
    const byType = (type: string) => events.filter((e) => e.type === type);
    expect(byType('plan.returned')[0].summaryZh).toMatch(
      /^贾嗣镇 .+ 退回整改方案：应急预案未明确泄爆片更换期间的停产措施$/,
    );
    expect(byType('plan.approved')[0].summaryZh).toContain(`整改期限 ${shanghaiDate(60)}`);
    expect(byType('acceptance.passed')[0].summaryZh).toMatch(/^贾嗣镇 .+ 验收通过：现场核验，整改到位$/);
    expect(byType('closeout.approved')[0].summaryZh).toMatch(/应急管理局 .+ 同意销号，隐患闭环$/);
    expect(byType('closeout.approved')[0].actor).toEqual({
      username: DEPARTMENT_OFFICIAL,
      name: expect.any(String),
    });
    for (const e of events) {
      expect(e.summaryZh).toMatch(/[\u4e00-\u9fff]/);
      expect(e.summaryEn.length).toBeGreaterThan(0);
    }

    const stored = await eventRows(hazard.id);
    expect(new Set(stored.map((e) => e.event_key)).size).toBe(stored.length);
    expect(countByType(stored)).toMatchObject({
      'hazard.registered': 1,
      'plan.requested': 1,
      'plan.submitted': 2,
      'plan.returned': 1,
      'plan.approved': 1,
      'ledger.planApproved': 1,
      'acceptance.applied': 1,
      'dualReport.rectification': 1,
      'acceptance.passed': 1,
      'closeout.approved': 1,
      'status.changed': 8,
    });
  });

  it('each step opened one task, every task is closed, nothing is left in anyone’s inbox', async () => {
    const rows = await taskRows(hazard.id);
    expectOneTaskPerVisit(rows);
    expect(keysByStep(rows)).toEqual({
      submitPlan: ['submitPlan#1', 'submitPlan#2'],
      reviewPlan: ['reviewPlan#1', 'reviewPlan#2'],
      progressReport: ['progressReport#1'],
      applyAcceptance: ['applyAcceptance#1'],
      reviewAcceptance: ['reviewAcceptance#1'],
      approveCloseOut: ['approveCloseOut#1'],
    });
    expect(rows.filter((r) => r.status !== 'closed')).toEqual([]);
    const decided = rows
      .filter((r) => r.outcome === 'completed')
      .map((r) => [r.task_key, r.decision, r.completed_by]);
    expect(decided).toEqual([
      ['submitPlan#1', 'submit', ENTERPRISE],
      ['reviewPlan#1', 'return', TOWN_OFFICIAL],
      ['submitPlan#2', 'submit', ENTERPRISE],
      ['reviewPlan#2', 'approve', TOWN_OFFICIAL],
      ['applyAcceptance#1', 'apply', ENTERPRISE],
      ['reviewAcceptance#1', 'pass', TOWN_OFFICIAL],
      ['approveCloseOut#1', 'approve', DEPARTMENT_OFFICIAL],
    ]);
    // The progress report nobody filed closes with the stage.
    expect(rows.find((r) => r.step === 'progressReport')).toMatchObject({ outcome: 'cancelled' });
    expect(await duplicateNotifications(hazard.id)).toEqual([]);
    for (const user of [ENTERPRISE, TOWN_OFFICIAL, DEPARTMENT_OFFICIAL, DISTRICT_OFFICE]) {
      expect({ user, open: await inbox(user, hazard.caseRef) }).toEqual({ user, open: [] });
    }
  });
});

describe('延期 (extension requests): approved, then rejected', () => {
  let hazard: Hazard;
  const ext = () => `${HAZARDS}/${hazard.id}/extension-request`;

  beforeAll(async () => {
    hazard = track(await registerScaled(3000, '延期申请'));
    await toRectifying(hazard, shanghaiDate(20));
  });

  it('a request must move the deadline later', async () => {
    const res = await post(ENTERPRISE, ext(), { newDeadline: shanghaiDate(10), reason: '设备到货延迟' });
    fieldError(expectProblem(res, 400, 'VALIDATION_FAILED'), 'newDeadline');
  });

  it('the enterprise asks for 20 more days; a second request waits for the first (409)', async () => {
    const res = await post(ENTERPRISE, ext(), {
      newDeadline: shanghaiDate(40),
      reason: '隔爆阀进口件到货延迟',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'pending', reason: '隔爆阀进口件到货延迟' });
    const again = await post(ENTERPRISE, ext(), { newDeadline: shanghaiDate(45), reason: '再次申请' });
    const p = expectProblem(again, 409, 'CONFLICT');
    expect(p.messageZh).toContain('已有延期申请正在审批');
    expect(p.messageEn).toContain('already pending');
  });

  it('the town approves with an opinion: the deadline moves', async () => {
    const task = await waitTask(TOWN_OFFICIAL, hazard.caseRef, 'hazard.approveExtension');
    fieldError(
      expectProblem(await complete(TOWN_OFFICIAL, task.id, 'approve'), 400, 'VALIDATION_FAILED'),
      'comment',
    );
    await completeOk(TOWN_OFFICIAL, task.id, 'approve', '理由充分，同意延期');
    await waitEvent(hazard.id, 'extension.approved');
    const h = await hazardDetail(hazard.id);
    expect(new Date(h.rectificationDeadline!).getTime()).toBeGreaterThan(Date.now() + 35 * 86_400_000);
    // The refused second request is kept with the workflow's reason.
    expect(h.extensionRequests).toEqual([
      expect.objectContaining({
        status: 'approved',
        reason: '隔爆阀进口件到货延迟',
        decidedBy: { username: TOWN_OFFICIAL, name: expect.any(String) },
        decisionComment: expect.stringContaining('理由充分，同意延期'),
      }),
      expect.objectContaining({
        status: 'refused',
        rejectionReason: expect.stringContaining('已有延期申请正在审批'),
      }),
    ]);
    const approved = (await timeline(hazard.id)).find((e) => e.type === 'extension.approved')!;
    expect(approved.summaryZh).toMatch(
      new RegExp(`同意延期，整改期限延至 ${shanghaiDate(40)}：理由充分，同意延期$`),
    );
    expect(h.status).toBe('rectifying');
  });

  it('a second request is rejected with reasons: the deadline stays', async () => {
    const before = (await hazardDetail(hazard.id)).rectificationDeadline;
    const res = await post(ENTERPRISE, ext(), { newDeadline: shanghaiDate(60), reason: '资金未到位' });
    expect(res.status).toBe(201);
    const task = await waitTask(TOWN_OFFICIAL, hazard.caseRef, 'hazard.approveExtension');
    await completeOk(TOWN_OFFICIAL, task.id, 'reject', '资金问题不构成延期理由，请按期完成');
    await waitEvent(hazard.id, 'extension.rejected');
    const h = await hazardDetail(hazard.id);
    expect(h.rectificationDeadline).toBe(before);
    expect(h.extensionRequests.map((x: { status: string }) => x.status)).toEqual([
      'approved',
      'refused',
      'rejected',
    ]);
    expect(h.extensionRequests[2].decisionComment).toContain('请按期完成');
    expect(h.extensionRequests[2].decidedBy).toEqual({ username: TOWN_OFFICIAL, name: expect.any(String) });
  });

  it('closes normally; one task per request, events once', async () => {
    await acceptAndClose(hazard);
    const rows = await taskRows(hazard.id);
    expectOneTaskPerVisit(rows);
    expect(keysByStep(rows)['approveExtension']).toEqual(['approveExtension#1', 'approveExtension#2']);
    expect(countByType(await eventRows(hazard.id))).toMatchObject({
      'extension.requested': 2,
      'extension.approved': 1,
      'ledger.deadlineExtended': 1,
      'extension.rejected': 1,
    });
  });
});

describe('two officials complete the same task at once', () => {
  let hazard: Hazard;

  beforeAll(async () => {
    hazard = track(await registerScaled(3000, '并发办理'));
    expect((await submitPlan(hazard, shanghaiDate(30))).status).toBe(201);
  });

  it('exactly one succeeds; the other gets 409 naming who completed it, in both languages', async () => {
    const task = await waitTask(TOWN_OFFICIAL, hazard.caseRef, 'hazard.reviewPlan');
    await waitTask(DEPARTMENT_OFFICIAL, hazard.caseRef, 'hazard.reviewPlan');
    const attempts = [
      { user: TOWN_OFFICIAL, decision: 'approve', comment: '镇街审核同意' },
      { user: DEPARTMENT_OFFICIAL, decision: 'return', comment: '部门意见：补充监测措施' },
    ];
    const results = await Promise.all(attempts.map((a) => complete(a.user, task.id, a.decision, a.comment)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = attempts[results.findIndex((r) => r.status === 200)];
    const loser = results.find((r) => r.status === 409)!;
    const p = expectProblem(loser, 409, 'CONFLICT');
    expect(p.messageZh).toMatch(
      new RegExp(`已由 .+（${winner.user.replace('.', '\\.')}）于 \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} 办理`),
    );
    expect(p.messageEn).toMatch(
      new RegExp(`already completed by .+ \\(${winner.user.replace('.', '\\.')}\\) at \\d{4}-`),
    );
    expect(p.messageZh).not.toEqual(p.messageEn);

    // One completion in the task engine, one decision in the workflow.
    const row = (await taskRows(hazard.id)).find((r) => r.id === task.id)!;
    expect(row).toMatchObject({ status: 'closed', decision: winner.decision, completed_by: winner.user });
    const completions = await withDb(
      async (db) =>
        // A 退回 is recorded as `returned`, any other decision as `completed`.
        (
          await db.query(
            `SELECT actor FROM tasks.task_history WHERE task_id = $1 AND action IN ('completed', 'returned')`,
            [task.id],
          )
        ).rows,
    );
    expect(completions).toEqual([{ actor: winner.user }]);
    const type = winner.decision === 'approve' ? 'plan.approved' : 'plan.returned';
    await waitEvent(hazard.id, type);
    const counts = countByType(await eventRows(hazard.id));
    expect([counts['plan.approved'] ?? 0, counts['plan.returned'] ?? 0].sort()).toEqual([0, 1]);
  });
});

describe('jurisdiction: another town and another enterprise see nothing of the case', () => {
  let hazard: Hazard;
  let submitTaskId: string;
  let reviewTaskId: string;

  beforeAll(async () => {
    hazard = track(await registerScaled(3000, '辖区隔离'));
    submitTaskId = (await waitTask(ENTERPRISE, hazard.caseRef, 'hazard.submitPlan')).id;
    expect((await submitPlan(hazard, shanghaiDate(30))).status).toBe(201);
    reviewTaskId = (await waitTask(TOWN_OFFICIAL, hazard.caseRef, 'hazard.reviewPlan')).id;
  });

  it('the town and the enterprise of the case can read it (control)', async () => {
    expect((await hazardAs(TOWN_OFFICIAL, hazard.id)).status).toBe(200);
    expect((await hazardAs(ENTERPRISE, hazard.id)).status).toBe(200);
    expect((await as(TOWN_OFFICIAL, `/api/tasks/tasks/${reviewTaskId}`)).status).toBe(200);
    expect((await as(ENTERPRISE, `/api/tasks/tasks/${submitTaskId}`)).status).toBe(200);
  });

  it.each([OTHER_TOWN_OFFICIAL, OTHER_ENTERPRISE])(
    '%s gets 403 on the hazard and its tasks',
    async (user) => {
      expectProblem(await hazardAs(user, hazard.id), 403, 'OUT_OF_JURISDICTION');
      expectProblem(await as(user, `${HAZARDS}/${hazard.id}/timeline`), 403, 'OUT_OF_JURISDICTION');
      for (const id of [submitTaskId, reviewTaskId]) {
        expectProblem(await as(user, `/api/tasks/tasks/${id}`), 403, 'OUT_OF_JURISDICTION');
        expectProblem(await as(user, `/api/tasks/tasks/${id}/history`), 403, 'OUT_OF_JURISDICTION');
      }
      expectProblem(await post(user, `/api/tasks/tasks/${reviewTaskId}/claim`), 403, 'OUT_OF_JURISDICTION');
      const res = await complete(user, reviewTaskId, 'approve', '越权办理');
      const p = expectProblem(res, 403, 'OUT_OF_JURISDICTION');
      expect(JSON.stringify(p)).not.toContain(hazard.title);
    },
  );

  it('another enterprise cannot submit for the hazard', async () => {
    const res = await post(OTHER_ENTERPRISE, `${HAZARDS}/${hazard.id}/plan`, planBody(shanghaiDate(30)));
    expectProblem(res, 403, 'OUT_OF_JURISDICTION');
  });

  it.each([OTHER_TOWN_OFFICIAL, OTHER_ENTERPRISE])(
    '%s’s inbox and hazard list leave the case out',
    async (user) => {
      for (const view of ['groups', 'mine']) {
        for (const status of ['active', 'closed']) {
          expect({ view, status, tasks: await inbox(user, hazard.caseRef, { view, status }) }).toEqual({
            view,
            status,
            tasks: [],
          });
        }
      }
      const list = await as(user, `${HAZARDS}?perPage=100&q=${encodeURIComponent(hazard.caseRef)}`);
      expect(list.status).toBe(200);
      expect(list.body.data).toEqual([]);
      // The review is still open and untouched.
      expect((await inbox(TOWN_OFFICIAL, hazard.caseRef)).map((t) => t.id)).toEqual([reviewTaskId]);
    },
  );
});

describe('overdue → escalation ladder → 挂牌督办 → 摘牌 → 销号', () => {
  let hazard: Hazard;
  let listingId: string;

  beforeAll(async () => {
    hazard = await escalation;
  }, 60_000);

  it('the deadline passes: the hazard is overdue', async () => {
    const overdue = await waitEvent(hazard.id, 'rectification.overdue', 60_000);
    expect(overdue.summaryZh).toBe(`整改期限 ${shanghaiDate(0)} 已过，隐患逾期未完成整改`);
    // The workflow's clock is scaled: the calendar deadline (end of today) is still ahead, but the ledger
    // flags the hazard overdue because the workflow says so.
    expect(await hazardDetail(hazard.id)).toMatchObject({ status: 'overdue', overdue: true });
    expect(statusTrail(await timeline(hazard.id))).toEqual([
      'planning',
      'plan_review',
      'rectifying',
      'overdue',
    ]);
  });

  it('each rung opens its task for the town (函告) or the district office (通报, 约谈, 曝光)', async () => {
    const rungs = [
      ['hazard.issueLetter', TOWN_OFFICIAL, '已向企业发出督促整改函'],
      ['hazard.circulate', DISTRICT_OFFICE, '已在全区通报'],
      ['hazard.summon', DISTRICT_OFFICE, '已约谈企业主要负责人'],
      ['hazard.expose', DISTRICT_OFFICE, '已在区政府网站曝光'],
    ] as const;
    for (const [type, user, comment] of rungs) {
      const task = await waitTask(user, hazard.caseRef, type, 120_000);
      expect(await inbox(OTHER_TOWN_OFFICIAL, hazard.caseRef, { type })).toEqual([]);
      const detail = await as(user, `/api/tasks/tasks/${task.id}`);
      expect(detail.body.candidates).toEqual([
        { role: 'official', orgUnitCode: user === TOWN_OFFICIAL ? 'jiangjin.jiasi' : DISTRICT_OFFICE_CODE },
      ]);
      fieldError(expectProblem(await complete(user, task.id, 'done'), 400, 'VALIDATION_FAILED'), 'comment');
      await completeOk(user, task.id, 'done', comment);
    }
    await waitEvent(hazard.id, 'escalation.exposure.done');
    const events = await timeline(hazard.id);
    for (const [rung, name] of [
      ['letter', '函告'],
      ['circular', '通报'],
      ['summons', '约谈'],
      ['exposure', '曝光'],
    ]) {
      expect(events.find((e) => e.type === `escalation.${rung}`)?.summaryZh).toContain(
        `逾期隐患升级督办：${name}`,
      );
      expect(events.find((e) => e.type === `escalation.${rung}.done`)?.summaryZh).toContain(`已${name}`);
    }
  }, 150_000);

  it('the top rung starts 挂牌督办; the district office approves the listing', async () => {
    const task = await waitTask(DISTRICT_OFFICE, hazard.caseRef, 'listing.approveListing', 120_000);
    expect(await inbox(TOWN_OFFICIAL, hazard.caseRef, { type: 'listing.approveListing' })).toEqual([]);
    const detail = await hazardDetail(hazard.id);
    expect(detail.listings).toHaveLength(1);
    listingId = detail.listings[0].id;
    expect(detail.listings[0]).toMatchObject({ status: 'proposed' });
    const rows = await taskRows(hazard.id);
    expect(rows.find((r) => r.id === task.id)?.workflow_id).toBe(listingWorkflowId(listingId));
    await completeOk(DISTRICT_OFFICE, task.id, 'approve', '同意挂牌督办，下达督办通知书', {
      noticeDeadlineAt: isoInDays(30),
    });
    await waitStatus(hazard.id, 'listed');
    const board = await as(DISTRICT_OFFICE, `${LISTINGS}?q=${encodeURIComponent(hazard.caseRef)}`);
    expect(board.status).toBe(200);
    expect(board.body.data).toEqual([
      expect.objectContaining({
        id: listingId,
        hazardId: hazard.id,
        status: 'listed',
        overdue: false,
        authority: { code: DISTRICT_OFFICE_CODE, name: expect.any(String) },
      }),
    ]);
    expect(board.body.data[0].noticeDeadlineAt).toEqual(expect.any(String));
  }, 150_000);

  it('the enterprise applies for delisting; the office verifies on site and delists', async () => {
    const apply = await waitTask(ENTERPRISE, hazard.caseRef, 'listing.applyDelisting');
    await completeOk(ENTERPRISE, apply.id, 'apply', '整改已完成，申请摘牌');
    const review = await waitTask(DISTRICT_OFFICE, hazard.caseRef, 'listing.delistingReview');
    await completeOk(DISTRICT_OFFICE, review.id, 'pass', '现场核查整改到位');
    const approve = await waitTask(DISTRICT_OFFICE, hazard.caseRef, 'listing.approveDelisting');
    await completeOk(DISTRICT_OFFICE, approve.id, 'approve', '同意摘牌销号');
    expect(await waitWorkflowClosed(listingWorkflowId(listingId))).toBe('COMPLETED');
    await waitEvent(hazard.id, 'listing.closed');
    // Still overdue and not yet accepted: no longer under 挂牌督办.
    await waitStatus(hazard.id, 'overdue');
    const board = await as(DISTRICT_OFFICE, `${LISTINGS}/${listingId}`);
    expect(board.status).toBe(200);
    expect(board.body).toMatchObject({ status: 'delisted', overdue: false });
    expect(board.body.delistedAt).toEqual(expect.any(String));
    expect(board.body.publicAnnouncementAt).toEqual(expect.any(String));
    expect(board.body.publicAnnouncementText).toContain(hazard.caseRef);
    const list = await as(
      DISTRICT_OFFICE,
      `${LISTINGS}?status=delisted&q=${encodeURIComponent(hazard.caseRef)}`,
    );
    expect(list.body.data.map((l: { id: string }) => l.id)).toEqual([listingId]);
  });

  it('acceptance and 销号 close the hazard', async () => {
    await acceptAndClose(hazard);
    expect(await waitWorkflowClosed(hazardWorkflowId(hazard.id))).toBe('COMPLETED');
  });

  it('the timeline records the whole climb once, in order', async () => {
    const events = await timeline(hazard.id);
    const story = [
      'plan.approved',
      'rectification.overdue',
      'escalation.letter',
      'escalation.circular',
      'escalation.summons',
      'escalation.exposure',
      'escalation.listing',
      'listing.proposed',
      'listing.listed',
      'listing.delistingApplied',
      'listing.reviewPassed',
      'listing.delisted',
      'listing.announced',
      'listing.closed',
      'acceptance.applied',
      'acceptance.passed',
      'closeout.approved',
    ];
    expect(onlyTypes(events, story)).toEqual(story);
    expect(statusTrail(events)).toEqual([
      'planning',
      'plan_review',
      'rectifying',
      'overdue',
      'listed',
      'overdue',
      'acceptance_review',
      'closeout_review',
      'closed',
    ]);
    const stored = await eventRows(hazard.id);
    const counts = countByType(stored);
    for (const type of [
      ...story.filter((t) => t !== 'plan.approved'),
      'escalation.letter.done',
      'ledger.listingCreated',
    ])
      expect({ type, n: counts[type] }).toEqual({ type, n: 1 });
    expect(new Set(stored.map((e) => e.event_key)).size).toBe(stored.length);
    const listed = events.find((e) => e.type === 'listing.listed')!;
    expect(listed.summaryZh).toContain('同意挂牌督办，下达督办通知书');
    expect(listed.actor?.username).toBe(DISTRICT_OFFICE);

    const rows = await taskRows(hazard.id);
    expectOneTaskPerVisit(rows);
    const keys = keysByStep(rows);
    for (const step of ['issueLetter', 'circulate', 'summon', 'expose', 'approveListing', 'applyDelisting'])
      expect({ step, keys: keys[step] }).toEqual({ step, keys: [`${step}#1`] });
    expect(rows.filter((r) => r.status !== 'closed')).toEqual([]);
    expect(await duplicateNotifications(hazard.id)).toEqual([]);
  });
});
