import { stagesAt } from './stages';
import { BIG_INSPECTION_2022, MAJOR_HAZARD_2023, ROOT_CAUSE_3Y_CITY_MANAGEMENT } from './templates';

const sh = (local: string) => new Date(`${local}+08:00`);
const CLOSED = 'congress-20-closed';
/** The 20th Party Congress closed on 22 October 2022. */
const closed = { event: CLOSED, at: sh('2022-10-22T12:00:00') };

describe('stages on dates (000)', () => {
  it('before the first stage: everything upcoming, the timer set for its start', () => {
    const s = stagesAt(MAJOR_HAZARD_2023, sh('2023-05-17T09:00:00'));
    expect(s.upcoming).toHaveLength(4);
    expect(s.current).toBeNull();
    expect(s.nextChangeAt).toEqual(sh('2023-05-18T00:00:00'));
  });

  it('a stage runs through the whole of its last day', () => {
    const s = stagesAt(MAJOR_HAZARD_2023, sh('2023-05-20T23:59:59.999'));
    expect(s.current).toBe('mobilization');
    expect(s.stages[0]).toMatchObject({ status: 'active', endsAt: sh('2023-05-20T23:59:59.999') });
    expect(s.nextChangeAt).toEqual(sh('2023-05-21T00:00:00'));

    const next = stagesAt(MAJOR_HAZARD_2023, sh('2023-05-21T00:00:00'));
    expect(next.current).toBe('concentrated-inspection');
    expect(next.stages[0]).toMatchObject({ status: 'ended', endedBy: 'date' });
  });

  it('in the third stage: two ended, one running, one upcoming', () => {
    const s = stagesAt(MAJOR_HAZARD_2023, sh('2023-09-15T10:00:00'));
    expect(s).toMatchObject({
      ended: ['mobilization', 'concentrated-inspection'],
      active: ['focused-rectification'],
      upcoming: ['institutionalization'],
      current: 'focused-rectification',
      waitingForEvents: [],
      campaignEnded: false,
      campaignEndsAt: sh('2023-12-31T23:59:59.999'),
      nextChangeAt: sh('2023-12-01T00:00:00'),
    });
  });

  it('after the end of the year the campaign is over', () => {
    const s = stagesAt(MAJOR_HAZARD_2023, sh('2024-01-01T00:00:00'));
    expect(s).toMatchObject({ campaignEnded: true, current: null, active: [], nextChangeAt: null });
    expect(s.ended).toHaveLength(4);
  });
});

describe('stages that end on an event (002)', () => {
  it('overlapping stages run together; the most recently started one is current', () => {
    const s = stagesAt(BIG_INSPECTION_2022, sh('2022-06-10T10:00:00'));
    expect(s.ended).toEqual(['immediate-deployment']);
    expect(s.active).toEqual(['self-inspection', 'assisted-inspection', 'accountability']);
    expect(s.upcoming).toEqual(['covert-verification']);
    expect(s.current).toBe('accountability'); // all started on 16 May; ties go to the later one in the plan
    expect(s.nextChangeAt).toEqual(sh('2022-07-01T00:00:00'));

    const later = stagesAt(BIG_INSPECTION_2022, sh('2022-07-02T10:00:00'));
    expect(later.current).toBe('covert-verification');
  });

  it('event-ended stages wait for the signal, with no end date', () => {
    const s = stagesAt(BIG_INSPECTION_2022, sh('2022-08-01T10:00:00'));
    expect(s.waitingForEvents).toEqual([CLOSED]);
    expect(s.stages.find((x) => x.key === 'self-inspection')).toMatchObject({
      status: 'active',
      endsAt: null,
      waitingFor: CLOSED,
    });
    expect(s.stages.find((x) => x.key === 'assisted-inspection')).toMatchObject({
      status: 'ended',
      endedBy: 'date',
    });
    expect(s.campaignEndsAt).toBeNull();
    expect(s.nextChangeAt).toBeNull(); // only the signal can move it on
  });

  it('the signal ends those stages and the campaign at its instant', () => {
    const s = stagesAt(BIG_INSPECTION_2022, sh('2022-10-23T08:00:00'), [closed]);
    expect(s).toMatchObject({ campaignEnded: true, active: [], current: null, waitingForEvents: [] });
    expect(s.stages.find((x) => x.key === 'self-inspection')).toMatchObject({
      status: 'ended',
      endsAt: closed.at,
      endedBy: 'event',
    });
    expect(s.campaignEndsAt).toEqual(closed.at);
  });

  it('ignores signals later than the instant asked about', () => {
    const s = stagesAt(BIG_INSPECTION_2022, sh('2022-10-22T11:59:59'), [closed]);
    expect(s.campaignEnded).toBe(false);
    expect(s.active).toContain('covert-verification');
    expect(stagesAt(BIG_INSPECTION_2022, closed.at, [closed]).campaignEnded).toBe(true);
  });

  it('a stage whose event comes before it starts never runs', () => {
    const early = { event: CLOSED, at: sh('2022-06-15T09:00:00') };
    const s = stagesAt(BIG_INSPECTION_2022, sh('2022-06-20T09:00:00'), [early]);
    expect(s.stages.find((x) => x.key === 'covert-verification')).toMatchObject({
      status: 'ended',
      skipped: true,
    });
    // The campaign's end also closes the stage that would have run to 31 July.
    expect(s.stages.find((x) => x.key === 'assisted-inspection')).toMatchObject({
      status: 'ended',
      endedBy: 'campaignEnd',
      endsAt: early.at,
    });
  });

  it('an event-ended stage inside a dated campaign ends by the campaign end at the latest', () => {
    const plan = {
      period: { start: '2023-01-01', end: { kind: 'date' as const, date: '2023-06-30' } },
      stages: [
        {
          key: 'a',
          kind: 'Other' as const,
          titleZh: '甲',
          titleEn: 'A',
          start: '2023-01-01',
          end: { kind: 'event' as const, event: 'done' },
        },
      ],
    };
    const running = stagesAt(plan, sh('2023-03-01T00:00:00'));
    expect(running.stages[0]).toMatchObject({
      status: 'active',
      waitingFor: 'done',
      endsAt: sh('2023-06-30T23:59:59.999'),
    });
    expect(running.waitingForEvents).toEqual(['done']);
    expect(stagesAt(plan, sh('2023-07-01T00:00:00')).stages[0]).toMatchObject({
      status: 'ended',
      endedBy: 'campaignEnd',
    });
    expect(
      stagesAt(plan, sh('2023-04-01T00:00:00'), [{ event: 'done', at: sh('2023-03-15T10:00:00') }]).stages[0],
    ).toMatchObject({
      status: 'ended',
      endedBy: 'event',
    });
  });
});

describe('overlapping dated stages (004 city management)', () => {
  it('April 2024 runs the mobilisation and the inspection stage together', () => {
    const s = stagesAt(ROOT_CAUSE_3Y_CITY_MANAGEMENT, sh('2024-04-15T10:00:00'));
    expect(s.active).toEqual(['mobilization', 'inspection-rectification']);
    const gap = stagesAt(ROOT_CAUSE_3Y_CITY_MANAGEMENT, sh('2024-09-01T10:00:00'));
    expect(gap).toMatchObject({ active: [], current: null, nextChangeAt: sh('2025-01-01T00:00:00') });
  });
});
