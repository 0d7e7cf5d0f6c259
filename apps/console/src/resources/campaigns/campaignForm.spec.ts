import { describe, expect, it } from '@jest/globals';
import {
  checkCampaignForm,
  cleanTiming,
  defaultJurisdiction,
  draftFromTemplate,
  issuesToFormErrors,
  toCampaignPayload,
  type CampaignFormValues,
} from './campaignForm';
import type { TemplateDetail } from './types';

const template = {
  id: 'major-hazard-2023',
  version: 1,
  kind: 'MajorHazard2023',
  titleZh: '重大事故隐患专项排查整治2023行动',
  titleEn: '2023 campaign',
  issuer: { nameZh: '贾嗣镇人民政府' },
  latestVersion: 1,
  versions: [],
  period: { start: '2023-05-18', end: { kind: 'date', date: '2023-12-31' } },
  events: [],
  stagesMayOverlap: false,
  stages: [
    {
      key: 'mobilization',
      kind: 'Mobilization',
      titleZh: '动员部署',
      titleEn: 'Mobilisation',
      start: '2023-05-18',
      end: { kind: 'date', date: '2023-05-20' },
    },
    {
      key: 'inspection',
      kind: 'ConcentratedInspection',
      titleZh: '集中排查',
      titleEn: 'Inspection',
      start: '2023-05-21',
      end: { kind: 'date', date: '2023-08-31' },
    },
  ],
  reportSchedules: [
    {
      id: 'monthly-dispatch',
      titleZh: '月度调度表',
      titleEn: 'Monthly dispatch form',
      report: { kind: 'dispatchForm', formId: 'dispatch-major-hazard-2023' },
      timing: { kind: 'monthly', dueDay: 25 },
      dueDatePolicy: 'keep',
      leadTime: { amount: 5, unit: 'workingDays' },
    },
  ],
  citation: '000:112-122',
} as unknown as TemplateDetail;

const draft = (): CampaignFormValues => ({
  ...draftFromTemplate(template, 'JJ-JIASI'),
  participants: [{ orgUnitCode: 'JJ-JIASI' }],
});

describe('campaign form', () => {
  it('prefills from the template without sharing its objects', () => {
    const values = draftFromTemplate(template, 'JJ-JIASI');
    expect(values).toMatchObject({
      templateId: 'major-hazard-2023',
      templateVersion: 1,
      jurisdiction: 'JJ-JIASI',
    });
    values.stages[0].start = '2023-06-01';
    expect(template.stages[0].start).toBe('2023-05-18');
  });

  it('accepts the template as it is', () => {
    expect(checkCampaignForm(draft(), false)).toEqual([]);
  });

  it('sends only the chosen branch of an end and numbers as numbers', () => {
    const values = draft();
    values.stages[1].end = { kind: 'event', event: 'congress', date: '2023-08-31' } as never;
    values.events = [
      { key: 'congress', labelZh: '党的二十大结束', labelEn: 'End of the 20th Party Congress' },
    ];
    values.titleEn = '  ';
    const payload = toCampaignPayload(values);
    expect(payload.stages[1].end).toEqual({ kind: 'event', event: 'congress' });
    expect('titleEn' in payload).toBe(false);
    expect(cleanTiming({ kind: 'monthly', dueDay: '20', fromMonth: '', shortMonth: true })).toEqual({
      kind: 'monthly',
      dueDay: 20,
      shortMonth: 'lastDayOfMonth',
    });
    expect(cleanTiming({ kind: 'oneOff', dates: ['2023-08-05', '', '2023-11-05'] })).toEqual({
      kind: 'oneOff',
      dates: ['2023-08-05', '2023-11-05'],
    });
  });

  it('rejects a stage that ends before it starts, overlaps and a due day not in every month', () => {
    const values = draft();
    values.stages[0].end = { kind: 'date', date: '2023-05-10' };
    values.stages[1].start = '2023-05-19';
    values.stages[0].end = { kind: 'date', date: '2023-05-25' };
    values.reportSchedules[0].timing = { kind: 'monthly', dueDay: 30 };
    const paths = checkCampaignForm(values, false).map((i) => i.path);
    expect(paths).toEqual(['stages.1.start', 'reportSchedules.0.timing.dueDay']);
    values.stages[0].end = { kind: 'date', date: '2023-05-10' };
    values.stages[0].start = '2023-05-18';
    expect(checkCampaignForm(values, true).map((i) => i.path)).toContain('stages.0.end.date');
  });

  it('needs participants and declared events', () => {
    const values = draft();
    values.participants = [];
    values.stages[1].end = { kind: 'event', event: 'congress' };
    const issues = checkCampaignForm(values, true);
    expect(issues.map((i) => i.path)).toEqual(['stages.1.end.event', 'participants']);
  });

  it('nests issues the way react-admin validate expects, in the UI language', () => {
    const errors = issuesToFormErrors(
      [
        { path: 'stages.1.end.date', messageZh: '早于', messageEn: 'before' },
        { path: 'titleZh', messageZh: '不能为空', messageEn: 'empty' },
        { path: 'titleZh', messageZh: '第二条', messageEn: 'second' },
      ],
      'en',
    );
    expect(errors).toEqual({ stages: [undefined, { end: { date: 'before' } }], titleZh: 'empty' });
  });
});

describe('defaultJurisdiction', () => {
  const units = [
    { id: '1', code: 'jiangjin', kind: 'district', parentId: null },
    { id: '2', code: 'jiangjin.anweiban', kind: 'office', parentId: '1' },
    { id: '3', code: 'jiangjin.jiasi', kind: 'town', parentId: '1' },
  ];

  it('is the user’s own unit when it is territorial', () => {
    expect(defaultJurisdiction({ id: '3', code: 'jiangjin.jiasi', kind: 'town' }, units)).toBe(
      'jiangjin.jiasi',
    );
  });

  it('is the territorial unit above an office (区安委办 → 江津区)', () => {
    expect(defaultJurisdiction({ id: '2', code: 'jiangjin.anweiban', kind: 'office' }, units)).toBe(
      'jiangjin',
    );
  });

  it('is undefined when nothing territorial is known', () => {
    expect(defaultJurisdiction(null, units)).toBeUndefined();
    expect(defaultJurisdiction({ id: '9', code: 'x.office', kind: 'office' }, units)).toBeUndefined();
  });
});
