import { dutyCompliance, periodOf } from './duties';

describe('periodOf', () => {
  it.each([
    ['daily', '2023-06-14', { key: '2023-06-14', from: '2023-06-14', to: '2023-06-14' }],
    ['weekly', '2023-06-14', { key: 'W2023-06-12', from: '2023-06-12', to: '2023-06-18' }],
    ['weekly', '2023-06-18', { key: 'W2023-06-12', from: '2023-06-12', to: '2023-06-18' }],
    ['monthly', '2024-02-10', { key: '2024-02', from: '2024-02-01', to: '2024-02-29' }],
    ['quarterly', '2023-08-31', { key: '2023-Q3', from: '2023-07-01', to: '2023-09-30' }],
    ['halfYearly', '2023-06-30', { key: '2023-H1', from: '2023-01-01', to: '2023-06-30' }],
    ['halfYearly', '2023-07-01', { key: '2023-H2', from: '2023-07-01', to: '2023-12-31' }],
    ['yearly', '2025-03-03', { key: '2025', from: '2025-01-01', to: '2025-12-31' }],
  ] as const)('%s period of %s', (period, date, expected) => {
    expect(periodOf(date, period)).toEqual(expected);
  });

  it('campaign-long duties need the range', () => {
    expect(periodOf('2023-07-01', 'campaign', { from: '2023-05-18', to: '2023-12-31' })).toEqual({
      key: 'campaign',
      from: '2023-05-18',
      to: '2023-12-31',
    });
    expect(() => periodOf('2023-07-01', 'campaign')).toThrow(RangeError);
  });
});

describe('dutyCompliance (至少N次 per period)', () => {
  const range = { from: '2023-05-18', to: '2023-12-31' };

  it('a town principal’s monthly check (000:28): met, short, open and partial months', () => {
    const records = [
      { occurredOn: '2023-05-25' },
      { occurredOn: '2023-07-03' },
      { occurredOn: '2023-07-20' },
      { occurredOn: '2023-08-09' },
      { occurredOn: '2024-01-05' }, // outside the campaign
    ];
    const result = dutyCompliance({ period: 'monthly', minCount: 1 }, records, range, '2023-08-10');
    expect(result.map((r) => [r.key, r.from, r.to, r.count, r.status, r.partial])).toEqual([
      ['2023-05', '2023-05-18', '2023-05-31', 1, 'met', true],
      ['2023-06', '2023-06-01', '2023-06-30', 0, 'short', false],
      ['2023-07', '2023-07-01', '2023-07-31', 2, 'met', false],
      ['2023-08', '2023-08-01', '2023-08-31', 1, 'met', false],
    ]);
  });

  it('thresholds above one and counts per record (002:376, ≥2 enterprises a month)', () => {
    const result = dutyCompliance(
      { period: 'monthly', minCount: 2 },
      [
        { occurredOn: '2022-06-02', count: 1 },
        { occurredOn: '2022-07-15', count: 3 },
      ],
      { from: '2022-06-01', to: '2022-07-31' },
      '2022-08-01',
    );
    expect(result.map((r) => [r.key, r.count, r.required, r.status])).toEqual([
      ['2022-06', 1, 2, 'short'],
      ['2022-07', 3, 2, 'met'],
    ]);
  });

  it('a campaign-long duty has one period (000:40, at least one drill)', () => {
    expect(dutyCompliance({ period: 'campaign', minCount: 1 }, [], range, '2023-09-01')).toEqual([
      {
        key: 'campaign',
        from: '2023-05-18',
        to: '2023-12-31',
        count: 0,
        required: 1,
        status: 'open',
        partial: false,
      },
    ]);
  });

  it('quarters cut by the range are partial', () => {
    const result = dutyCompliance(
      { period: 'quarterly', minCount: 1 },
      [{ occurredOn: '2023-11-02' }],
      range,
      '2023-12-31',
    );
    expect(result.map((r) => [r.key, r.from, r.status, r.partial])).toEqual([
      ['2023-Q2', '2023-05-18', 'short', true],
      ['2023-Q3', '2023-07-01', 'short', false],
      ['2023-Q4', '2023-10-01', 'met', false],
    ]);
  });
});
