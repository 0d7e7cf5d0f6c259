import { campaignTemplateSchema, type CampaignTemplate, type TaskList } from '@zhiben/contracts';
import {
  BIG_INSPECTION_2022,
  BIG_INSPECTION_2022_KEY_TASKS,
  BIG_INSPECTION_2022_MEASURES,
  BIG_INSPECTION_2022_WORK_POINTS,
  CAMPAIGN_TEMPLATES,
  MAJOR_HAZARD_2023,
  METEOROLOGY_KEY_TASKS,
  OTHER_MEMBER_UNITS_KEY_TASKS,
  ROOT_CAUSE_3Y,
  ROOT_CAUSE_3Y_CITY_MANAGEMENT,
  responsibleGroups,
  SOE_KEY_TASKS,
  templateById,
} from './index';

const item = (list: TaskList, id: string) => {
  const found = list.items.find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
};

describe('campaign templates', () => {
  it.each(CAMPAIGN_TEMPLATES.map((t) => [t.id, t] as const))('%s is a valid version-1 template', (_id, t) => {
    const parsed = campaignTemplateSchema.safeParse(t);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    expect(t.version).toBe(1);
    // Parsing adds nothing: the shipped data already has every default spelled out.
    expect(parsed.data).toEqual(t);
  });

  it('have unique ids and are found by id and version', () => {
    expect(new Set(CAMPAIGN_TEMPLATES.map((t) => t.id)).size).toBe(CAMPAIGN_TEMPLATES.length);
    expect(templateById('major-hazard-2023')).toBe(MAJOR_HAZARD_2023);
    expect(templateById('major-hazard-2023', 1)).toBe(MAJOR_HAZARD_2023);
    expect(templateById('major-hazard-2023', 2)).toBeUndefined();
    expect(templateById('nope')).toBeUndefined();
  });

  it('cite the seeds on every stage, schedule, task item and duty', () => {
    const all = (t: CampaignTemplate) => [
      ...t.stages,
      ...t.reportSchedules,
      ...t.duties,
      ...t.taskLists.flatMap((l) => l.items),
    ];
    for (const t of CAMPAIGN_TEMPLATES) {
      for (const part of all(t)) expect(part.citation).toMatch(/^\d{3}:\d+/);
    }
  });
});

describe('2023 重大事故隐患专项排查整治 (seed 000)', () => {
  const t = MAJOR_HAZARD_2023;

  it('runs from the issue date to the end of 2023 in four consecutive stages', () => {
    expect(t.period).toEqual({ start: '2023-05-18', end: { kind: 'date', date: '2023-12-31' } });
    expect(t.stagesMayOverlap).toBe(false);
    expect(
      t.stages.map((s) => [s.titleZh, s.start, s.end.kind === 'date' ? s.end.date : s.end.event]),
    ).toEqual([
      ['动员部署', '2023-05-18', '2023-05-20'],
      ['集中排查', '2023-05-21', '2023-08-31'],
      ['重点整治', '2023-09-01', '2023-11-30'],
      ['建章立制', '2023-12-01', '2023-12-31'],
    ]);
  });

  it('reports the dispatch form by the 25th from June to December and the implementation on 5 Aug and 5 Nov', () => {
    expect(t.reportSchedules.map((s) => [s.id, s.timing, s.recipientZh, s.citation])).toEqual([
      [
        'monthly-dispatch',
        { kind: 'monthly', dueDay: 25, fromMonth: '2023-06', toMonth: '2023-12' },
        '镇应急办',
        '000:123',
      ],
      ['implementation', { kind: 'oneOff', dates: ['2023-08-05', '2023-11-05'] }, '镇应急办', '000:123'],
    ]);
    expect(t.reportSchedules[0].report).toEqual({
      kind: 'dispatchForm',
      formId: 'dispatch-major-hazard-2023',
      countingBasis: 'cumulative',
    });
  });

  it('counts the leaders’ monthly checks and the enterprises’ drills as duties', () => {
    expect(t.duties.map((d) => [d.id, d.period, d.minCount])).toEqual([
      ['mh-principal-monthly', 'monthly', 1],
      ['mh-deputy-monthly', 'monthly', 1],
      ['mh-enterprise-training', 'campaign', 1],
      ['mh-enterprise-drill', 'campaign', 1],
    ]);
    expect(t.duties[3].variants).toEqual([
      { conditionZh: '高危行业领域企业', period: 'halfYearly', minCount: 1 },
    ]);
  });

  it('lists the dated tasks of the plan', () => {
    const [list] = t.taskLists;
    expect(list.items.map((i) => [i.id, i.deadline.kind === 'by' ? i.deadline.date : null])).toEqual([
      ['mh-plans-and-mobilization', '2023-05-20'],
      ['mh-blind-spots', '2023-06-30'],
      ['mh-enforcement-training', '2023-06-30'],
      ['mh-three-operations', '2023-07-31'],
      ['mh-three-lists-and-ledger', '2023-08-31'],
      ['mh-five-implementations', '2023-11-30'],
    ]);
  });
});

describe('2022 安全生产大检查 (seed 002)', () => {
  const t = BIG_INSPECTION_2022;
  const matrix = t.taskLists[0];

  it('ends with the 20th Party Congress, an event, as do three of its five overlapping stages', () => {
    expect(t.period).toEqual({ start: '2022-05-16', end: { kind: 'event', event: 'congress-20-closed' } });
    expect(t.events.map((e) => [e.key, e.labelZh])).toEqual([['congress-20-closed', '党的二十大结束']]);
    expect(t.stagesMayOverlap).toBe(true);
    expect(
      t.stages.map((s) => [s.key, s.start, s.end.kind === 'date' ? s.end.date : `event:${s.end.event}`]),
    ).toEqual([
      ['immediate-deployment', '2022-05-16', '2022-05-20'],
      ['self-inspection', '2022-05-16', 'event:congress-20-closed'],
      ['assisted-inspection', '2022-05-16', '2022-07-31'],
      ['covert-verification', '2022-07-01', 'event:congress-20-closed'],
      ['accountability', '2022-05-16', 'event:congress-20-closed'],
    ]);
  });

  it('reports the self-inspection list by the 28th and files plans on 25 and 30 May', () => {
    expect(t.reportSchedules.map((s) => [s.id, s.timing])).toEqual([
      ['monthly-self-inspection', { kind: 'monthly', dueDay: 28, fromMonth: '2022-05' }],
      ['plans', { kind: 'oneOff', dates: ['2022-05-25'] }],
      ['power-and-responsibility-lists', { kind: 'oneOff', dates: ['2022-05-30'] }],
    ]);
  });

  it('has the whole matrix: 15 measures, 66 key tasks, 110 work points', () => {
    expect(BIG_INSPECTION_2022_MEASURES).toHaveLength(15);
    expect(BIG_INSPECTION_2022_KEY_TASKS.map((k) => k.number)).toEqual(
      Array.from({ length: 66 }, (_, i) => i + 1),
    );
    expect(BIG_INSPECTION_2022_WORK_POINTS.map((w) => w.number)).toEqual(
      Array.from({ length: 110 }, (_, i) => i + 1),
    );
    expect(matrix.items).toHaveLength(110);
    expect(matrix.groups.filter((g) => g.parentId === undefined)).toHaveLength(15);
    expect(matrix.groups.filter((g) => g.parentId !== undefined)).toHaveLength(66);
    // Key tasks per measure, as printed.
    const perMeasure = BIG_INSPECTION_2022_MEASURES.map(
      (_, i) => BIG_INSPECTION_2022_KEY_TASKS.filter((k) => k.measure === i + 1).length,
    );
    expect(perMeasure).toEqual([5, 6, 4, 6, 5, 6, 3, 3, 3, 5, 5, 5, 3, 2, 5]);
    expect(BIG_INSPECTION_2022_MEASURES.map((m) => m.number).join('')).toBe(
      '一二三四五六七八九十十一十二十三十四十五',
    );
  });

  it('keeps exact rows: (1), (17), (60), (87), (110)', () => {
    expect(item(matrix, 'bi-wp-1')).toEqual({
      id: 'bi-wp-1',
      groupId: 'bi-kt-1',
      number: '（1）',
      textZh: '5月底，建立“党政同责、一岗双责”有责任、有指标、有部署、有推进、有考核“五有”责任制。',
      textEn: expect.stringContaining('five-haves'),
      responsible: {
        textZh: '区委办，各镇（街道）党委（党工委）、各管委会、区级有关部门党委（组）、区属国有企业党委',
        groups: ['towns', 'platforms', 'districtDepartments', 'soes'],
      },
      deadline: { kind: 'by', date: '2022-05-31', labelZh: '5月底' },
      citation: '002:60, 002:63',
    });
    const wp17 = item(matrix, 'bi-wp-17');
    expect(wp17).toMatchObject({
      number: '（17）',
      numberPrinted: false,
      groupId: 'bi-kt-6',
      textZh: '每季度召开1次安全生产与自然灾害防治工作会议。',
      responsible: { textZh: '区政府办，各镇街、各管委会' },
      deadline: { kind: 'recurring', period: 'quarterly' },
      dutyIds: ['bi-wp17-meeting'],
      citation: '002:158-159',
    });
    expect(item(matrix, 'bi-wp-60').deadline).toEqual({
      kind: 'milestones',
      steps: [
        { date: '2022-05-31', labelZh: '5月底前试点' },
        { date: '2022-08-31', labelZh: '8月底前重点行业及规模以上企业' },
        { date: '2022-11-30', labelZh: '11月底前全覆盖' },
      ],
    });
    expect(item(matrix, 'bi-wp-87')).toMatchObject({
      textZh: '联合打非，深挖 “保护伞”，查处“猫鼠一家”。',
      responsible: { textZh: '区纪委监委机关，各镇街、各管委会，区级负有安全生产监管职责的部门' },
      citation: '002:580, 002:583',
    });
    expect(item(matrix, 'bi-wp-110')).toMatchObject({
      groupId: 'bi-kt-66',
      textZh: '建立各级各部门负责人安全履职档案，严格周检查、月通报。发生事故核查履职。',
      dutyIds: ['bi-wp110-check', 'bi-wp110-circular'],
    });
    expect(matrix.groups.find((g) => g.id === 'bi-m-15')).toMatchObject({
      number: '十五',
      titleZh: '统筹做好经济发展、疫情防控和安全生产工作',
    });
  });

  it('reads blank 责任单位 cells as merged with the row above', () => {
    const merged = matrix.items.filter((i) => i.mergedCells?.includes('responsible')).map((i) => i.number);
    expect(merged).toEqual([
      '（5）',
      '（23）',
      '（34）',
      '（35）',
      '（36）',
      '（39）',
      '（48）',
      '（49）',
      '（51）',
      '（53）',
      '（55）',
    ]);
    expect(item(matrix, 'bi-wp-35').responsible.textZh).toBe('区级负有安全生产监管职责的部门');
    expect(item(matrix, 'bi-wp-35').responsible.textZh).toBe(item(matrix, 'bi-wp-33').responsible.textZh);
  });

  it('turns the "每…至少N次" rows into counters', () => {
    const duty = (id: string) => t.duties.find((d) => d.id === id);
    expect(duty('bi-wp8-study')).toMatchObject({ whoZh: '镇街主要负责人', period: 'monthly', minCount: 1 });
    expect(duty('bi-wp53-enterprises')).toMatchObject({ period: 'monthly', minCount: 2, unitZh: '家' });
    expect(duty('bi-supervisory-inspections')).toMatchObject({
      period: 'campaign',
      minCount: 2,
      withinStage: 'assisted-inspection',
    });
    // Every counter hangs on its work point and the work point points back.
    for (const d of t.duties.filter((x) => x.taskItemId)) {
      expect(item(matrix, d.taskItemId as string).dutyIds).toContain(d.id);
    }
  });
});

describe('2024–2026 治本攻坚三年行动 (seeds 003, 004)', () => {
  it('has the four phases of 003 and its reporting rhythm', () => {
    const t = ROOT_CAUSE_3Y;
    expect(t.stages.map((s) => [s.titleZh, s.start, s.end.kind === 'date' ? s.end.date : null])).toEqual([
      ['动员部署阶段', '2024-02-29', '2024-02-29'],
      ['集中攻坚阶段', '2024-03-01', '2025-12-31'],
      ['治本提升阶段', '2026-01-01', '2026-09-30'],
      ['总结评估阶段', '2026-10-01', '2026-12-31'],
    ]);
    expect(t.reportSchedules.map((s) => s.timing)).toEqual([
      { kind: 'monthly', dueDay: 29, shortMonth: 'lastDayOfMonth', fromMonth: '2024-03', toMonth: '2026-12' },
      { kind: 'annual', month: 12, day: 1 },
      { kind: 'final', date: '2026-11-05' },
    ]);
    expect(t.taskLists.map((l) => [l.id, l.items.length])).toEqual([
      ['root-cause-3y-soe-key-tasks', 15],
      ['root-cause-3y-meteorology-key-tasks', 24],
      ['root-cause-3y-member-units-key-tasks', 68],
    ]);
  });

  it('keeps the city-management sub-plan with its overlapping first stages and the 20th as due day', () => {
    const t = ROOT_CAUSE_3Y_CITY_MANAGEMENT;
    expect(t.stagesMayOverlap).toBe(true);
    expect(t.stages[0].end).toEqual({ kind: 'date', date: '2024-04-30' });
    expect(t.stages[1].start).toBe('2024-04-01');
    expect(t.reportSchedules.map((s) => s.timing)).toEqual([
      { kind: 'monthly', dueDay: 20, fromMonth: '2024-04' },
      { kind: 'annual', month: 11, day: 20 },
      { kind: 'final', date: '2026-11-10' },
    ]);
  });

  it('SOE list (004:944-1043): three actions, nine key tasks, fifteen rows', () => {
    expect(SOE_KEY_TASKS.groups.filter((g) => !g.parentId).map((g) => g.titleZh)).toEqual([
      '开展隐患攻坚',
      '开展强基固本行动',
      '开展效能提升行动',
    ]);
    expect(SOE_KEY_TASKS.groups.filter((g) => g.parentId)).toHaveLength(9);
    expect(item(SOE_KEY_TASKS, 'soe-2')).toEqual({
      id: 'soe-2',
      groupId: 'soe-a1-1',
      textZh: '健全完善企业内部隐患排查标准。',
      responsible: { textZh: '各区属国有企业', groups: ['soes'] },
      deadline: { kind: 'by', date: '2024-12-31', labelZh: '2024年' },
      citation: '004:962, 004:964',
      mergedCells: ['deadline'],
    });
    expect(item(SOE_KEY_TASKS, 'soe-4')).toMatchObject({
      deadline: { kind: 'ongoing', labelZh: '长期坚持' },
      dutyIds: ['rc-soe-principal-check'],
    });
    expect(item(SOE_KEY_TASKS, 'soe-10').responsible.textZh).toBe('区国资中心');
    expect(
      SOE_KEY_TASKS.items.map((i) => (i.deadline.kind === 'by' ? i.deadline.date.slice(0, 4) : '长期')),
    ).toEqual([
      '2024',
      '2024',
      '2025',
      '长期',
      '2024',
      '长期',
      '2024',
      '长期',
      '2025',
      '2024',
      '2025',
      '2026',
      '2026',
      '2026',
      '2024',
    ]);
  });

  it('meteorology list (004:1175-1336): 17 key tasks, 24 rows', () => {
    const tasks = METEOROLOGY_KEY_TASKS.groups.filter((g) => g.parentId);
    expect(tasks.map((g) => g.number)).toEqual(Array.from({ length: 17 }, (_, i) => String(i + 1)));
    const rowsPerTask = tasks.map(
      (g) => METEOROLOGY_KEY_TASKS.items.filter((i) => i.groupId === g.id).length,
    );
    expect(rowsPerTask).toEqual([1, 1, 1, 1, 1, 2, 2, 1, 1, 1, 3, 4, 1, 1, 1, 1, 1]);
    expect(item(METEOROLOGY_KEY_TASKS, 'met-1').deadline).toEqual({
      kind: 'by',
      date: '2024-12-31',
      labelZh: '2024年底前全面健全全员安全生产责任体系。长期坚持强化责任落实。',
      thenOngoing: true,
    });
    expect(item(METEOROLOGY_KEY_TASKS, 'met-5').textZh).toContain('每半年检测一次');
    expect(item(METEOROLOGY_KEY_TASKS, 'met-11b').responsible.textZh).toBe(
      '区交通局、区海事处、区住房城乡建委、区规划自然资源局、区城市管理局、区文化旅游委、区气象局',
    );
  });

  it('other member units (004:1572-1879): 15 units, 68 rows, numbers as printed', () => {
    const units = OTHER_MEMBER_UNITS_KEY_TASKS.groups;
    expect(units).toHaveLength(15);
    expect(units[0].titleZh).toBe('区委组织部');
    expect(units[9].titleZh).toBe('共青团重庆市巴南区委员会委');
    expect(units[14].titleZh).toBe('巴南海事局');
    const rows = (unit: string) => OTHER_MEMBER_UNITS_KEY_TASKS.items.filter((i) => i.groupId === unit);
    expect(units.map((u) => rows(u.id).length)).toEqual([4, 3, 1, 5, 3, 2, 6, 2, 5, 4, 2, 3, 5, 3, 20]);
    // 区红十字会's numbering jumps from 1 to 4 in the source.
    expect(rows('mu-hsz').map((i) => i.number)).toEqual(['1', '4', '5', '6', '7']);
    // 区委组织部's first task spans three rows: 2024, 2025, 2026.
    expect(rows('mu-zzb').map((i) => [i.number, i.deadline.kind === 'by' ? i.deadline.date : null])).toEqual([
      ['1', '2024-12-31'],
      ['1', '2025-12-31'],
      ['1', '2026-12-31'],
      ['2', '2026-12-31'],
    ]);
    expect(item(OTHER_MEMBER_UNITS_KEY_TASKS, 'mu-cl-1').deadline).toEqual({
      kind: 'milestones',
      steps: [
        { date: '2024-12-31', labelZh: '2024年全面开展' },
        { date: '2025-12-31', labelZh: '2025年强化' },
        { date: '2026-12-31', labelZh: '2026年巩固提升' },
      ],
    });
    expect(item(OTHER_MEMBER_UNITS_KEY_TASKS, 'mu-cl-3')).toMatchObject({
      mergedCells: ['deadline'],
      deadline: { kind: 'milestones' },
    });
    expect(item(OTHER_MEMBER_UNITS_KEY_TASKS, 'mu-hs-20')).toMatchObject({
      number: '8',
      textZh:
        '20.持续开展安全生产月、安全宣传咨询日、水上交通安全教育、典型事故案例“双进”等活动，推动安全宣传进企业、进培训机构、进社区、进校园。',
      responsible: { textZh: '巴南海事局' },
      deadline: { kind: 'ongoing', labelZh: '长期坚持' },
      citation: '004:1878-1879',
    });
  });
});

describe('responsibleGroups', () => {
  it.each([
    ['区委办', []],
    ['各镇街、各管委会', ['towns', 'platforms']],
    ['区级负有安全生产监管职责的部门', ['districtDepartments']],
    [
      '各镇街、相关区级部门、区属国有企业、各管委会、各企业',
      ['towns', 'platforms', 'districtDepartments', 'soes', 'enterprises'],
    ],
    ['区安委会有关成员单位，各镇街，区属国有公司', ['towns', 'districtDepartments', 'soes']],
    ['区委编办，各管会，区级负有安全生产监管职责的部门', ['platforms', 'districtDepartments']],
  ])('%s → %j', (text, groups) => {
    expect(responsibleGroups(text)).toEqual(groups);
  });
});
