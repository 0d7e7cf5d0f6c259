import { describe, expect, it } from '@jest/globals';
import type { RewardDto } from '@zhiben/contracts';
import { checkTipStep, currentTipSteps, emptyTipStepValues, stepsFor, toTipStepInput } from './tipForms';
import type { Tip } from './types';

const tip: Tip = {
  id: 't1',
  ref: 'JB-2026-000001',
  kind: 'hazard',
  status: 'received',
  channel: 'web',
  reporterId: 'R-7KQ2',
  anonymous: true,
  receivedAt: '2026-09-01T01:00:00Z',
  receivingUnit: { code: 'jiangjin.yingji', name: '区应急管理局' },
  town: null,
  enterprise: { creditCode: '91500116MA5U7KJ200', name: '重庆贾嗣精工机械有限公司' },
  location: '德感工业园 3 号厂房',
  description: '…',
  photos: [],
  acceptance: null,
  acceptanceDueAt: '2026-09-08T01:00:00Z',
  verification: null,
  followUp: null,
  feedback: null,
  disputes: [],
  reward: null,
  closedAt: null,
  rulesVersion: 1,
  workflow: { id: 'tip-t1', started: true },
  version: 1,
};
const verifying: Tip = {
  ...tip,
  status: 'verifying',
  verification: {
    dueAt: '2026-10-31T01:00:00Z',
    extension: null,
    overdue: false,
    outcome: null,
    verifiedAt: null,
    summary: null,
    firstReporter: null,
    duplicateOfTipId: null,
  },
};
const paths = (issues: { path: string }[]) => issues.map((issue) => issue.path);

describe('which step a tip is at', () => {
  it('follows the status when the workflow’s tasks are not served', () => {
    expect(currentTipSteps(tip)).toEqual(['decideAcceptance']);
    expect(currentTipSteps(verifying)).toEqual(['verify', 'requestExtension']);
    expect(currentTipSteps({ ...tip, status: 'rewardAssessment' })).toEqual(['approveReward']);
    expect(
      currentTipSteps({
        ...verifying,
        status: 'verified',
        verification: { ...verifying.verification!, outcome: 'substantiated' },
        feedback: { dueAt: '2026-10-01T00:00:00Z', sentAt: null, overdue: false, messageZh: null },
        reward: { status: 'awaitingFine' } as RewardDto,
      }),
    ).toEqual(['feedback', 'recordFine']);
  });

  it('prefers the open tasks when served, and offers each step only to its role', () => {
    const withTasks: Tip = {
      ...verifying,
      openTasks: [{ taskKey: 'verify#1', step: 'verify', decisions: [] }],
    };
    expect(currentTipSteps(withTasks)).toEqual(['verify', 'requestExtension']);
    expect(stepsFor({ ...tip, status: 'rewardAssessment' }, ['tip-handler'])).toEqual([]);
    expect(stepsFor({ ...tip, status: 'rewardAssessment' }, ['leader'])).toEqual(['approveReward']);
    expect(stepsFor(tip, ['enterprise'])).toEqual([]);
  });
});

describe('the step forms', () => {
  it('needs a reason to refuse or forward, and the department forwarded to', () => {
    const values = { ...emptyTipStepValues('decideAcceptance', tip), decision: 'forward' };
    expect(paths(checkTipStep('decideAcceptance', values, tip))).toEqual(['comment', 'forwardToName']);
    expect(checkTipStep('decideAcceptance', { ...values, decision: 'accept' }, tip)).toEqual([]);
    const body = toTipStepInput(
      'decideAcceptance',
      {
        ...values,
        comment: '属住建部门职责',
        forwardToName: '区住房城乡建委',
        forwardToCode: 'jiangjin.zjw',
      },
      tip,
    );
    expect(body).toEqual({
      decision: 'forward',
      comment: '属住建部门职责',
      data: {
        reason: '属住建部门职责',
        forwardTo: { code: 'jiangjin.zjw', name: '区住房城乡建委', external: true },
      },
    });
  });

  it('verifies a hazard tip into a hazard draft (the handler’s words, never the report’s)', () => {
    const values = {
      ...emptyTipStepValues('verify', verifying),
      decision: 'substantiated',
      summary: '现场核查属实：喷涂车间可燃气体报警器断电。',
      fineYuan: '100,000',
      penaltyDecisionNo: '(津)应急罚〔2026〕12号',
      hazardTitle: '喷涂车间可燃气体报警器未投用',
      hazardDescription: '报警器断电，未与通风联锁。',
      foundOn: '2026-09-10',
      catalogueId: 'gongmao-2023',
      clauseId: '4.2',
    };
    expect(checkTipStep('verify', values, verifying)).toEqual([]);
    expect(toTipStepInput('verify', values, verifying)).toEqual({
      decision: 'substantiated',
      data: {
        outcome: 'substantiated',
        summary: values.summary,
        firstReporter: true,
        duplicateOfTipId: null,
        fineYuan: 100000,
        penaltyDecisionNo: values.penaltyDecisionNo,
        hazardGrade: 'major',
        followUp: {
          kind: 'hazard',
          hazard: {
            enterpriseCreditCode: '91500116MA5U7KJ200',
            grade: 'major',
            title: values.hazardTitle,
            description: values.hazardDescription,
            location: '德感工业园 3 号厂房',
            foundOn: '2026-09-10',
            standard: { catalogueId: 'gongmao-2023', clauseId: '4.2' },
          },
        },
      },
    });
    // A fine not decided yet is sent as null (recorded later).
    expect(toTipStepInput('verify', { ...values, fineYuan: '' }, verifying).data?.fineYuan).toBeNull();
    expect(
      paths(checkTipStep('verify', { ...values, fineYuan: '1.5万', enterpriseCreditCode: 'X' }, verifying)),
    ).toEqual(['fineYuan', 'enterpriseCreditCode']);
  });

  it('asks for the concealed deaths and the accident grade on a concealed-accident tip', () => {
    const accident: Tip = { ...verifying, kind: 'concealedAccident' };
    const values = {
      ...emptyTipStepValues('verify', accident),
      decision: 'substantiated',
      summary: '瞒报属实',
    };
    expect(paths(checkTipStep('verify', values, accident))).toEqual(['concealedDeaths', 'accidentGrade']);
    const body = toTipStepInput(
      'verify',
      { ...values, concealedDeaths: '3', accidentGrade: 'larger' },
      accident,
    );
    expect(body.data).toMatchObject({
      concealedDeaths: 3,
      accidentGrade: 'larger',
      followUp: { kind: 'none' },
    });
    expect(body.data).not.toHaveProperty('fineYuan');
  });

  it('needs the reason for an extension, the message for feedback, the fine and decision number', () => {
    expect(
      paths(checkTipStep('requestExtension', emptyTipStepValues('requestExtension', verifying), verifying)),
    ).toEqual(['comment']);
    expect(
      paths(
        checkTipStep('feedback', { ...emptyTipStepValues('feedback', verifying), channels: [] }, verifying),
      ),
    ).toEqual(['messageZh', 'channels']);
    const fine = {
      ...emptyTipStepValues('recordFine', verifying),
      fineYuan: '3000000',
      penaltyDecisionNo: '罚〔2026〕3号',
    };
    expect(checkTipStep('recordFine', fine, verifying)).toEqual([]);
    expect(toTipStepInput('recordFine', fine, verifying).data).toEqual({
      fineYuan: 3_000_000,
      penaltyDecisionNo: '罚〔2026〕3号',
    });
    expect(paths(checkTipStep('recordFine', { ...fine, fineYuan: '' }, verifying))).toEqual(['fineYuan']);
  });

  it('approves exactly the computed reward; a rejection needs its reason', () => {
    const assessed: Tip = {
      ...tip,
      status: 'rewardAssessment',
      reward: { status: 'assessed', computation: { amountYuan: 15000 } } as RewardDto,
    };
    const values = { ...emptyTipStepValues('approveReward', assessed), decision: 'approve' };
    expect(toTipStepInput('approveReward', values, assessed)).toEqual({
      decision: 'approve',
      data: { amountYuan: 15000 },
    });
    expect(paths(checkTipStep('approveReward', { ...values, decision: 'reject' }, assessed))).toEqual([
      'comment',
    ]);
  });
});
