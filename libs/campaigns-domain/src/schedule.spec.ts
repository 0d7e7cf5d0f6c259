import { CalendarRangeError, WorkCalendar } from '@zhiben/calendar';
import { type ReportSchedule, reportScheduleSchema, type ReportScheduleInput } from '@zhiben/contracts';
import {
  campaignOccurrences,
  occurrenceStatus,
  reportOccurrences,
  ScheduleError,
  type CampaignRange,
} from './schedule';
import { BIG_INSPECTION_2022, MAJOR_HAZARD_2023, ROOT_CAUSE_3Y } from './templates';

const calendar = new WorkCalendar();
const sh = (local: string) => new Date(`${local}+08:00`);
const schedule = (
  input: Omit<ReportScheduleInput, 'titleZh' | 'titleEn' | 'report'> & Partial<ReportScheduleInput>,
) => reportScheduleSchema.parse({ titleZh: '测试', titleEn: 'Test', report: { kind: 'progress' }, ...input });
const range2023: CampaignRange = { startsOn: '2023-05-18', endsOn: '2023-12-31' };
const [dispatch, implementation] = MAJOR_HAZARD_2023.reportSchedules;

describe('monthly due days (每月N日前)', () => {
  it('gives the 2023 dispatch form seven due dates, the 25th of June to December', () => {
    const occ = reportOccurrences(dispatch, range2023, calendar);
    expect(occ.map((o) => [o.key, o.dueDate])).toEqual([
      ['2023-06', '2023-06-25'],
      ['2023-07', '2023-07-25'],
      ['2023-08', '2023-08-25'],
      ['2023-09', '2023-09-25'],
      ['2023-10', '2023-10-25'],
      ['2023-11', '2023-11-25'],
      ['2023-12', '2023-12-25'],
    ]);
    expect(occ[0].dueAt).toEqual(new Date('2023-06-25T15:59:59.999Z')); // end of the day in Shanghai
    expect(occ[0].period).toEqual({ from: '2023-06-01', to: '2023-06-30' });
  });

  it('keeps the plan’s date on a weekend and shows the next working day (25 Nov 2023 is a Saturday)', () => {
    const nov = reportOccurrences(dispatch, range2023, calendar).find((o) => o.key === '2023-11');
    expect(nov).toMatchObject({
      nominalDate: '2023-11-25',
      dueDate: '2023-11-25',
      nonWorkingDay: true,
      workingDayDate: '2023-11-27',
    });
    expect(nov?.holidayName).toBeUndefined();
  });

  it('treats a make-up working Sunday as a working day (25 June 2023, after 端午)', () => {
    const june = reportOccurrences(dispatch, range2023, calendar)[0];
    expect(june).toMatchObject({
      nominalDate: '2023-06-25',
      nonWorkingDay: false,
      workingDayDate: '2023-06-25',
    });
  });

  it('flags a due day inside a holiday: 29 January 2025 is 春节', () => {
    const progress = ROOT_CAUSE_3Y.reportSchedules[0];
    const range: CampaignRange = { startsOn: '2024-02-29', endsOn: '2026-12-31' };
    const jan = reportOccurrences(progress, range, calendar).find((o) => o.key === '2025-01');
    expect(jan).toMatchObject({
      nominalDate: '2025-01-29',
      dueDate: '2025-01-29',
      nonWorkingDay: true,
      holidayName: '春节',
      workingDayDate: '2025-02-05', // 28 Jan – 4 Feb off
    });
  });

  it('moves a holiday due date when the schedule says so (顺延 / 提前)', () => {
    const base = { id: 'x', timing: { kind: 'monthly', dueDay: 1 } } as const;
    const range: CampaignRange = { startsOn: '2024-09-01', endsOn: '2024-10-31' };
    const oct = (policy: ReportSchedule['dueDatePolicy']) =>
      reportOccurrences(schedule({ ...base, dueDatePolicy: policy }), range, calendar).find(
        (o) => o.key === '2024-10',
      );
    expect(oct('keep')).toMatchObject({
      dueDate: '2024-10-01',
      holidayName: '国庆节',
      workingDayDate: '2024-10-08',
    });
    expect(oct('rollForward')).toMatchObject({ dueDate: '2024-10-08' });
    expect(oct('rollBack')).toMatchObject({ dueDate: '2024-09-30' });
    expect(oct('rollForward')?.dueAt).toEqual(new Date('2024-10-08T15:59:59.999Z'));
  });

  it('honours admin calendar overrides', () => {
    const typhoon = new WorkCalendar([{ date: '2023-07-25', kind: 'holiday', reason: '台风停工' }]);
    const jul = reportOccurrences(dispatch, range2023, typhoon).find((o) => o.key === '2023-07');
    expect(jul).toMatchObject({ nonWorkingDay: true, holidayName: '台风停工', workingDayDate: '2023-07-26' });
  });
});

describe('February and other short months', () => {
  const range: CampaignRange = { startsOn: '2024-01-01', endsOn: '2026-12-31' };

  it('due day 29 with shortMonth: lastDayOfMonth falls on 28 February in common years (003)', () => {
    const occ = reportOccurrences(ROOT_CAUSE_3Y.reportSchedules[0], range, calendar);
    expect(occ).toHaveLength(34); // March 2024 – December 2026
    const feb = occ.filter((o) => o.key.endsWith('-02'));
    expect(feb.map((o) => [o.key, o.dueDate, o.clampedFrom])).toEqual([
      ['2025-02', '2025-02-28', 29],
      ['2026-02', '2026-02-28', 29],
    ]);
    expect(occ.find((o) => o.key === '2025-03')?.clampedFrom).toBeUndefined();
  });

  it('month end (月底) is the 29th in a leap February', () => {
    const occ = reportOccurrences(
      schedule({ id: 'x', timing: { kind: 'monthly', dueDay: 'last' } }),
      range,
      calendar,
    );
    expect(occ.slice(0, 3).map((o) => o.dueDate)).toEqual(['2024-01-31', '2024-02-29', '2024-03-31']);
    expect(occ.find((o) => o.key === '2025-02')?.dueDate).toBe('2025-02-28');
  });

  it('day 31 clamps to the 30th in April under lastDayOfMonth', () => {
    const s = schedule({ id: 'x', timing: { kind: 'monthly', dueDay: 31, shortMonth: 'lastDayOfMonth' } });
    const occ = reportOccurrences(s, range, calendar);
    expect(occ.find((o) => o.key === '2024-04')).toMatchObject({ dueDate: '2024-04-30', clampedFrom: 31 });
    expect(occ.find((o) => o.key === '2024-05')?.dueDate).toBe('2024-05-31');
  });

  it('refuses to guess when a schedule without shortMonth reaches a month without its day', () => {
    // The contracts reject such a schedule; this guards data that bypassed them.
    const unchecked = { ...schedule({ id: 'x', timing: { kind: 'monthly', dueDay: 28 } }) };
    unchecked.timing = { kind: 'monthly', dueDay: 30 };
    expect(() => reportOccurrences(unchecked, range, calendar)).toThrow(ScheduleError);
  });
});

describe('one-off, annual and final reports', () => {
  it('gives the implementation reports on 5 August (Saturday) and 5 November (Sunday) 2023', () => {
    const occ = reportOccurrences(implementation, range2023, calendar);
    expect(occ.map((o) => [o.key, o.dueDate, o.nonWorkingDay, o.workingDayDate, o.period])).toEqual([
      ['2023-08-05', '2023-08-05', true, '2023-08-07', null],
      ['2023-11-05', '2023-11-05', true, '2023-11-06', null],
    ]);
  });

  it('gives 003 an annual summary by 1 December each year and the evaluation report by 2026-11-05', () => {
    const range: CampaignRange = { startsOn: '2024-02-29', endsOn: '2026-12-31' };
    const [, annual, final] = ROOT_CAUSE_3Y.reportSchedules;
    expect(reportOccurrences(annual, range, calendar).map((o) => [o.key, o.dueDate, o.period])).toEqual([
      ['2024', '2024-12-01', { from: '2024-02-29', to: '2024-12-31' }],
      ['2025', '2025-12-01', { from: '2025-01-01', to: '2025-12-31' }],
      ['2026', '2026-12-01', { from: '2026-01-01', to: '2026-12-31' }],
    ]);
    expect(reportOccurrences(final, range, calendar).map((o) => [o.key, o.dueDate, o.period])).toEqual([
      ['final', '2026-11-05', { from: '2024-02-29', to: '2026-12-31' }],
    ]);
    const all = campaignOccurrences(ROOT_CAUSE_3Y.reportSchedules, range, calendar);
    expect(all).toHaveLength(34 + 3 + 1);
    expect(all.slice(-4).map((o) => `${o.scheduleId}:${o.key}`)).toEqual([
      'evaluation-report:final', // 5 Nov
      'monthly-progress:2026-11', // 29 Nov
      'annual-summary:2026', // 1 Dec
      'monthly-progress:2026-12',
    ]);
  });

  it('puts a final report N days after the end of an event-ended campaign, once the end is known', () => {
    const s = schedule({ id: 'final', timing: { kind: 'final', daysAfterEnd: 15 } });
    expect(
      reportOccurrences(s, { startsOn: '2022-05-16', endsOn: null }, calendar, { until: '2022-12-31' }),
    ).toEqual([]);
    const [occ] = reportOccurrences(s, { startsOn: '2022-05-16', endsOn: '2022-10-22' }, calendar);
    expect(occ).toMatchObject({
      key: 'final',
      nominalDate: '2022-11-06',
      period: { from: '2022-05-16', to: '2022-10-22' },
    });
  });
});

describe('campaigns that end on an event (002)', () => {
  const monthly = BIG_INSPECTION_2022.reportSchedules[0];

  it('needs a horizon while the end is unknown', () => {
    expect(() => reportOccurrences(monthly, { startsOn: '2022-05-16', endsOn: null }, calendar)).toThrow(
      ScheduleError,
    );
    const occ = reportOccurrences(monthly, { startsOn: '2022-05-16', endsOn: null }, calendar, {
      until: '2022-08-31',
    });
    expect(occ.map((o) => o.dueDate)).toEqual(['2022-05-28', '2022-06-28', '2022-07-28', '2022-08-28']);
  });

  it('keeps the report of the month the campaign ends in, due after the end', () => {
    const occ = reportOccurrences(monthly, { startsOn: '2022-05-16', endsOn: '2022-10-22' }, calendar);
    expect(occ.map((o) => o.key)).toEqual(['2022-05', '2022-06', '2022-07', '2022-08', '2022-09', '2022-10']);
    expect(occ[0].period).toEqual({ from: '2022-05-16', to: '2022-05-31' });
    expect(occ[5]).toMatchObject({ dueDate: '2022-10-28', period: { from: '2022-10-01', to: '2022-10-22' } });
  });

  it('skips a month whose due day is before the campaign starts', () => {
    const s = schedule({ id: 'x', timing: { kind: 'monthly', dueDay: 10 } });
    const occ = reportOccurrences(s, { startsOn: '2022-05-16', endsOn: '2022-07-31' }, calendar);
    expect(occ.map((o) => o.dueDate)).toEqual(['2022-06-10', '2022-07-10']);
  });
});

describe('opening the report task ahead of the due day', () => {
  it('opens five working days before the due date, skipping the 端午 holiday', () => {
    const june = reportOccurrences(dispatch, range2023, calendar)[0];
    // 22–24 June 2023 are off; 25 June is worked: 21, 20, 19, 16, 15 June.
    expect(june.opensOn).toBe('2023-06-15');
    expect(june.opensAt).toEqual(new Date('2023-06-14T16:00:00.000Z'));
  });

  it('counts natural days when asked, and never opens before the campaign starts', () => {
    const s = schedule({
      id: 'x',
      timing: { kind: 'oneOff', dates: ['2022-05-25', '2022-07-01'] },
      leadTime: { amount: 20, unit: 'naturalDays' },
    });
    const occ = reportOccurrences(s, { startsOn: '2022-05-16', endsOn: '2022-10-22' }, calendar);
    expect(occ.map((o) => o.opensOn)).toEqual(['2022-05-16', '2022-06-11']);
  });

  it('follows a unit through one occurrence: scheduled, open, overdue, submitted on time or late', () => {
    const june = reportOccurrences(dispatch, range2023, calendar)[0];
    expect(occurrenceStatus(june, sh('2023-06-14T23:59:59'))).toBe('scheduled');
    expect(occurrenceStatus(june, sh('2023-06-15T00:00:00'))).toBe('open');
    expect(occurrenceStatus(june, sh('2023-06-25T23:59:59'))).toBe('open');
    expect(occurrenceStatus(june, sh('2023-06-26T00:00:00'))).toBe('overdue');
    expect(occurrenceStatus(june, sh('2023-07-01T00:00:00'), sh('2023-06-25T20:00:00'))).toBe('submitted');
    expect(occurrenceStatus(june, sh('2023-07-01T00:00:00'), sh('2023-06-26T08:30:00'))).toBe(
      'submittedLate',
    );
  });
});

describe('calendar coverage', () => {
  it('throws for years without an official holiday arrangement rather than guessing', () => {
    const s = schedule({ id: 'x', timing: { kind: 'monthly', dueDay: 25 } });
    expect(() => reportOccurrences(s, { startsOn: '2027-01-01', endsOn: '2027-03-31' }, calendar)).toThrow(
      CalendarRangeError,
    );
  });
});
