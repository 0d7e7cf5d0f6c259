import type { HazardRules } from '@zhiben/contracts/workflow';
import {
  LADDER_START,
  afterExtension,
  climbed,
  dueForTask,
  ladderSchedule,
  markAfter,
  markAt,
  markNow,
  msUntil,
  nextRung,
  parseInstant,
  resumeLadder,
} from './schedule';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const REAL = { msPerDay: DAY };
const FAST = { msPerDay: 1000 }; // a day in a second
// 2026-11-25 10:00 Asia/Shanghai (a Wednesday).
const T0 = Date.parse('2026-11-25T02:00:00.000Z');

const LADDER: HazardRules['escalationLadder'] = [
  { rung: 'letter', after: { amount: 12, unit: 'hours' } },
  { rung: 'circular', after: { amount: 1, unit: 'naturalDays' } },
  { rung: 'summons', after: { amount: 3, unit: 'workingDays' } },
  { rung: 'exposure', after: { amount: 12, unit: 'hours' } },
  { rung: 'listing', after: { amount: 12, unit: 'hours' } },
];

describe('marks: deadlines on the calendar, timers on the (scaled) workflow clock', () => {
  it('are the same instant on a real clock', () => {
    const deadline = markAt(markNow(T0), T0 + 30 * DAY, REAL);
    expect(deadline).toEqual({ atMs: T0 + 30 * DAY, fireMs: T0 + 30 * DAY });
  });

  it('scale only the wait: 30 days fire after 30 seconds at 1000 ms a day', () => {
    const deadline = markAt(markNow(T0), T0 + 30 * DAY, FAST);
    expect(deadline.atMs).toBe(T0 + 30 * DAY);
    expect(deadline.fireMs).toBe(T0 + 30_000);
  });

  it('chain from the previous mark, not from now, so a pause never restarts a timer', () => {
    const deadline = markAt(markNow(T0), T0 + 10 * DAY, FAST);
    const extended = markAt(deadline, T0 + 15 * DAY, FAST);
    expect(extended.fireMs - deadline.fireMs).toBe(5000);
  });

  it('never fire before their origin', () => {
    const from = markNow(T0);
    expect(markAt(from, T0 - DAY, FAST)).toEqual({ atMs: T0 - DAY, fireMs: T0 });
  });

  it('follow the calendar: N natural days end at 24:00 Shanghai of the Nth day after', () => {
    const m = markAfter(markNow(T0), { amount: 10, unit: 'naturalDays' }, REAL);
    expect(new Date(m.atMs).toISOString()).toBe('2026-12-05T15:59:59.999Z');
  });

  it('follow the calendar: working days skip the weekend', () => {
    // Wed 25 Nov + 3 working days = Mon 30 Nov (Thu, Fri, Mon).
    const m = markAfter(markNow(T0), { amount: 3, unit: 'workingDays' }, REAL);
    expect(new Date(m.atMs).toISOString()).toBe('2026-11-30T15:59:59.999Z');
  });

  it('fall back to Monday–Friday beyond the published holiday years instead of failing', () => {
    const late = Date.parse('2026-12-30T02:00:00.000Z');
    const m = markAfter(markNow(late), { amount: 3, unit: 'workingDays' }, REAL);
    expect(new Date(m.atMs).toISOString()).toBe('2027-01-04T15:59:59.999Z');
  });

  it('convert back for humanTask, which anchors its scaling when it opens the task', () => {
    const deadline = markAt(markNow(T0), T0 + 30 * DAY, FAST);
    const now = T0 + 12_000; // 12 scaled days later
    const atMs = dueForTask(now, deadline, FAST);
    expect(atMs).toBe(now + 18 * DAY);
    expect(dueForTask(now, markNow(T0), FAST)).toBe(now);
    expect(msUntil(now, deadline)).toBe(18_000);
    expect(msUntil(T0 + 31_000, deadline)).toBe(0);
  });
});

describe('escalation ladder (函告 → 通报 → 约谈 → 曝光 → 挂牌督办)', () => {
  const deadline = markAt(markNow(T0), T0 + 2 * DAY, FAST);

  it('schedules each rung after the previous one plus its `after`', () => {
    const rungs = ladderSchedule(LADDER, LADDER_START, deadline, FAST);
    expect(rungs.map((r) => r.rung)).toEqual(['letter', 'circular', 'summons', 'exposure', 'listing']);
    expect(rungs[0].mark.atMs).toBe(deadline.atMs + 12 * HOUR);
    expect(rungs[0].mark.fireMs).toBe(deadline.fireMs + 500);
    // 1 natural day after 2026-11-27 22:00 ends at 2026-11-28 24:00 (Shanghai).
    expect(new Date(rungs[1].mark.atMs).toISOString()).toBe('2026-11-28T15:59:59.999Z');
    // 3 working days after Saturday 28 Nov: Mon 30, Tue 1, Wed 2 Dec.
    expect(new Date(rungs[2].mark.atMs).toISOString()).toBe('2026-12-02T15:59:59.999Z');
    for (let i = 1; i < rungs.length; i++)
      expect(rungs[i].mark.fireMs).toBeGreaterThan(rungs[i - 1].mark.fireMs);
  });

  it('climbs one rung at a time and stops at the top', () => {
    let progress = LADDER_START;
    const seen: string[] = [];
    for (
      let r = nextRung(LADDER, progress, deadline, FAST);
      r;
      r = nextRung(LADDER, progress, deadline, FAST)
    ) {
      seen.push(r.rung);
      progress = climbed(progress, r);
    }
    expect(seen).toEqual(['letter', 'circular', 'summons', 'exposure', 'listing']);
    expect(progress.taken).toBe(5);
    expect(nextRung(LADDER, progress, deadline, FAST)).toBeNull();
  });

  it('after an approved extension counts the next rung from the new deadline, keeping climbed rungs', () => {
    const letter = nextRung(LADDER, LADDER_START, deadline, FAST)!;
    const progress = afterExtension(climbed(LADDER_START, letter));
    const newDeadline = markAt(deadline, deadline.atMs + 5 * DAY, FAST);
    const next = nextRung(LADDER, progress, newDeadline, FAST)!;
    expect(next.rung).toBe('circular');
    expect(next.mark.atMs).toBe(markAfter(newDeadline, { amount: 1, unit: 'naturalDays' }, FAST).atMs);
  });

  it('resumes from now after a failed acceptance once the deadline has passed (the review paused it)', () => {
    const letter = nextRung(LADDER, LADDER_START, deadline, FAST)!;
    const progress = climbed(LADDER_START, letter);
    const now = deadline.fireMs + 10_000;
    expect(resumeLadder(progress, deadline, now)).toEqual({ taken: 1, lastRung: { atMs: now, fireMs: now } });
    // Before the deadline, the ladder still counts from the deadline.
    expect(resumeLadder(progress, deadline, deadline.fireMs - 1)).toEqual({ taken: 1, lastRung: null });
  });

  it('an empty ladder never escalates', () => {
    expect(nextRung([], LADDER_START, deadline, FAST)).toBeNull();
    expect(ladderSchedule([], LADDER_START, deadline, FAST)).toEqual([]);
  });
});

describe('parseInstant', () => {
  it('accepts ISO instants only', () => {
    expect(parseInstant('2026-12-25T15:59:59.999Z')).toBe(Date.parse('2026-12-25T15:59:59.999Z'));
    expect(parseInstant('next week')).toBeNull();
    expect(parseInstant('')).toBeNull();
    expect(parseInstant(42)).toBeNull();
    expect(parseInstant(undefined)).toBeNull();
  });
});
