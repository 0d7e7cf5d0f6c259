import {
  campaignTemplateSchema,
  type CampaignTemplate,
  checkCampaignPlan,
  createCampaignSchemaFor,
  dutySchema,
  taskProgressSchema,
} from '@zhiben/contracts';
import { campaignDraftFromTemplate } from './instantiate';
import { BIG_INSPECTION_2022, MAJOR_HAZARD_2023, ROOT_CAUSE_3Y } from './templates';

/**
 * The "bad input" of issue 4 as the contracts reject it: every message is "中文 / English" and carries
 * the path of the offending field, which the platform's zod pipe turns into a 400 with field errors.
 */

type Issue = [path: string, zh: string, en: string];
function issues(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}): Issue[] {
  return (result.error?.issues ?? []).map((i) => {
    const [zh, en] = i.message.split(' / ');
    return [i.path.join('.'), zh, en];
  });
}
const edit = (t: CampaignTemplate, change: (copy: CampaignTemplate) => void): CampaignTemplate => {
  const copy = JSON.parse(JSON.stringify(t)) as CampaignTemplate;
  change(copy);
  return copy;
};
const check = (t: CampaignTemplate) => issues(campaignTemplateSchema.safeParse(t));

describe('stage dates', () => {
  it('rejects a stage that ends before it starts', () => {
    const bad = edit(MAJOR_HAZARD_2023, (t) => {
      t.stages[1].end = { kind: 'date', date: '2023-05-01' };
    });
    expect(check(bad)).toContainEqual([
      'stages.1.end.date',
      '阶段“集中排查”的结束日期 2023-05-01 早于开始日期 2023-05-21',
      'Stage "Concentrated inspection" ends (2023-05-01) before it starts (2023-05-21)',
    ]);
  });

  it('rejects overlapping stages where the template forbids them', () => {
    const bad = edit(MAJOR_HAZARD_2023, (t) => {
      t.stages[2].start = '2023-08-15';
    });
    expect(check(bad)).toEqual([
      [
        'stages.2.start',
        '阶段“重点整治”（2023-08-15 起）与阶段“集中排查”（至 2023-08-31）重叠，本行动的阶段不允许重叠',
        'Stage "Focused rectification" (from 2023-08-15) overlaps "Concentrated inspection" (to 2023-08-31); this campaign\'s stages may not overlap',
      ],
    ]);
    // The same overlap is fine where the template allows it (002's stages run side by side).
    expect(check(edit(bad, (t) => (t.stagesMayOverlap = true)))).toEqual([]);
    expect(check(BIG_INSPECTION_2022)).toEqual([]);
  });

  it('rejects a stage after an event-ended one when stages may not overlap', () => {
    const bad = edit(BIG_INSPECTION_2022, (t) => {
      t.stagesMayOverlap = false;
      t.stages = [t.stages[1], { ...t.stages[3], start: '2022-11-01' }];
      t.duties = [];
      t.taskLists = [];
    });
    expect(check(bad).map((i) => i[0])).toEqual(['stages.1.start']);
    expect(check(bad)[0][2]).toContain('ends on an event');
  });

  it('rejects stages outside the campaign and unknown events', () => {
    const bad = edit(MAJOR_HAZARD_2023, (t) => {
      t.stages[0].start = '2023-05-01';
      t.stages[3].end = { kind: 'date', date: '2024-01-15' };
    });
    expect(check(bad).map((i) => i[0])).toEqual(['stages.0.start', 'stages.3.end.date']);
    const unknownEvent = edit(BIG_INSPECTION_2022, (t) => {
      t.stages[1].end = { kind: 'event', event: 'no-such-event' };
    });
    expect(check(unknownEvent)).toEqual([
      [
        'stages.1.end.event',
        '未声明的事件 no-such-event，请先在 events 中定义',
        'Unknown event no-such-event; declare it in events',
      ],
    ]);
  });
});

describe('report schedules', () => {
  const withTiming = (timing: unknown) =>
    edit(MAJOR_HAZARD_2023, (t) => {
      (t.reportSchedules[0] as { timing: unknown }).timing = timing;
    });

  it.each([29, 30, 31])('rejects due day %i unless short months are decided explicitly', (day) => {
    const result = check(withTiming({ kind: 'monthly', dueDay: day }));
    expect(result).toHaveLength(1);
    expect(result[0][0]).toBe('reportSchedules.0.timing.dueDay');
    expect(result[0][1]).toContain(`每月${day}日在部分月份（如2月）不存在`);
    expect(result[0][2]).toContain('does not exist in every month (e.g. February)');
    expect(check(withTiming({ kind: 'monthly', dueDay: day, shortMonth: 'lastDayOfMonth' }))).toEqual([]);
  });

  it('accepts days 1–28 and month end', () => {
    expect(check(withTiming({ kind: 'monthly', dueDay: 28 }))).toEqual([]);
    expect(check(withTiming({ kind: 'monthly', dueDay: 'last' }))).toEqual([]);
    expect(check(withTiming({ kind: 'monthly', dueDay: 0 })).map((i) => i[0])).toEqual([
      'reportSchedules.0.timing.dueDay',
    ]);
  });

  it('rejects 29 February as an annual date, and months or dates outside the campaign', () => {
    expect(check(withTiming({ kind: 'annual', month: 2, day: 29 })).map((i) => i[0])).toEqual([
      'reportSchedules.0.timing.day',
    ]);
    expect(check(withTiming({ kind: 'monthly', dueDay: 25, fromMonth: '2023-04' })).map((i) => i[0])).toEqual(
      ['reportSchedules.0.timing.fromMonth'],
    );
    expect(
      check(withTiming({ kind: 'monthly', dueDay: 25, fromMonth: '2023-09', toMonth: '2023-07' })),
    ).toHaveLength(1);
    expect(
      check(withTiming({ kind: 'oneOff', dates: ['2023-08-05', '2024-02-01'] })).map((i) => i[0]),
    ).toEqual(['reportSchedules.0.timing.dates.1']);
    expect(
      check(withTiming({ kind: 'oneOff', dates: ['2023-08-05', '2023-08-05'] })).map((i) => i[0]),
    ).toEqual(['reportSchedules.0.timing.dates.1']);
  });

  it('needs exactly one of date and daysAfterEnd for a final report', () => {
    expect(check(withTiming({ kind: 'final' }))[0][0]).toBe('reportSchedules.0.timing');
    expect(check(withTiming({ kind: 'final', date: '2023-12-20', daysAfterEnd: 5 }))).toHaveLength(1);
    expect(check(withTiming({ kind: 'final', daysAfterEnd: 5 }))).toEqual([]);
  });

  it('needs the form of a dispatch-form report', () => {
    const bad = edit(MAJOR_HAZARD_2023, (t) => {
      delete t.reportSchedules[0].report.formId;
    });
    expect(check(bad).map((i) => i[0])).toEqual(['reportSchedules.0.report.formId']);
  });
});

describe('counts and references', () => {
  it('rejects negative or zero duty thresholds', () => {
    const duty = MAJOR_HAZARD_2023.duties[0];
    expect(issues(dutySchema.safeParse({ ...duty, minCount: -1 }))).toEqual([
      ['minCount', '不能小于 1', 'Must be at least 1'],
    ]);
    expect(issues(dutySchema.safeParse({ ...duty, minCount: 0 })).map((i) => i[0])).toEqual(['minCount']);
  });

  it('rejects dangling references between duties, task items and stages', () => {
    const bad = edit(BIG_INSPECTION_2022, (t) => {
      t.duties[0].taskItemId = 'bi-wp-999';
      t.duties[t.duties.length - 1].withinStage = 'no-stage';
      t.taskLists[0].items[0].dutyIds = ['no-duty'];
    });
    expect(
      check(bad)
        .map((i) => i[0])
        .sort(),
    ).toEqual([
      'duties.0.taskItemId',
      `duties.${BIG_INSPECTION_2022.duties.length - 1}.withinStage`,
      'taskLists.0.items.0.dutyIds.0',
    ]);
  });

  it('a task marked done needs its completion evidence', () => {
    expect(issues(taskProgressSchema.safeParse({ status: 'done' }))).toEqual([
      ['evidence', '标记完成须提供佐证材料', 'Marking a task done needs completion evidence'],
    ]);
    expect(
      taskProgressSchema.safeParse({
        status: 'done',
        evidence: [{ kind: 'meetingRecord', textZh: '6月2日动员会纪要' }],
      }).success,
    ).toBe(true);
    expect(
      issues(taskProgressSchema.safeParse({ status: 'done', evidence: [{ kind: 'photo' }] })).map(
        (i) => i[0],
      ),
    ).toEqual(['evidence.0']);
  });
});

describe('instantiating a template (POST /campaigns)', () => {
  const schema = createCampaignSchemaFor(MAJOR_HAZARD_2023);
  const draft = campaignDraftFromTemplate(MAJOR_HAZARD_2023, {
    jurisdiction: 'jiangjin',
    participants: ['jiangjin.jiasi', 'jiangjin.baisha', 'jiangjin.yingji'],
  });

  it('accepts the template’s own plan for the demo district', () => {
    const parsed = schema.safeParse(draft);
    expect(issues(parsed)).toEqual([]);
    expect(parsed.data?.participants).toEqual([
      { orgUnitCode: 'jiangjin.jiasi', reports: true },
      { orgUnitCode: 'jiangjin.baisha', reports: true },
      { orgUnitCode: 'jiangjin.yingji', reports: true },
    ]);
    // The draft is a copy: editing it leaves the template alone.
    draft.stages[0].titleZh = '改';
    expect(MAJOR_HAZARD_2023.stages[0].titleZh).toBe('动员部署');
  });

  it('applies the template’s overlap rule whatever the caller sends', () => {
    const overlapping = {
      ...draft,
      stages: draft.stages.map((s, i) => (i === 1 ? { ...s, start: '2023-05-19' } : s)),
    };
    expect(issues(schema.safeParse(overlapping)).map((i) => i[0])).toEqual(['stages.1.start']);
    // A caller cannot switch the rule off: the field is not part of the request.
    expect(schema.safeParse({ ...overlapping, stagesMayOverlap: true }).error?.issues[0]).toMatchObject({
      code: 'unrecognized_keys',
      keys: ['stagesMayOverlap'],
    });
  });

  it('rejects duplicate participants, unknown task items and a wrong template version', () => {
    const bad = {
      ...draft,
      participants: [{ orgUnitCode: 'jiangjin.jiasi' }, { orgUnitCode: 'jiangjin.jiasi' }],
      taskAssignments: [
        { listId: 'major-hazard-2023-key-dates', itemId: 'mh-blind-spots', orgUnitCodes: ['jiangjin.jiasi'] },
        { listId: 'major-hazard-2023-key-dates', itemId: 'nope', orgUnitCodes: ['jiangjin.jiasi'] },
      ],
      dutyAssignments: [{ dutyId: 'ghost', orgUnitCodes: ['jiangjin.jiasi'] }],
    };
    expect(issues(schema.safeParse(bad)).map((i) => i[0])).toEqual([
      'participants.1.orgUnitCode',
      'taskAssignments.1.itemId',
      'dutyAssignments.0.dutyId',
    ]);
    expect(issues(schema.safeParse({ ...draft, templateVersion: 2 })).map((i) => i[0])).toEqual([
      'templateVersion',
    ]);
    expect(issues(schema.safeParse({ ...draft, participants: [] })).map((i) => i[0])).toEqual([
      'participants',
    ]);
  });

  it('an event-ended template instantiates with an open end', () => {
    const d = campaignDraftFromTemplate(BIG_INSPECTION_2022, {
      jurisdiction: 'tongliang',
      participants: ['tongliang.a'],
    });
    expect(issues(createCampaignSchemaFor(BIG_INSPECTION_2022).safeParse(d))).toEqual([]);
  });

  it('checkCampaignPlan is the same rule set the schemas apply', () => {
    expect(checkCampaignPlan(ROOT_CAUSE_3Y)).toEqual([]);
    const issuesOfBad = checkCampaignPlan({
      ...MAJOR_HAZARD_2023,
      stages: [{ ...MAJOR_HAZARD_2023.stages[0], end: { kind: 'date', date: '2023-05-17' } }],
    });
    expect(issuesOfBad.map((i) => i.path)).toEqual([['stages', 0, 'end', 'date']]);
  });
});
