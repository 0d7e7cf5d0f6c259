import { describe, expect, it } from '@jest/globals';
import { caseClocks, clockOf, referralBoardSummary, referralNow } from './deadlineClock';
import type { Referral, ReferralDeadlineView } from './types';

const H = 3_600_000;
const start = Date.parse('2026-03-02T01:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();
/** A 3-day clock started at `start`. */
const threeDays = (patch: Partial<ReferralDeadlineView> = {}): ReferralDeadlineView => ({
  kind: 'headDecision',
  startedAt: iso(start),
  dueAt: iso(start + 72 * H),
  metAt: null,
  breachedAt: null,
  ...patch,
});

describe('clockOf: one legal clock', () => {
  it('runs with the time left, and is due soon in the last third of its span', () => {
    const running = clockOf(threeDays(), start + 10 * H);
    expect(running.state).toBe('running');
    expect(running.remainingMs).toBe(62 * H);
    expect(running.elapsed).toBeCloseTo(10 / 72);
    expect(clockOf(threeDays(), start + 49 * H).state).toBe('dueSoon');
  });

  it('is breached once past due without being met, and says by how much', () => {
    const clock = clockOf(threeDays(), start + 75 * H);
    expect(clock.state).toBe('breached');
    expect(clock.overdueMs).toBe(3 * H);
  });

  it('trusts a breach the workflow recorded even when the viewer’s clock says time is left', () => {
    // Scaled test clocks: the workflow's calendar runs ahead of the wall.
    expect(clockOf(threeDays({ breachedAt: iso(start + 72 * H) }), start + H).state).toBe('breached');
  });

  it('is met on time when done by the due time', () => {
    const clock = clockOf(threeDays({ metAt: iso(start + 30 * H) }), start + 100 * H);
    expect(clock.state).toBe('met');
    expect(clock.overdueMs).toBeNull();
  });

  it('is late when done after the due time, or after a recorded breach', () => {
    const late = clockOf(threeDays({ metAt: iso(start + 80 * H) }), start + 100 * H);
    expect(late.state).toBe('late');
    expect(late.overdueMs).toBe(8 * H);
    // Met exactly at due, but the workflow had already raised the breach: still late.
    const breached = clockOf(threeDays({ metAt: iso(start + 72 * H), breachedAt: iso(start + 72 * H) }), 0);
    expect(breached.state).toBe('late');
  });

  it('a 24-hour clock is due soon in its last 8 hours', () => {
    const transfer = { startedAt: iso(start), dueAt: iso(start + 24 * H) };
    expect(clockOf(transfer, start + 15 * H).state).toBe('running');
    expect(clockOf(transfer, start + 17 * H).state).toBe('dueSoon');
    expect(clockOf(transfer, start + 24 * H).state).toBe('breached');
  });

  it('without a start, is due soon within a day of the due time', () => {
    expect(clockOf({ dueAt: iso(start + 48 * H) }, start).state).toBe('running');
    expect(clockOf({ dueAt: iso(start + 20 * H) }, start).state).toBe('dueSoon');
  });

  it('is done when the step is done but its time is unknown', () => {
    expect(clockOf({ dueAt: iso(start), done: true }, start + 100 * H).state).toBe('done');
  });
});

describe('referral board summary', () => {
  const referral = (deadlines: ReferralDeadlineView[], overdue = false) =>
    ({ id: 'r1', deadlines, overdue }) as unknown as Referral;

  it('counts met and breached clocks and names the next running one', () => {
    const summary = referralBoardSummary(
      referral([
        threeDays({ metAt: iso(start + 10 * H) }),
        {
          kind: 'transfer',
          startedAt: iso(start + 10 * H),
          dueAt: iso(start + 34 * H),
          metAt: iso(start + 40 * H),
          breachedAt: iso(start + 34 * H),
        },
        {
          kind: 'policeDecision',
          startedAt: iso(start + 40 * H),
          dueAt: iso(start + 112 * H),
          metAt: null,
          breachedAt: null,
        },
      ]),
      start + 50 * H,
    );
    expect(summary.met).toBe(1);
    expect(summary.breached).toBe(1);
    expect(summary.overdue).toBe(false);
    expect(summary.next?.kind).toBe('policeDecision');
    expect(summary.clocks.map((entry) => entry.kind)).toEqual(['headDecision', 'transfer', 'policeDecision']);
  });

  it('is overdue when a clock is breached now or the server says so', () => {
    expect(referralBoardSummary(referral([threeDays()]), start + 80 * H).overdue).toBe(true);
    expect(referralBoardSummary(referral([], true), start).overdue).toBe(true);
  });

  it('judges by the workflow’s calendar when the board sends one', () => {
    expect(referralNow('2026-03-05T00:00:00Z', start)).toBe(Date.parse('2026-03-05T00:00:00Z'));
    expect(referralNow(undefined, start)).toBe(start);
  });
});

describe('case clocks: 送达 7 days and 复查 10 days', () => {
  const decided = '2026-03-02T02:00:00Z';
  it('serves within 7 days of the decision', () => {
    const clocks = caseClocks(
      {
        decidedAt: decided,
        servedAt: null,
        serveDueAt: '2026-03-11T16:00:00Z',
        rectificationDeadlineAt: null,
        reinspectionDueAt: null,
        reinspectionResult: null,
      },
      Date.parse('2026-03-12T00:00:00Z'),
    );
    expect(clocks.service?.state).toBe('breached');
    expect(clocks.reinspection).toBeNull();
  });

  it('a re-inspection with a result is done', () => {
    const clocks = caseClocks(
      {
        decidedAt: decided,
        servedAt: '2026-03-03T02:00:00Z',
        serveDueAt: '2026-03-11T16:00:00Z',
        rectificationDeadlineAt: '2026-04-01T16:00:00Z',
        reinspectionDueAt: '2026-04-11T16:00:00Z',
        reinspectionResult: 'passed',
      },
      Date.parse('2026-05-01T00:00:00Z'),
    );
    expect(clocks.service?.state).toBe('met');
    expect(clocks.reinspection?.state).toBe('done');
  });
});
