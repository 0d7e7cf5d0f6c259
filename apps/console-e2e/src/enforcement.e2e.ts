import type { Browser } from 'playwright-core';
import { EnforcementPage } from './pages/enforcement.page';
import { TaskPage } from './pages/task.page';
import { BASE_URL, launchBrowser, signIn, step, type Session } from './support/browser';
import { ZhibenApi, eventually } from './support/zhiben-api';

/**
 * Issue 5, "done when": the enforcement closed loop and 行刑衔接 in the console.
 *
 * 区应急管理局's inspector (inspector.yingji) records a 四不两直 inspection of 重庆贾嗣精工机械有限公司 in the
 * browser: the checklist from the 工贸 判定标准, one violation with its 责令限期整改 deadline and a photo, the
 * 两个必查 and the signature; the finding becomes a hazard. He opens the penalty case (立案查处) from the
 * inspection. The case's human steps up to 送达 are decided through the API (the inbox's decision form is
 * covered by the other browser tests), and the case page shows the stage, the 送达 clock and the timeline.
 * The refused rectification becomes a referral (created through the API for the case, as the workflow
 * proposes one); the inspector prepares the package in the browser: a submission with a document missing
 * is refused with the server's 400 naming it, the fifth document is uploaded and the package submitted; the
 * agency head approves in 我的待办 within the clock; the liaison records the transfer, the police receipt
 * and the decision to register on the referral page; every deadline shows met, and the board lists the
 * referral with its clocks.
 *
 * Runs against the full stack (`npm test`, or `ZHIBEN_BASE_URL` pointing at `npm start`).
 */

jest.setTimeout(15 * 60_000);

const INSPECTOR = 'inspector.yingji';
const SECOND_INSPECTOR = { username: 'inspector2.yingji', name: '孙敏' };
/** 区应急管理局: its head (立案, 决定, 移送审批) and its legal reviewer (法制审核). */
const DEPT_HEAD = 'leader.yingji';
const LEGAL_REVIEWER = 'official.yingji';
const ENTERPRISE_USER = 'enterprise.jiasi';
const ENTERPRISE = { search: '贾嗣精工', creditCode: '91500116MA5U7KJ200' };
/** Who may take the head's decision and the liaison's steps: the test follows the task to its inbox. */
const HEAD_CANDIDATES = [DEPT_HEAD];

/** Beijing civil date `days` from now (YYYY-MM-DD). */
const beijingDate = (days: number): string =>
  new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
/** `datetime-local` value, Beijing time, `minutes` from now. */
const beijingLocal = (minutes: number): string =>
  new Date(Date.now() + 8 * 3_600_000 + minutes * 60_000).toISOString().slice(0, 16);

interface CaseView {
  id: string;
  caseNo: string;
  stage: string;
  workflow: { id: string; started: boolean };
}
interface ReferralView {
  id: string;
  referralNo: string;
  stage: string;
  suspectedCrime: string;
  missingDocuments: string[];
  deadlines: { kind: string; metAt: string | null; breachedAt: string | null }[];
}

describe('enforcement in the console: inspection, penalty case, referral with its clocks, board', () => {
  const api = new ZhibenApi();
  const stamp = Date.now().toString(36);
  let browser: Browser;
  const sessions = new Map<string, Session>();

  const as = async (username: string): Promise<Session> => {
    let session = sessions.get(username);
    if (!session) {
      session = await signIn(browser, username);
      sessions.set(username, session);
    }
    return session;
  };

  /** Decides an open case step through the API (POST /api/enforcement/cases/:id/steps/:step). */
  const decideCase = async (
    caseId: string,
    stepName: string,
    decision: string,
    data: object = {},
    user = INSPECTOR,
  ) => {
    await eventually(`the case step ${stepName}`, async () => {
      await api.request(user, 'POST', `/api/enforcement/cases/${caseId}/steps/${stepName}`, {
        decision,
        comment: `E2E ${stepName}`,
        data,
      });
      return true;
    });
  };

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const session of sessions.values()) await session.context.close().catch(() => undefined);
    await browser?.close();
  });

  it('runs from an inspection to a referral registered by the police', async () => {
    const inspector = await as(INSPECTOR);
    const enforcement = new EnforcementPage(inspector.page, BASE_URL);

    // ── 执法检查 ────────────────────────────────────────────────────────────────────────────────
    let inspectionId = '';
    await step(
      inspector.page,
      'the inspector creates a 四不两直 inspection with two inspectors',
      async () => {
        inspectionId = await enforcement.createInspection({
          kind: 'unannounced',
          enterpriseSearch: ENTERPRISE.search,
          secondInspector: SECOND_INSPECTOR,
        });
      },
    );

    await step(inspector.page, 'an unsigned record without 两个必查 is refused on the client', async () => {
      await inspector.page.getByTestId('inspection-record-submit').click();
      await inspector.page.getByText('“两个必查”为必查事项').first().waitFor();
    });

    await step(inspector.page, 'he records the checklist, the finding with a photo, and signs', async () => {
      await enforcement.recordInspection({
        catalogueTitle: /工贸企业重大事故隐患判定标准/,
        rectifyBy: beijingDate(10),
        description: `E2E 执法 ${stamp}：除尘系统未按规定设置泄爆装置`,
      });
      expect(await enforcement.inspectionStatus()).toMatch(/recorded|caseOpened/);
      // The second inspector signs too (谁检查、谁签名): a case is filed only from a fully signed record.
      await api.request(
        SECOND_INSPECTOR.username,
        'POST',
        `/api/enforcement/inspections/${inspectionId}/sign`,
        {},
      );
    });

    await step(inspector.page, 'the finding became a hazard (source 执法检查)', async () => {
      await eventually('the hazard link', async () => {
        await enforcement.openInspection(inspectionId);
        return (await inspector.page.getByTestId('finding-hazard-link').count()) > 0 ? true : undefined;
      });
    });

    // ── 行政处罚案件 ───────────────────────────────────────────────────────────────────────────────
    let caseId = '';
    await step(inspector.page, 'he opens the penalty case from the inspection', async () => {
      caseId = await enforcement.openCase(`E2E 处罚 ${stamp}`);
      expect(await enforcement.caseStage()).toBe('filing');
    });

    await step(undefined, 'the case runs to 送达 (decisions through the API)', async () => {
      const decidedAt = new Date().toISOString();
      await decideCase(caseId, 'approveFiling', 'file', {}, DEPT_HEAD);
      await decideCase(caseId, 'investigate', 'submit', {
        summary: '现场检查发现除尘系统未设泄爆装置。',
        legalBasis: '《安全生产法》第一百零二条',
        parties: [
          { kind: 'unit', name: '重庆贾嗣精工机械有限公司', fineYuan: 50_000 },
          { kind: 'principal', name: '吴海波', fineYuan: 8_000 },
        ],
      });
      await decideCase(caseId, 'legalReview', 'pass', {}, LEGAL_REVIEWER);
      await decideCase(caseId, 'respondToNotice', 'waive', {}, ENTERPRISE_USER);
      await decideCase(
        caseId,
        'decide',
        'penalize',
        {
          decidedAt,
          parties: [
            { kind: 'unit', name: '重庆贾嗣精工机械有限公司', fineYuan: 50_000 },
            { kind: 'principal', name: '吴海波', fineYuan: 8_000 },
          ],
        },
        DEPT_HEAD,
      );
      await eventually(
        'the case at 送达',
        async () => {
          const kase = await api.request<CaseView>(INSPECTOR, 'GET', `/api/enforcement/cases/${caseId}`);
          return kase.stage === 'serving' ? kase : undefined;
        },
        120_000,
        2_000,
      );
    });

    await step(
      inspector.page,
      'the case page shows 送达 with its 7-day clock, the parties and the timeline',
      async () => {
        await enforcement.openCasePage(caseId);
        expect(await enforcement.caseStage()).toBe('serving');
        await inspector.page.getByTestId('case-parties').waitFor();
        expect(await inspector.page.getByTestId('case-total-fine').innerText()).toContain('58,000');
        const clock = inspector.page.locator('[data-testid="deadline-clock"][data-kind="service"]');
        expect(await clock.getAttribute('data-state')).toMatch(/running|dueSoon/);
        await enforcement.caseTimeline().waitFor();
      },
    );

    // ── 行刑衔接 ─────────────────────────────────────────────────────────────────────────────────
    let referral!: ReferralView;
    await step(undefined, 'the refused rectification becomes a referral', async () => {
      const now = () => new Date().toISOString();
      await decideCase(caseId, 'serve', 'served', { servedAt: now(), method: 'direct' });
      await decideCase(caseId, 'recordExecution', 'paid', { at: now() });
      await eventually('the 整改复查 application', async () => {
        await api.request(
          ENTERPRISE_USER,
          'POST',
          `/api/enforcement/cases/${caseId}/reinspection-application`,
          {
            note: '已整改，申请复查',
          },
        );
        return true;
      });
      // The re-inspection finds the 重大事故隐患 unrectified: the workflow flags 危险作业罪 and asks the head.
      await decideCase(caseId, 'reinspect', 'failed', {
        opinion: '除尘系统仍未设泄爆装置，企业拒不整改。',
        inspectedAt: now(),
        reviewers: ['赵磊', '孙敏'],
        unitSigned: true,
        refusedToRectify: true,
      });
      await decideCase(caseId, 'proposeReferral', 'refer', { suspects: 1 }, DEPT_HEAD);
      const referralId = await eventually(
        'the referral the case opened',
        async () => {
          const kase = await api.request<
            CaseView & { referralId: string | null; suspectedCrime: string | null }
          >(INSPECTOR, 'GET', `/api/enforcement/cases/${caseId}`);
          return kase.referralId ?? undefined;
        },
        60_000,
        1_000,
      );
      referral = await api.request<ReferralView>(
        INSPECTOR,
        'GET',
        `/api/enforcement/referrals/${referralId}`,
      );
      expect(referral.suspectedCrime).toBe('dangerousOperation');
      expect(referral.missingDocuments).toHaveLength(5);
    });

    await step(inspector.page, 'a package with a document missing is refused, naming it', async () => {
      await enforcement.openReferral(referral.id);
      for (const kind of ['transferLetter', 'investigationReport', 'itemList', 'otherMaterial']) {
        await enforcement.uploadDocument(kind);
      }
      await enforcement.fillOfficer(1, SECOND_INSPECTOR.username, SECOND_INSPECTOR.name);
      await enforcement.submitPackage();
      await enforcement.submitErrors().first().waitFor();
      expect(await inspector.page.getByTestId('referral-submit-errors').innerText()).toContain(
        '检验报告或鉴定意见',
      );
      expect(
        await inspector.page
          .locator('[data-testid="referral-document"][data-kind="inspectionReport"]')
          .getAttribute('data-state'),
      ).toBe('missing');
    });

    await step(
      inspector.page,
      'with the fifth document the package is submitted and the head’s clock runs',
      async () => {
        await enforcement.uploadDocument('inspectionReport');
        await enforcement.submitPackage();
        await eventually('the head decision stage', async () => {
          await enforcement.openReferral(referral.id);
          return (await enforcement.referralStage()) === 'headDecision' ? true : undefined;
        });
        expect(await enforcement.clockState('headDecision')).toMatch(/running|dueSoon/);
      },
    );

    let head = '';
    await step(undefined, 'the head decision lands in an inbox', async () => {
      head = await eventually(
        'the headDecision task',
        async () => {
          for (const username of HEAD_CANDIDATES) {
            const tasks = await api.inbox(username, 'groups', referral.referralNo).catch(() => []);
            if (tasks.some((task) => task.step === 'headDecision')) return username;
          }
          return undefined;
        },
        90_000,
        2_000,
      );
    });

    const headSession = await as(head);
    await step(headSession.page, 'the head approves the referral in 我的待办, within the clock', async () => {
      const [task] = (await api.inbox(head, 'groups', referral.referralNo)).filter(
        (t) => t.step === 'headDecision',
      );
      await headSession.page.goto(`${BASE_URL}/#/tasks/${task.id}`, { waitUntil: 'domcontentloaded' });
      await headSession.page.getByTestId('task-page').waitFor();
      await headSession.page.getByTestId('referral-case-context').waitFor();
      await new TaskPage(headSession.page)
        .decide('approve', '证据确实充分，同意移送公安机关。', {
          decidedAt: beijingLocal(0),
        })
        .catch(async () => {
          // A step without a decidedAt field: decide with the opinion alone.
          await new TaskPage(headSession.page).decide('approve', '证据确实充分，同意移送公安机关。');
        });
    });

    await step(
      inspector.page,
      'the liaison records the transfer, the receipt and the police decision',
      async () => {
        await eventually('the transferring stage', async () => {
          await enforcement.openReferral(referral.id);
          return (await enforcement.referralStage()) === 'transferring' ? true : undefined;
        });
        expect(await enforcement.clockState('headDecision')).toBe('met');
        await enforcement.recordLiaison('transfer', /已移送/, {
          transferredAt: beijingLocal(0),
          policeUnit: '重庆市公安局江津区分局',
        });
        await enforcement.openReferral(referral.id);
        await enforcement.recordLiaison('recordReceipt', /已签收/, {
          receivedAt: beijingLocal(0),
          receiptNo: `JJGA-${stamp}`,
        });
        await enforcement.openReferral(referral.id);
        await enforcement.recordLiaison('recordPoliceDecision', /决定立案/, { decidedAt: beijingLocal(0) });
        await eventually('the police decision recorded', async () => {
          await enforcement.openReferral(referral.id);
          const stage = await enforcement.referralStage();
          return stage === 'awaitingNotice' || stage === 'handover' ? stage : undefined;
        });
        for (const kind of ['headDecision', 'transfer', 'policeDecision']) {
          expect(await enforcement.clockState(kind)).toBe('met');
        }
        expect(await inspector.page.getByTestId('referral-timeline').innerText()).toContain('立案');
      },
    );

    await step(inspector.page, 'the board shows the referral with every deadline met', async () => {
      await enforcement.openBoard();
      const card = enforcement.boardCard(referral.id);
      await card.waitFor();
      expect(await card.getAttribute('data-overdue')).toBe('false');
      for (const kind of ['headDecision', 'transfer', 'policeDecision']) {
        expect(await card.getByTestId(`board-clock-${kind}`).getAttribute('data-state')).toBe('met');
      }
    });

    await step(undefined, 'the server agrees: no deadline breached', async () => {
      const current = await api.request<ReferralView>(
        INSPECTOR,
        'GET',
        `/api/enforcement/referrals/${referral.id}`,
      );
      expect(current.deadlines.filter((d) => d.breachedAt)).toEqual([]);
    });
  });
});
