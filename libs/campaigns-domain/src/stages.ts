import { endOfDay, startOfDay } from '@zhiben/calendar';
import type { CampaignEnd, CampaignPeriod, Stage } from '@zhiben/contracts';

/**
 * Where a campaign stands at an instant: which stages are upcoming, running or over, which event-ended
 * stages wait for their signal, and when the next timer-driven change happens. Pure: the campaign workflow
 * calls it with its deterministic clock and the event signals it has received, and sleeps until
 * `nextChangeAt` or the next signal.
 *
 * Rules:
 * - A stage starts at 00:00 Asia/Shanghai on its start day and, when it ends on a date, runs through the
 *   whole of that day (it is over after 23:59:59.999, like every deadline in `@zhiben/calendar`).
 * - A stage that ends on an event ends at the instant of the first signal of that event. Signals later
 *   than `at` are ignored, so the function also answers "what was the state at t?".
 * - The end of the campaign (its date, or its event) ends every stage still running.
 * - A stage whose end came before its start (its event was signalled early, or the campaign ended early)
 *   never runs: it is `ended` with `skipped: true`.
 */

export interface EventSignal {
  event: string;
  at: Date;
}

export type StageStatus = 'upcoming' | 'active' | 'ended';

export interface StageState {
  key: string;
  status: StageStatus;
  startsAt: Date;
  /**
   * The stage's last instant: the end of its last day, or the instant its event was signalled; null while
   * the event has not come.
   */
  endsAt: Date | null;
  /** What ended it (set once it has ended). */
  endedBy?: 'date' | 'event' | 'campaignEnd';
  /** The event an event-ended stage is still waiting for. */
  waitingFor?: string;
  skipped?: true;
}

export interface StagesSnapshot {
  at: Date;
  /** In plan order. */
  stages: StageState[];
  active: string[];
  ended: string[];
  upcoming: string[];
  /** The running stage that started last (ties: the later one in the plan); null when none runs. */
  current: string | null;
  /** Events that running or upcoming stages (or the campaign) still wait for. */
  waitingForEvents: string[];
  campaignEnded: boolean;
  /** The campaign's last instant, when known. */
  campaignEndsAt: Date | null;
  /** The next instant a stage starts or a dated end passes (for a durable timer); null if none is left. */
  nextChangeAt: Date | null;
}

interface Boundary {
  /** Last instant (inclusive) of a dated end, or the signal instant of an event end; null = not yet. */
  at: Date | null;
  kind: 'date' | 'event';
}

export function stagesAt(
  plan: { period: CampaignPeriod; stages: readonly Stage[] },
  at: Date,
  signals: readonly EventSignal[] = [],
): StagesSnapshot {
  const now = at.getTime();
  const received = new Map<string, Date>();
  for (const s of signals) {
    if (s.at.getTime() > now) continue;
    const seen = received.get(s.event);
    if (!seen || s.at.getTime() < seen.getTime()) received.set(s.event, s.at);
  }
  const boundary = (end: CampaignEnd): Boundary =>
    end.kind === 'date'
      ? { at: endOfDay(end.date), kind: 'date' }
      : { at: received.get(end.event) ?? null, kind: 'event' };
  // A dated end is over after its last millisecond; an event end is over from the signal's instant on.
  const isOver = (b: Boundary) =>
    b.at !== null && (b.kind === 'date' ? now > b.at.getTime() : now >= b.at.getTime());

  const campaignEnd = boundary(plan.period.end);
  const campaignOver = isOver(campaignEnd);
  const waiting = new Set<string>();
  if (plan.period.end.kind === 'event' && !campaignOver) waiting.add(plan.period.end.event);

  const timers: number[] = [];
  if (campaignEnd.kind === 'date' && campaignEnd.at && !campaignOver)
    timers.push(campaignEnd.at.getTime() + 1);

  const stages = plan.stages.map((stage): StageState => {
    const startsAt = startOfDay(stage.start);
    const own = boundary(stage.end);
    // The earlier of the stage's own end and the campaign's end, among those known.
    let end = own;
    let endedBy: StageState['endedBy'] = own.kind;
    if (campaignEnd.at && (own.at === null || campaignEnd.at.getTime() < own.at.getTime())) {
      end = campaignEnd;
      endedBy = 'campaignEnd';
    }
    const base = { key: stage.key, startsAt, endsAt: end.at };
    if (isOver(end)) {
      const skipped = end.at !== null && end.at.getTime() < startsAt.getTime();
      return { ...base, status: 'ended', endedBy, ...(skipped ? { skipped: true as const } : {}) };
    }
    // Still waiting for its own event, even when the campaign's end date bounds it.
    const waitingFor = stage.end.kind === 'event' && own.at === null ? stage.end.event : undefined;
    if (waitingFor) waiting.add(waitingFor);
    const extra = waitingFor ? { waitingFor } : {};
    if (now < startsAt.getTime()) {
      timers.push(startsAt.getTime());
      return { ...base, status: 'upcoming', ...extra };
    }
    if (end.kind === 'date' && end.at) timers.push(end.at.getTime() + 1);
    return { ...base, status: 'active', ...extra };
  });

  const keys = (status: StageStatus) => stages.filter((s) => s.status === status).map((s) => s.key);
  let current: StageState | null = null;
  for (const s of stages) {
    if (s.status === 'active' && (!current || s.startsAt.getTime() >= current.startsAt.getTime()))
      current = s;
  }
  const next = timers.filter((t) => t > now);
  return {
    at,
    stages,
    active: keys('active'),
    ended: keys('ended'),
    upcoming: keys('upcoming'),
    current: current?.key ?? null,
    waitingForEvents: [...waiting],
    campaignEnded: campaignOver,
    campaignEndsAt: campaignEnd.at,
    nextChangeAt: campaignOver || next.length === 0 ? null : new Date(Math.min(...next)),
  };
}
