import { describe, expect, it } from '@jest/globals';
import type { ProblemErrorBody } from '../../providers/problem';
import {
  checkLiaison,
  checkPackage,
  currentLiaisonStep,
  earliestFor,
  problemFieldMessages,
  toLiaisonInput,
} from './referralForms';
import type { Referral } from './types';

const now = Date.parse('2026-03-06T04:00:00Z');

const referral = (patch: Partial<Referral> = {}): Referral =>
  ({
    id: 'r1',
    stage: 'policeReview',
    reportedAt: '2026-03-02T01:00:00Z',
    headDecision: {
      decision: 'approve',
      at: '2026-03-03T01:00:00Z',
      by: { username: 'leader.jj', name: '张局' },
      reasons: null,
    },
    transfer: {
      at: '2026-03-03T08:00:00Z',
      policeUnit: '江津区公安局',
      receivedAt: '2026-03-03T09:00:00Z',
      receiptNo: 'R-1',
    },
    police: null,
    reconsideration: null,
    procuratorate: null,
    handedOverAt: null,
    outcome: null,
    deadlines: [],
    documents: [],
    missingDocuments: [],
    ...patch,
  }) as unknown as Referral;

describe('the liaison form', () => {
  it('offers the step the referral waits for', () => {
    expect(currentLiaisonStep(referral({ stage: 'transferring' }))).toBe('transfer');
    expect(currentLiaisonStep(referral({ stage: 'policeReview' }))).toBe('recordPoliceDecision');
    expect(currentLiaisonStep(referral({ stage: 'awaitingNotice' }))).toBe('recordPoliceNotice');
    expect(currentLiaisonStep(referral({ stage: 'procuratorate' }))).toBe('requestProcuratorate');
    expect(
      currentLiaisonStep(
        referral({
          stage: 'procuratorate',
          procuratorate: { requestedAt: '2026-03-05T00:00:00Z', outcome: null, at: null },
        }),
      ),
    ).toBe('recordProcuratorateOutcome');
    expect(currentLiaisonStep(referral({ stage: 'headDecision' }))).toBeNull();
    expect(currentLiaisonStep(referral({ stage: 'closed' }))).toBeNull();
  });

  it('a police decision may not precede the receipt it answers', () => {
    expect(earliestFor('recordPoliceDecision', referral())).toBe('2026-03-03T09:00:00Z');
    const early = checkLiaison(
      'recordPoliceDecision',
      { decision: 'registered', data: { decidedAt: '2026-03-03T16:00' } }, // 08:00Z, before the receipt
      referral(),
      now,
    );
    expect(early).toEqual([
      {
        path: 'data.decidedAt',
        key: 'zhiben.enforcement.validation.notBefore',
        args: { at: '2026-03-03T09:00:00Z' },
      },
    ]);
    expect(
      checkLiaison(
        'recordPoliceDecision',
        { decision: 'registered', data: { decidedAt: '2026-03-04T10:00' } },
        referral(),
        now,
      ),
    ).toEqual([]);
  });

  it('a refusal needs its reasons; the future is refused', () => {
    const declined = checkLiaison(
      'recordPoliceDecision',
      { decision: 'declined', data: { decidedAt: '2026-03-04T10:00' } },
      referral(),
      now,
    );
    expect(declined.map((issue) => issue.path)).toEqual(['data.reasons']);
    const future = checkLiaison(
      'recordPoliceDecision',
      { decision: 'registered', data: { decidedAt: '2026-03-09T10:00' } },
      referral(),
      now,
    );
    expect(future.map((issue) => issue.key)).toEqual(['zhiben.validation.notInFuture']);
  });

  it('the written notice must be copied to the procuratorate', () => {
    const issues = checkLiaison(
      'recordPoliceNotice',
      { decision: 'noticeReceived', data: { noticeAt: '2026-03-05T10:00', copiedToProcuratorate: false } },
      referral({
        police: {
          decision: 'registered',
          decidedAt: '2026-03-04T02:00:00Z',
          noticeAt: null,
          copiedToProcuratorate: false,
          reasons: null,
        },
      }),
      now,
    );
    expect(issues.map((issue) => issue.key)).toEqual(['zhiben.enforcement.validation.copyProcuratorate']);
  });

  it('accepting a refusal needs a comment; a decision the step does not know is refused', () => {
    expect(
      checkLiaison('chooseReconsideration', { decision: 'accept', data: {} }, referral(), now).map(
        (i) => i.path,
      ),
    ).toEqual(['comment']);
    expect(checkLiaison('transfer', { decision: 'registered', data: {} }, referral(), now)[0].path).toBe(
      'decision',
    );
  });

  it('sends instants as ISO and only the fields the decision shows', () => {
    expect(
      toLiaisonInput('recordPoliceDecision', {
        decision: 'registered',
        comment: ' ',
        data: { decidedAt: '2026-03-04T10:00', reasons: 'left over from 不予立案' },
      }),
    ).toEqual({ decision: 'registered', data: { decidedAt: '2026-03-04T02:00:00.000Z' } });
    expect(
      toLiaisonInput('recordPoliceNotice', {
        decision: 'noticeReceived',
        data: { noticeAt: '2026-03-05T10:00', copiedToProcuratorate: true },
      }).data,
    ).toEqual({ noticeAt: '2026-03-05T02:00:00.000Z', copiedToProcuratorate: true });
  });
});

describe('the referral package', () => {
  it('names each missing document, needs two distinct officers and a report time', () => {
    const issues = checkPackage(
      {
        reportedAt: '',
        officers: [
          { username: 'a', name: 'A' },
          { username: 'a', name: 'A' },
        ],
      },
      ['itemList', 'inspectionReport'],
      now,
    );
    expect(issues.map((issue) => issue.path)).toEqual([
      'documents.itemList',
      'documents.inspectionReport',
      'officers',
      'reportedAt',
    ]);
    expect(
      checkPackage(
        {
          reportedAt: '2026-03-06T09:00',
          officers: [
            { username: 'a', name: 'A' },
            { username: 'b', name: 'B' },
          ],
        },
        [],
        now,
      ),
    ).toEqual([]);
  });

  it('lists the server’s 400 line by line in the UI language, with the document each names', () => {
    const body = {
      problem: {
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        code: 'VALIDATION_FAILED',
        messageZh: '移送材料不齐全',
        messageEn: 'The package is incomplete',
        errors: [
          {
            path: '/documents',
            messageZh: '缺少：涉案物品清单',
            messageEn: 'Missing: List of items involved',
          },
          {
            path: '/documents',
            messageZh: '缺少：检验报告或鉴定意见',
            messageEn: 'Missing: Test report or expert opinion',
          },
          { path: '/officers', messageZh: '办案人员不少于两人', messageEn: 'At least two officers' },
          { path: '/documents/transferLetter', messageZh: '缺少移送书', messageEn: 'No transfer letter' },
        ],
      },
    } as unknown as ProblemErrorBody;
    expect(problemFieldMessages(body, 'zh-CN')).toEqual([
      { path: 'documents', message: '缺少：涉案物品清单', documentKind: 'itemList' },
      { path: 'documents', message: '缺少：检验报告或鉴定意见', documentKind: 'inspectionReport' },
      { path: 'officers', message: '办案人员不少于两人', documentKind: null },
      { path: 'documents.transferLetter', message: '缺少移送书', documentKind: 'transferLetter' },
    ]);
    expect(problemFieldMessages(body, 'en')[0]).toEqual({
      path: 'documents',
      message: 'Missing: List of items involved',
      documentKind: 'itemList',
    });
    expect(problemFieldMessages(undefined, 'zh-CN')).toEqual([]);
  });
});
