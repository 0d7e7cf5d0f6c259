import { z } from 'zod';
import { civilDateSchema, orgUnitCodeSchema } from './directory';
import type { HazardGrade, HazardSource, HazardStatus } from './hazards';

/**
 * The campaigns context's contract (issue 4): campaign templates and instances with their stages,
 * report schedules, task lists (任务清单 / 责任清单 / 时限进度清单) and recurring duties, the shape of report
 * forms such as the monthly dispatch form (月度调度表), and report submissions.
 *
 * Domain: processes.md P-01 (campaign lifecycle), P-09 (reporting), P-10 (duty recurrences);
 * forms-and-reports.md F-01..F-05. Seeds are cited as `000:123` (seed prefix : line).
 *
 * The campaign data of the seeds and the pure domain functions (due dates, stage state, aggregation) live
 * in `libs/campaigns`; the plan checks below are plain functions so that the zod schemas, the service and
 * tests share one implementation.
 */

const msg = (zh: string, en: string) => ({ message: `${zh} / ${en}` });
const text = (max: number) =>
  z
    .string(msg('须为文本', 'Must be a string'))
    .trim()
    .min(1, msg('不能为空', 'Must not be empty'))
    .max(max, msg(`不能超过 ${max} 个字符`, `At most ${max} characters`));

/** Stable identifiers of templates, stages, schedules, lists, items and duties: `major-hazard-2023`. */
export const campaignKeySchema = z
  .string(msg('须为文本', 'Must be a string'))
  .regex(
    /^[a-z0-9]+(-[a-z0-9]+)*$/,
    msg('标识只能由小写字母、数字和短横线组成', 'Identifier: lowercase letters, digits and hyphens'),
  )
  .max(80, msg('标识不能超过 80 个字符', 'Identifier: at most 80 characters'));

/** A seed citation, `000:123`, `002:60-63`, or several separated by `, `. */
export const citationSchema = z
  .string(msg('须为文本', 'Must be a string'))
  .regex(
    /^\d{3}:\d+(-\d+)?(, \d{3}:\d+(-\d+)?)*$/,
    msg('出处格式须为 000:123', 'Citation must look like 000:123'),
  );

/** `YYYY-MM` */
export const yearMonthSchema = z
  .string(msg('须为文本', 'Must be a string'))
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, msg('月份格式须为 YYYY-MM', 'Month must be YYYY-MM'));

const int = (min: number, max: number) =>
  z
    .number(msg('须为数字', 'Must be a number'))
    .int(msg('须为整数', 'Must be an integer'))
    .min(min, msg(`不能小于 ${min}`, `Must be at least ${min}`))
    .max(max, msg(`不能大于 ${max}`, `Must be at most ${max}`));

const enumOf = <T extends readonly [string, ...string[]]>(values: T, what: { zh: string; en: string }) =>
  z.enum(
    values,
    msg(`${what.zh}无效，可选：${values.join('、')}`, `Invalid ${what.en}; one of ${values.join(', ')}`),
  );

type Labels<T extends string> = Readonly<Record<T, { readonly zh: string; readonly en: string }>>;

// ------------------------------------------------------------------------------------------- kinds

/** Campaign types of the seeds (glossary.md §1). */
export const CAMPAIGN_KINDS = ['MajorHazard2023', 'BigInspection', 'RootCause3Y', 'Other'] as const;
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];
export const CAMPAIGN_KIND_LABELS: Labels<CampaignKind> = {
  MajorHazard2023: {
    zh: '重大事故隐患专项排查整治2023行动',
    en: '2023 Major-Hazard Special Inspection & Rectification',
  },
  BigInspection: { zh: '安全生产大检查', en: 'Work-safety big inspection' },
  RootCause3Y: { zh: '安全生产治本攻坚三年行动', en: 'Three-Year Root-Cause Tackling Action' },
  Other: { zh: '其他专项行动', en: 'Other campaign' },
};

/** Stage kinds of the seeds (glossary.md §1 "StageKind"). */
export const STAGE_KINDS = [
  'Mobilization',
  'ConcentratedInspection',
  'FocusedRectification',
  'Institutionalization',
  'ImmediateDeployment',
  'SelfInspection',
  'AssistedInspection',
  'CovertVerification',
  'Accountability',
  'InspectionRectification',
  'ConcentratedAssault',
  'RootCauseImprovement',
  'Consolidation',
  'SummaryEvaluation',
  'Other',
] as const;
export type StageKind = (typeof STAGE_KINDS)[number];
export const STAGE_KIND_LABELS: Labels<StageKind> = {
  Mobilization: { zh: '动员部署', en: 'Mobilisation & deployment' },
  ConcentratedInspection: { zh: '集中排查', en: 'Concentrated inspection' },
  FocusedRectification: { zh: '重点整治', en: 'Focused rectification' },
  Institutionalization: { zh: '建章立制', en: 'Institution building' },
  ImmediateDeployment: { zh: '立即部署，迅速行动', en: 'Immediate deployment' },
  SelfInspection: { zh: '全面行动，自查自改', en: 'Self-inspection & self-rectification' },
  AssistedInspection: { zh: '上下联动，帮查整改', en: 'Assisted inspection & rectification' },
  CovertVerification: { zh: '明查暗访，重点核改', en: 'Overt/covert checks & verification' },
  Accountability: { zh: '跟踪督办，问责促改', en: 'Follow-up supervision & accountability' },
  InspectionRectification: { zh: '排查整治', en: 'Inspection & rectification' },
  ConcentratedAssault: { zh: '集中攻坚', en: 'Concentrated assault' },
  RootCauseImprovement: { zh: '治本提升', en: 'Root-cause improvement' },
  Consolidation: { zh: '巩固提升', en: 'Consolidation & improvement' },
  SummaryEvaluation: { zh: '总结评估', en: 'Summary & evaluation' },
  Other: { zh: '其他阶段', en: 'Other stage' },
};

/** What a report schedule collects (processes.md P-09). */
export const REPORT_KINDS = [
  'dispatchForm', // 月度调度表: a numeric form (FormDefinition)
  'progress', // 工作进展 / 阶段性工作进展
  'implementation', // 贯彻落实情况
  'selfInspection', // 自查情况和问题清单
  'planFiling', // 方案、清单报送备案
  'annualSummary', // 年度工作总结
  'finalSummary', // 总结报告 / 评估报告
] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const REPORT_KIND_LABELS: Labels<ReportKind> = {
  dispatchForm: { zh: '月度调度表', en: 'Monthly dispatch form' },
  progress: { zh: '工作进展情况', en: 'Progress report' },
  implementation: { zh: '贯彻落实情况', en: 'Implementation report' },
  selfInspection: { zh: '自查情况和问题清单', en: 'Self-inspection status and problem list' },
  planFiling: { zh: '方案报送备案', en: 'Plan filing' },
  annualSummary: { zh: '年度工作总结', en: 'Annual summary' },
  finalSummary: { zh: '总结评估报告', en: 'Final summary / evaluation report' },
};

/** Periods of "at least N per period" duties (processes.md §0 recurrence words). */
export const DUTY_PERIODS = [
  'daily',
  'weekly',
  'monthly',
  'quarterly',
  'halfYearly',
  'yearly',
  'campaign',
] as const;
export type DutyPeriod = (typeof DUTY_PERIODS)[number];
export const DUTY_PERIOD_LABELS: Labels<DutyPeriod> = {
  daily: { zh: '每日', en: 'daily' },
  weekly: { zh: '每周', en: 'weekly' },
  monthly: { zh: '每月', en: 'monthly' },
  quarterly: { zh: '每季度', en: 'quarterly' },
  halfYearly: { zh: '每半年', en: 'half-yearly' },
  yearly: { zh: '每年', en: 'yearly' },
  campaign: { zh: '行动期间', en: 'during the campaign' },
};

/** Kinds of completion evidence for a task-list item [design]. */
export const EVIDENCE_KINDS = ['document', 'meetingRecord', 'photo', 'ledger', 'report', 'other'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
export const EVIDENCE_KIND_LABELS: Labels<EvidenceKind> = {
  document: { zh: '文件、方案', en: 'Document or plan' },
  meetingRecord: { zh: '会议记录、纪要', en: 'Meeting record' },
  photo: { zh: '照片', en: 'Photo' },
  ledger: { zh: '台账、清单', en: 'Ledger or list' },
  report: { zh: '报告', en: 'Report' },
  other: { zh: '其他', en: 'Other' },
};

/**
 * Groups of units named generically in the seeds' 责任单位 columns (forms-and-reports.md F-02 abbreviations);
 * an instance resolves them to org units of its jurisdiction. A named unit (区委办, 区应急局…) stays in the
 * item's `responsible.textZh`.
 */
export const RESPONSIBLE_GROUPS = [
  'towns', // 各镇（街道） / 各镇街
  'platforms', // 各管委会 / 平台
  'districtDepartments', // 区级负有安全生产监管职责的部门 / 区级有关部门 / 相关区级部门
  'soes', // 区属国有企业 / 区属国有公司
  'enterprises', // 各企业 / 相关企业
  'villages', // 村（社区）
] as const;
export type ResponsibleGroup = (typeof RESPONSIBLE_GROUPS)[number];
export const RESPONSIBLE_GROUP_LABELS: Labels<ResponsibleGroup> = {
  towns: { zh: '各镇街', en: 'Towns and subdistricts' },
  platforms: { zh: '各管委会（平台）', en: 'Administrative committees (platforms)' },
  districtDepartments: { zh: '区级有关部门', en: 'District departments' },
  soes: { zh: '区属国有企业', en: 'District state-owned enterprises' },
  enterprises: { zh: '各企业', en: 'Enterprises' },
  villages: { zh: '村（社区）', en: 'Villages and communities' },
};

/**
 * How a due date that falls on a weekend or holiday is treated.
 * - `keep` (default): the plan's calendar date stands ("每月25日前" means the 25th); the occurrence still
 *   exposes the next working day as `workingDayDate` for display.
 * - `rollForward`: 顺延 to the next working day (as `@zhiben/calendar` does for filing deadlines).
 * - `rollBack`: 提前 to the previous working day, when the office wants the report before the weekend.
 */
export const DUE_DATE_POLICIES = ['keep', 'rollForward', 'rollBack'] as const;
export type DueDatePolicy = (typeof DUE_DATE_POLICIES)[number];

// --------------------------------------------------------------------------------------- plan parts

export const campaignEventSchema = z.strictObject({
  key: campaignKeySchema,
  labelZh: text(100),
  labelEn: text(200),
});
export type CampaignEvent = z.infer<typeof campaignEventSchema>;

/** Where a stage or a campaign ends: on a date (inclusive) or when an event is signalled (002:22). */
export const campaignEndSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('date'), date: civilDateSchema }),
    z.strictObject({ kind: z.literal('event'), event: campaignKeySchema }),
  ],
  msg('结束方式须为 date（日期）或 event（事件）', 'End kind must be date or event'),
);
export type CampaignEnd = z.infer<typeof campaignEndSchema>;

export const campaignPeriodSchema = z.strictObject({ start: civilDateSchema, end: campaignEndSchema });
export type CampaignPeriod = z.infer<typeof campaignPeriodSchema>;

export const stageSchema = z.strictObject({
  key: campaignKeySchema,
  kind: enumOf(STAGE_KINDS, { zh: '阶段类型', en: 'stage kind' }),
  titleZh: text(100),
  titleEn: text(200),
  /** First day of the stage (inclusive). */
  start: civilDateSchema,
  /** Last day of the stage (inclusive), or the event that ends it. */
  end: campaignEndSchema,
  deliverablesZh: text(2000).optional(),
  citation: citationSchema.optional(),
});
export type Stage = z.infer<typeof stageSchema>;

export const leadTimeSchema = z.strictObject({
  amount: int(0, 90),
  unit: z.enum(
    ['naturalDays', 'workingDays'],
    msg('单位须为 naturalDays 或 workingDays', 'Unit must be naturalDays or workingDays'),
  ),
});
export type LeadTime = z.infer<typeof leadTimeSchema>;

/**
 * When a report falls due.
 *
 * `monthly.dueDay`: 1–28 is valid in every month. Days 29–31 do not exist in every month (29–31 in a
 * common-year February, 31 in April, June, September, November), so they are **rejected unless the
 * schedule says explicitly what happens then** with `shortMonth: 'lastDayOfMonth'` (due on the month's
 * last day: 003's "每月29日前" gives 28 Feb in 2025, which is still "before the 29th"). `'last'` is 月底前.
 * We reject rather than clamp silently because a due day that moves without anyone having decided it is a
 * reporting deadline nobody agreed to.
 */
export const scheduleTimingSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('monthly'),
      dueDay: z.union(
        [int(1, 31), z.literal('last')],
        msg('截止日须为 1–31 或 last（月底）', 'Due day must be 1–31 or last'),
      ),
      shortMonth: z
        .literal('lastDayOfMonth', msg('只能为 lastDayOfMonth', 'Must be lastDayOfMonth'))
        .optional(),
      /** First and last month with a report; default: the months of the campaign period. */
      fromMonth: yearMonthSchema.optional(),
      toMonth: yearMonthSchema.optional(),
    }),
    z.strictObject({
      kind: z.literal('oneOff'),
      dates: z
        .array(civilDateSchema)
        .min(1, msg('至少一个日期', 'At least one date'))
        .max(60, msg('最多 60 个日期', 'At most 60 dates')),
    }),
    z.strictObject({
      kind: z.literal('annual'),
      month: int(1, 12),
      day: int(1, 31),
      fromYear: int(2000, 2100).optional(),
      toYear: int(2000, 2100).optional(),
    }),
    z.strictObject({
      kind: z.literal('final'),
      /** A fixed date (003: 2026-11-05) … */
      date: civilDateSchema.optional(),
      /** … or N natural days after the campaign ends (for event-ended campaigns). */
      daysAfterEnd: int(0, 365).optional(),
    }),
  ],
  msg(
    '时间类型须为 monthly、oneOff、annual 或 final',
    'Timing kind must be monthly, oneOff, annual or final',
  ),
);
export type ScheduleTiming = z.infer<typeof scheduleTimingSchema>;

export const COUNTING_BASES = ['cumulative', 'period'] as const;
export type CountingBasis = (typeof COUNTING_BASES)[number];

export const reportScheduleSchema = z.strictObject({
  id: campaignKeySchema,
  titleZh: text(200),
  titleEn: text(300),
  report: z.strictObject({
    kind: enumOf(REPORT_KINDS, { zh: '报送类型', en: 'report kind' }),
    /** The form (FormDefinition.id) of a `dispatchForm` report. */
    formId: campaignKeySchema.optional(),
    /**
     * Counts since the campaign started (`cumulative`, default) or within the period only. The seed form
     * does not say (forms-and-reports.md F-01), so the campaign decides [design].
     */
    countingBasis: enumOf(COUNTING_BASES, { zh: '统计口径', en: 'counting basis' }).optional(),
  }),
  /** 报送对象 as written in the plan, e.g. 镇应急办. */
  recipientZh: text(100).optional(),
  /** 报送单位 as written in the plan. */
  reportersZh: text(300).optional(),
  timing: scheduleTimingSchema,
  dueDatePolicy: enumOf(DUE_DATE_POLICIES, { zh: '节假日规则', en: 'due-date policy' }).default('keep'),
  /** How long before the due date the report task opens. */
  leadTime: leadTimeSchema.default({ amount: 5, unit: 'workingDays' }),
  citation: citationSchema.optional(),
});
export type ReportSchedule = z.infer<typeof reportScheduleSchema>;
export type ReportScheduleInput = z.input<typeof reportScheduleSchema>;

/** A task's time limit as the seeds write it (完成时间 / 工作时限). */
export const taskDeadlineSchema = z.discriminatedUnion(
  'kind',
  [
    /** By a date: 5月底 → 05-31, 5月中旬 → 05-20, 2024年 → 2024-12-31; optionally kept up afterwards (并长期坚持). */
    z.strictObject({
      kind: z.literal('by'),
      date: civilDateSchema,
      labelZh: text(100).optional(),
      thenOngoing: z.boolean().optional(),
    }),
    /** Several dated steps: (60) 5月、8月、11月. */
    z.strictObject({
      kind: z.literal('milestones'),
      steps: z
        .array(z.strictObject({ date: civilDateSchema, labelZh: text(200).optional() }))
        .min(2, msg('至少两个节点', 'At least two milestones'))
        .max(20),
    }),
    /** Starting on a date and continuing: 7月底开始. */
    z.strictObject({ kind: z.literal('from'), date: civilDateSchema, labelZh: text(100).optional() }),
    /** Periodic; the "at least N" counters are the duties in `dutyIds`. */
    z.strictObject({
      kind: z.literal('recurring'),
      period: enumOf(DUTY_PERIODS, { zh: '周期', en: 'period' }),
      labelZh: text(100).optional(),
    }),
    /** 长期坚持 / 常态化 / 持续. */
    z.strictObject({ kind: z.literal('ongoing'), labelZh: text(100).optional() }),
    /** Whenever the case arises (an accident, an inspection, a key period). */
    z.strictObject({ kind: z.literal('perOccurrence'), labelZh: text(100).optional() }),
    /** For the whole campaign. */
    z.strictObject({ kind: z.literal('campaign') }),
    /** 即查即改. */
    z.strictObject({ kind: z.literal('immediate') }),
    /** The seed gives no time. */
    z.strictObject({ kind: z.literal('unspecified') }),
  ],
  msg('完成时间类型无效', 'Invalid deadline kind'),
);
export type TaskDeadline = z.infer<typeof taskDeadlineSchema>;

export const TASK_LIST_KINDS = ['workPoints', 'keyTasks', 'unitTaskList'] as const;
export type TaskListKind = (typeof TASK_LIST_KINDS)[number];
export const TASK_LIST_KIND_LABELS: Labels<TaskListKind> = {
  workPoints: { zh: '重点任务和工作要点', en: 'Key tasks and work points' },
  keyTasks: { zh: '重点任务清单', en: 'Key-task list' },
  unitTaskList: {
    zh: '任务清单、责任清单、时限进度清单',
    en: 'Task, responsibility and time-progress list',
  },
};

/** A heading of a task list: a measure (十五条硬措施), a key task, an action line or a unit. */
export const taskGroupSchema = z.strictObject({
  id: campaignKeySchema,
  parentId: campaignKeySchema.optional(),
  /** Number as printed: 一, 1, … */
  number: text(20).optional(),
  titleZh: text(300),
  titleEn: text(300).optional(),
  /** Longer text of the heading (e.g. 措施具体内容). */
  textZh: text(5000).optional(),
  citation: citationSchema.optional(),
});
export type TaskGroup = z.infer<typeof taskGroupSchema>;

/**
 * One row of a task list. It carries the three lists of 000:118 at once: the task (任务清单: `textZh`), who
 * is responsible (责任清单: `responsible`, and the owner the unit names in its instance) and by when
 * (时限进度清单: `deadline`, with progress and evidence recorded per unit).
 */
export const taskItemSchema = z.strictObject({
  id: campaignKeySchema,
  groupId: campaignKeySchema.optional(),
  /** Number as printed: (17), 3, … */
  number: text(20).optional(),
  /** false where the seed prints the row without its number (002:158). */
  numberPrinted: z.boolean().optional(),
  textZh: text(5000),
  textEn: text(1000).optional(),
  responsible: z.strictObject({
    /** 责任单位 as printed. */
    textZh: text(500),
    groups: z.array(enumOf(RESPONSIBLE_GROUPS, { zh: '责任单位类别', en: 'responsible group' })).max(10),
  }),
  deadline: taskDeadlineSchema,
  /** Cells that are blank in the seed and read as merged with the row above. */
  mergedCells: z
    .array(z.enum(['responsible', 'deadline']))
    .max(2)
    .optional(),
  /** The "at least N per period" counters of this row. */
  dutyIds: z.array(campaignKeySchema).max(10).optional(),
  evidence: z
    .strictObject({
      kinds: z
        .array(enumOf(EVIDENCE_KINDS, { zh: '佐证材料类型', en: 'evidence kind' }))
        .min(1, msg('至少一种佐证材料', 'At least one evidence kind')),
      noteZh: text(500).optional(),
    })
    .optional(),
  citation: citationSchema,
});
export type TaskItem = z.infer<typeof taskItemSchema>;

export const taskListSchema = z.strictObject({
  id: campaignKeySchema,
  kind: enumOf(TASK_LIST_KINDS, { zh: '清单类型', en: 'list kind' }),
  titleZh: text(200),
  titleEn: text(300),
  /** 印发单位 of the list. */
  issuerZh: text(100).optional(),
  groups: z.array(taskGroupSchema).max(500).default([]),
  items: z.array(taskItemSchema).max(2000),
  citation: citationSchema,
});
export type TaskList = z.infer<typeof taskListSchema>;
export type TaskListInput = z.input<typeof taskListSchema>;

/**
 * A recurring "at least N per period" duty (至少N次, processes.md §0 and P-10): a counter with a threshold
 * per period, not a one-off task. A principal's monthly check is `{ period: 'monthly', minCount: 1 }`.
 */
export const dutySchema = z.strictObject({
  id: campaignKeySchema,
  titleZh: text(300),
  titleEn: text(300).optional(),
  /** Who must do it, as the seed says (镇街主要负责人). */
  whoZh: text(200),
  period: enumOf(DUTY_PERIODS, { zh: '周期', en: 'period' }),
  minCount: int(1, 10_000),
  unitZh: z.enum(['次', '家', '个', '条'], msg('单位须为 次、家、个 或 条', 'Unit must be 次, 家, 个 or 条')),
  /** Only counted during this stage (002:25: two supervisory inspections in May–July). */
  withinStage: campaignKeySchema.optional(),
  /** A stricter rhythm for some units (高危行业领域每半年至少1次, 000:40). */
  variants: z
    .array(
      z.strictObject({
        conditionZh: text(200),
        period: enumOf(DUTY_PERIODS, { zh: '周期', en: 'period' }),
        minCount: int(1, 10_000),
      }),
    )
    .max(5)
    .optional(),
  taskItemId: campaignKeySchema.optional(),
  citation: citationSchema,
});
export type Duty = z.infer<typeof dutySchema>;

// ------------------------------------------------------------------------------------ plan checks

/** One problem found by a plan check, with the path below the checked object. */
export interface PlanIssue {
  path: (string | number)[];
  messageZh: string;
  messageEn: string;
}

/** The parts of a template or instance the date rules look at. */
export interface CampaignPlanShape {
  period: CampaignPeriod;
  events: readonly CampaignEvent[];
  stagesMayOverlap: boolean;
  stages: readonly Stage[];
  reportSchedules: readonly ReportSchedule[];
}

const DAYS_IN_MONTH_LEAP = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysIn = (year: number, month: number) =>
  month === 2 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))
    ? 28
    : DAYS_IN_MONTH_LEAP[month - 1];

/**
 * Date rules of a campaign plan (issue 4 "bad input"): stages that end before they start, overlapping
 * stages where the template forbids them, stages and reports outside the campaign, unknown events, and
 * schedules without a valid due day in some month. Pure; used by the zod schemas below.
 */
export function checkCampaignPlan(plan: CampaignPlanShape): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const add = (path: (string | number)[], zh: string, en: string) =>
    issues.push({ path, messageZh: zh, messageEn: en });
  const events = new Set<string>();
  plan.events.forEach((e, i) => {
    if (events.has(e.key)) add(['events', i, 'key'], `事件 ${e.key} 重复`, `Duplicate event ${e.key}`);
    events.add(e.key);
  });
  const checkEvent = (end: CampaignEnd, path: (string | number)[]) => {
    if (end.kind === 'event' && !events.has(end.event)) {
      add(
        [...path, 'event'],
        `未声明的事件 ${end.event}，请先在 events 中定义`,
        `Unknown event ${end.event}; declare it in events`,
      );
    }
  };

  const { start, end } = plan.period;
  checkEvent(end, ['period', 'end']);
  const periodEnd = end.kind === 'date' ? end.date : null;
  if (periodEnd !== null && periodEnd < start) {
    add(
      ['period', 'end', 'date'],
      `行动结束日期 ${periodEnd} 早于开始日期 ${start}`,
      `The campaign ends (${periodEnd}) before it starts (${start})`,
    );
  }

  const keys = new Set<string>();
  plan.stages.forEach((s, i) => {
    const at = ['stages', i];
    if (keys.has(s.key)) add([...at, 'key'], `阶段标识 ${s.key} 重复`, `Duplicate stage key ${s.key}`);
    keys.add(s.key);
    checkEvent(s.end, [...at, 'end']);
    if (s.end.kind === 'date' && s.end.date < s.start) {
      add(
        [...at, 'end', 'date'],
        `阶段“${s.titleZh}”的结束日期 ${s.end.date} 早于开始日期 ${s.start}`,
        `Stage "${s.titleEn}" ends (${s.end.date}) before it starts (${s.start})`,
      );
    }
    if (s.start < start || (periodEnd !== null && s.start > periodEnd)) {
      add(
        [...at, 'start'],
        `阶段“${s.titleZh}”的开始日期 ${s.start} 不在行动期间内`,
        `Stage "${s.titleEn}" starts (${s.start}) outside the campaign period`,
      );
    }
    if (periodEnd !== null && s.end.kind === 'date' && s.end.date > periodEnd) {
      add(
        [...at, 'end', 'date'],
        `阶段“${s.titleZh}”的结束日期 ${s.end.date} 晚于行动结束日期 ${periodEnd}`,
        `Stage "${s.titleEn}" ends (${s.end.date}) after the campaign (${periodEnd})`,
      );
    }
  });

  if (!plan.stagesMayOverlap) {
    const order = plan.stages.map((s, i) => ({ s, i })).sort((a, b) => a.s.start.localeCompare(b.s.start));
    for (let k = 1; k < order.length; k++) {
      const prev = order[k - 1].s;
      const { s, i } = order[k];
      if (prev.end.kind === 'event') {
        add(
          ['stages', i, 'start'],
          `阶段“${prev.titleZh}”以事件结束，本行动的阶段不允许重叠，其后不能再安排阶段“${s.titleZh}”`,
          `Stage "${prev.titleEn}" ends on an event and stages may not overlap, so "${s.titleEn}" cannot follow it`,
        );
      } else if (s.start <= prev.end.date) {
        add(
          ['stages', i, 'start'],
          `阶段“${s.titleZh}”（${s.start} 起）与阶段“${prev.titleZh}”（至 ${prev.end.date}）重叠，本行动的阶段不允许重叠`,
          `Stage "${s.titleEn}" (from ${s.start}) overlaps "${prev.titleEn}" (to ${prev.end.date}); this campaign's stages may not overlap`,
        );
      }
    }
  }

  const ids = new Set<string>();
  const startMonth = start.slice(0, 7);
  const endMonth = periodEnd?.slice(0, 7) ?? null;
  plan.reportSchedules.forEach((r, i) => {
    const at = ['reportSchedules', i];
    if (ids.has(r.id)) add([...at, 'id'], `报送计划标识 ${r.id} 重复`, `Duplicate schedule id ${r.id}`);
    ids.add(r.id);
    if (r.report.kind === 'dispatchForm' && !r.report.formId) {
      add(
        [...at, 'report', 'formId'],
        '调度表类报送须指定表单 formId',
        'A dispatch-form report needs its formId',
      );
    }
    const t = r.timing;
    const tp = [...at, 'timing'];
    switch (t.kind) {
      case 'monthly': {
        if (typeof t.dueDay === 'number' && t.dueDay > 28 && t.shortMonth !== 'lastDayOfMonth') {
          add(
            [...tp, 'dueDay'],
            `每月${t.dueDay}日在部分月份（如2月）不存在；请改为 1–28 日，或设置 shortMonth: lastDayOfMonth（当月无此日时以月末为截止日），或使用 last（月底）`,
            `Day ${t.dueDay} does not exist in every month (e.g. February); use 1–28, set shortMonth: lastDayOfMonth (short months fall due on their last day), or use last (month end)`,
          );
        }
        if (t.fromMonth && t.toMonth && t.fromMonth > t.toMonth) {
          add(
            [...tp, 'toMonth'],
            `结束月份 ${t.toMonth} 早于起始月份 ${t.fromMonth}`,
            `toMonth ${t.toMonth} is before fromMonth ${t.fromMonth}`,
          );
        }
        if (t.fromMonth && (t.fromMonth < startMonth || (endMonth !== null && t.fromMonth > endMonth))) {
          add(
            [...tp, 'fromMonth'],
            `起始月份 ${t.fromMonth} 不在行动期间内`,
            `fromMonth ${t.fromMonth} is outside the campaign period`,
          );
        }
        if (t.toMonth && (t.toMonth < startMonth || (endMonth !== null && t.toMonth > endMonth))) {
          add(
            [...tp, 'toMonth'],
            `结束月份 ${t.toMonth} 不在行动期间内`,
            `toMonth ${t.toMonth} is outside the campaign period`,
          );
        }
        break;
      }
      case 'oneOff': {
        const seen = new Set<string>();
        t.dates.forEach((d, j) => {
          if (seen.has(d)) add([...tp, 'dates', j], `日期 ${d} 重复`, `Duplicate date ${d}`);
          seen.add(d);
          if (d < start || (periodEnd !== null && d > periodEnd)) {
            add(
              [...tp, 'dates', j],
              `报送日期 ${d} 不在行动期间内`,
              `Due date ${d} is outside the campaign period`,
            );
          }
        });
        break;
      }
      case 'annual': {
        // A day must exist in every year, so 29 February is rejected (no silent move to the 28th).
        if (t.day > daysIn(2023, t.month)) {
          add(
            [...tp, 'day'],
            `${t.month}月${t.day}日并非每年都有`,
            `${t.month}/${t.day} does not exist in every year`,
          );
        }
        if (t.fromYear !== undefined && t.toYear !== undefined && t.fromYear > t.toYear) {
          add(
            [...tp, 'toYear'],
            `结束年份 ${t.toYear} 早于起始年份 ${t.fromYear}`,
            `toYear ${t.toYear} is before fromYear ${t.fromYear}`,
          );
        }
        break;
      }
      case 'final': {
        if ((t.date === undefined) === (t.daysAfterEnd === undefined)) {
          add(
            tp,
            '总结报告须且只能指定 date（固定日期）或 daysAfterEnd（行动结束后天数）之一',
            'A final report needs exactly one of date or daysAfterEnd',
          );
        }
        if (t.date !== undefined && (t.date < start || (periodEnd !== null && t.date > periodEnd))) {
          add(
            [...tp, 'date'],
            `报送日期 ${t.date} 不在行动期间内`,
            `Due date ${t.date} is outside the campaign period`,
          );
        }
        break;
      }
      default: {
        const unknown: never = t;
        throw new TypeError(`Unknown schedule timing ${JSON.stringify(unknown)}`);
      }
    }
  });
  return issues;
}

/** Cross-references of a template: duties ↔ task items ↔ stages. */
function checkTemplateRefs(t: {
  stages: readonly Stage[];
  taskLists: readonly TaskList[];
  duties: readonly Duty[];
}): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const add = (path: (string | number)[], zh: string, en: string) =>
    issues.push({ path, messageZh: zh, messageEn: en });
  const stageKeys = new Set(t.stages.map((s) => s.key));
  const dutyIds = new Set<string>();
  const itemIds = new Set<string>();
  const listIds = new Set<string>();
  t.taskLists.forEach((l, i) => {
    if (listIds.has(l.id)) add(['taskLists', i, 'id'], `清单标识 ${l.id} 重复`, `Duplicate list id ${l.id}`);
    listIds.add(l.id);
    const groups = new Set<string>();
    l.groups.forEach((g, j) => {
      if (groups.has(g.id)) {
        add(['taskLists', i, 'groups', j, 'id'], `分组标识 ${g.id} 重复`, `Duplicate group id ${g.id}`);
      }
      if (g.parentId !== undefined && !groups.has(g.parentId)) {
        add(
          ['taskLists', i, 'groups', j, 'parentId'],
          `上级分组 ${g.parentId} 须在本分组之前定义`,
          `Parent group ${g.parentId} must be defined before this group`,
        );
      }
      groups.add(g.id);
    });
    l.items.forEach((it, j) => {
      if (itemIds.has(it.id)) {
        add(['taskLists', i, 'items', j, 'id'], `任务标识 ${it.id} 重复`, `Duplicate item id ${it.id}`);
      }
      itemIds.add(it.id);
      if (it.groupId !== undefined && !groups.has(it.groupId)) {
        add(
          ['taskLists', i, 'items', j, 'groupId'],
          `分组 ${it.groupId} 不存在`,
          `Unknown group ${it.groupId}`,
        );
      }
    });
  });
  t.duties.forEach((d, i) => {
    if (dutyIds.has(d.id)) add(['duties', i, 'id'], `职责标识 ${d.id} 重复`, `Duplicate duty id ${d.id}`);
    dutyIds.add(d.id);
    if (d.withinStage !== undefined && !stageKeys.has(d.withinStage)) {
      add(['duties', i, 'withinStage'], `阶段 ${d.withinStage} 不存在`, `Unknown stage ${d.withinStage}`);
    }
    if (d.taskItemId !== undefined && !itemIds.has(d.taskItemId)) {
      add(['duties', i, 'taskItemId'], `任务 ${d.taskItemId} 不存在`, `Unknown task item ${d.taskItemId}`);
    }
  });
  t.taskLists.forEach((l, i) =>
    l.items.forEach((it, j) =>
      it.dutyIds?.forEach((id, k) => {
        if (!dutyIds.has(id)) {
          add(['taskLists', i, 'items', j, 'dutyIds', k], `职责 ${id} 不存在`, `Unknown duty ${id}`);
        }
      }),
    ),
  );
  return issues;
}

function report(ctx: z.RefinementCtx, issues: PlanIssue[]): void {
  for (const i of issues) {
    ctx.addIssue({ code: 'custom', path: i.path, message: `${i.messageZh} / ${i.messageEn}` });
  }
}

// ---------------------------------------------------------------------------------------- templates

/**
 * A campaign template (专项行动模板): the plan of a seed document as data, versioned. An edited template
 * is a new version; running campaigns keep the version they were created from.
 */
export const campaignTemplateSchema = z
  .strictObject({
    id: campaignKeySchema,
    version: int(1, 10_000),
    kind: enumOf(CAMPAIGN_KINDS, { zh: '行动类型', en: 'campaign kind' }),
    titleZh: text(200),
    titleEn: text(300),
    issuer: z.strictObject({
      nameZh: text(100),
      nameEn: text(200).optional(),
      docNo: text(50).optional(),
      issuedOn: civilDateSchema.optional(),
    }),
    /** The level the seed plan was written for (镇 / 区). */
    levelZh: text(20).optional(),
    period: campaignPeriodSchema,
    events: z.array(campaignEventSchema).max(20).default([]),
    /** Whether stages may run at the same time (002: yes; 000's 压茬推进 stages follow one another). */
    stagesMayOverlap: z.boolean(msg('须为 true 或 false', 'Must be true or false')),
    stages: z.array(stageSchema).min(1, msg('至少一个阶段', 'At least one stage')).max(20),
    reportSchedules: z.array(reportScheduleSchema).max(50).default([]),
    taskLists: z.array(taskListSchema).max(50).default([]),
    duties: z.array(dutySchema).max(500).default([]),
    citation: citationSchema,
  })
  .superRefine((t, ctx) => report(ctx, [...checkCampaignPlan(t), ...checkTemplateRefs(t)]));
export type CampaignTemplate = z.infer<typeof campaignTemplateSchema>;
export type CampaignTemplateInput = z.input<typeof campaignTemplateSchema>;

// ---------------------------------------------------------------------------------------- instances

export const participantSchema = z.strictObject({
  orgUnitCode: orgUnitCodeSchema,
  /** Whether the unit files the campaign's reports (default true). */
  reports: z.boolean().default(true),
});

/** Assignment of a template's task item to units of the jurisdiction (责任清单). */
export const taskAssignmentSchema = z.strictObject({
  listId: campaignKeySchema,
  itemId: campaignKeySchema,
  orgUnitCodes: z.array(orgUnitCodeSchema).min(1, msg('至少一个责任单位', 'At least one unit')).max(5000),
  /** The named owner (责任人); units may name theirs later. */
  owner: z.strictObject({ name: text(50), title: text(50).optional() }).optional(),
  /** A concrete date replacing the template's deadline for this jurisdiction. */
  deadline: civilDateSchema.optional(),
});
export type TaskAssignment = z.infer<typeof taskAssignmentSchema>;

export const dutyAssignmentSchema = z.strictObject({
  dutyId: campaignKeySchema,
  orgUnitCodes: z.array(orgUnitCodeSchema).min(1, msg('至少一个单位', 'At least one unit')).max(5000),
});
export type DutyAssignment = z.infer<typeof dutyAssignmentSchema>;

/** What the template decides and an instance cannot change. */
export interface TemplateRules {
  id: string;
  version: number;
  stagesMayOverlap: boolean;
  taskLists: readonly Pick<TaskList, 'id' | 'items'>[];
  duties: readonly Pick<Duty, 'id'>[];
}

/**
 * POST /campaigns — instantiate a template for a jurisdiction (dates, participating units, report
 * schedules). Built per template, because whether stages may overlap and which task items and duties
 * exist are the template's, not the caller's.
 */
export function createCampaignSchemaFor(template: TemplateRules) {
  return z
    .strictObject({
      templateId: z.literal(template.id, msg(`模板须为 ${template.id}`, `Template must be ${template.id}`)),
      templateVersion: z.literal(
        template.version,
        msg(`模板版本须为 ${template.version}`, `Template version must be ${template.version}`),
      ),
      /** The jurisdiction (区 / 镇) running the campaign. */
      jurisdiction: orgUnitCodeSchema,
      titleZh: text(200),
      titleEn: text(300).optional(),
      period: campaignPeriodSchema,
      events: z.array(campaignEventSchema).max(20).default([]),
      stages: z.array(stageSchema).min(1, msg('至少一个阶段', 'At least one stage')).max(20),
      reportSchedules: z.array(reportScheduleSchema).max(50).default([]),
      participants: z
        .array(participantSchema)
        .min(1, msg('至少一个参与单位', 'At least one participating unit'))
        .max(5000),
      taskAssignments: z.array(taskAssignmentSchema).max(10_000).default([]),
      dutyAssignments: z.array(dutyAssignmentSchema).max(1000).default([]),
    })
    .superRefine((c, ctx) => {
      const issues = checkCampaignPlan({ ...c, stagesMayOverlap: template.stagesMayOverlap });
      const seen = new Set<string>();
      c.participants.forEach((p, i) => {
        if (seen.has(p.orgUnitCode)) {
          issues.push({
            path: ['participants', i, 'orgUnitCode'],
            messageZh: `参与单位 ${p.orgUnitCode} 重复`,
            messageEn: `Duplicate participant ${p.orgUnitCode}`,
          });
        }
        seen.add(p.orgUnitCode);
      });
      const items = new Map(template.taskLists.map((l) => [l.id, new Set(l.items.map((it) => it.id))]));
      c.taskAssignments.forEach((a, i) => {
        const list = items.get(a.listId);
        if (!list || !list.has(a.itemId)) {
          issues.push({
            path: ['taskAssignments', i, 'itemId'],
            messageZh: `模板中没有任务 ${a.listId}/${a.itemId}`,
            messageEn: `The template has no task ${a.listId}/${a.itemId}`,
          });
        }
      });
      const duties = new Set(template.duties.map((d) => d.id));
      c.dutyAssignments.forEach((a, i) => {
        if (!duties.has(a.dutyId)) {
          issues.push({
            path: ['dutyAssignments', i, 'dutyId'],
            messageZh: `模板中没有职责 ${a.dutyId}`,
            messageEn: `The template has no duty ${a.dutyId}`,
          });
        }
      });
      report(ctx, issues);
    });
}
export type CreateCampaign = z.infer<ReturnType<typeof createCampaignSchemaFor>>;
export type CreateCampaignInput = z.input<ReturnType<typeof createCampaignSchemaFor>>;

/** A campaign as instantiated: the request plus what the template fixes. */
export interface CampaignInstance extends CreateCampaign {
  stagesMayOverlap: boolean;
}

/** A unit's progress on an assigned task item; `done` needs completion evidence. */
export const taskProgressSchema = z
  .strictObject({
    status: z.enum(
      ['notStarted', 'inProgress', 'done'],
      msg('状态须为 notStarted、inProgress 或 done', 'Status must be notStarted, inProgress or done'),
    ),
    noteZh: text(2000).optional(),
    evidence: z
      .array(
        z
          .strictObject({
            kind: enumOf(EVIDENCE_KINDS, { zh: '佐证材料类型', en: 'evidence kind' }),
            fileId: z.uuid(msg('必须是合法的 UUID', 'Must be a UUID')).optional(),
            textZh: text(2000).optional(),
          })
          .refine((e) => e.fileId !== undefined || e.textZh !== undefined, {
            ...msg('佐证材料须附文件或文字说明', 'Evidence needs a file or a description'),
          }),
      )
      .max(50)
      .default([]),
  })
  .superRefine((p, ctx) => {
    if (p.status === 'done' && p.evidence.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['evidence'],
        ...msg('标记完成须提供佐证材料', 'Marking a task done needs completion evidence'),
      });
    }
  });
export type TaskProgress = z.infer<typeof taskProgressSchema>;

/** One counted occurrence of a recurring duty (e.g. the principal's check on a given day). */
export const dutyRecordSchema = z.strictObject({
  dutyId: campaignKeySchema,
  orgUnitCode: orgUnitCodeSchema,
  occurredOn: civilDateSchema,
  count: int(1, 10_000).default(1),
  noteZh: text(2000).optional(),
  attachments: z
    .array(z.uuid(msg('必须是合法的 UUID', 'Must be a UUID')))
    .max(20)
    .default([]),
});
export type DutyRecord = z.infer<typeof dutyRecordSchema>;

// -------------------------------------------------------------------------------------------- forms

/** Units printed in the seed forms (forms-and-reports.md header), plus 是否 for yes/no rows. */
export const FORM_UNITS = ['个', '家', '次', '个次', '家次', '万元', '人', '是否'] as const;
export type FormUnit = (typeof FORM_UNITS)[number];
export const FORM_UNIT_LABELS: Labels<FormUnit> = {
  个: { zh: '个', en: 'items' },
  家: { zh: '家', en: 'enterprises' },
  次: { zh: '次', en: 'times' },
  个次: { zh: '个次', en: 'unit-visits' },
  家次: { zh: '家次', en: 'enterprise-visits' },
  万元: { zh: '万元', en: 'CNY 10,000' },
  人: { zh: '人', en: 'persons' },
  是否: { zh: '是/否', en: 'yes/no' },
};

/** Counts are non-negative integers, 万元 a non-negative decimal with at most 4 places (= 1 yuan). */
export type FormValueType = 'count' | 'amount' | 'boolean';
export function formValueType(unit: FormUnit): FormValueType {
  return unit === '万元' ? 'amount' : unit === '是否' ? 'boolean' : 'count';
}
export const AMOUNT_DECIMALS = 4;

/** Level split of section 4 (forms-and-reports.md F-01: D, Dd, T). */
export type FormRowLevel = 'district' | 'districtDepartments' | 'townsAndPlatforms';

/**
 * Hazard statuses counted as "已完成整改" (rectification completed): the rectification passed 验收, i.e. the
 * hazard is waiting for or has got its 销号 [design].
 */
export const RECTIFIED_HAZARD_STATUSES = [
  'closeout_review',
  'closed',
] as const satisfies readonly HazardStatus[];

/**
 * Where the system can pre-fill a row from its own data. Hazard and listing counts use the reporting
 * unit's own scope and the schedule's counting basis: `cumulative` counts hazards found since the campaign
 * started, `period` those found in the reporting month; "rectified" is as of the end of that period.
 */
export type FormPrefill =
  | { kind: 'manual' }
  | { kind: 'hazards'; grade: HazardGrade; sources: readonly HazardSource[]; measure: 'found' | 'rectified' }
  | { kind: 'listings'; measure: 'listed' | 'rectified' }
  /** Enforcement figures (issue 5); filled by hand until then. */
  | { kind: 'enforcement'; metric: string }
  /** Tip-line figures (issue 6); filled by hand until then. */
  | { kind: 'tipline'; metric: string };

export interface FormRow {
  /** Stable code, e.g. G1, E3b, L1.Dd (forms-and-reports.md F-01). */
  id: string;
  sectionId: string;
  /** Number as printed: 1, (1); absent for level sub-rows printed without one. */
  number?: string;
  labelZh: string;
  labelEn: string;
  unit: FormUnit;
  level?: FormRowLevel;
  prefill: FormPrefill;
}

/** A printed cell of the form: its number and label exactly as printed, and the rows it holds. */
export interface FormCell {
  number: string | null;
  labelZh: string;
  rows: readonly string[];
}

export interface FormSection {
  id: string;
  titleZh: string;
  titleEn: string;
  /** The printed grid: each line holds a left and a right cell (null = blank cell). */
  lines: readonly (readonly [FormCell | null, FormCell | null])[];
  citation: string;
}

/** `row` must not exceed `max` (e.g. rectified ≤ found). */
export interface FormConstraint {
  kind: 'lte';
  row: string;
  max: string;
}

export interface FormDefinition {
  id: string;
  version: number;
  titleZh: string;
  titleEn: string;
  header: {
    unitLabelZh: string;
    dateLabelZh: string;
  };
  sections: readonly FormSection[];
  rows: readonly FormRow[];
  constraints: readonly FormConstraint[];
  footnoteZh: string;
  footnoteEn: string;
  citation: string;
}

/** Row id → value; `null` = not filled in yet. */
export type FormValues = Record<string, number | boolean | null>;

const MAX_COUNT = 1_000_000_000;

function rowValueSchema(row: FormRow) {
  const label = `${row.labelZh}（${row.unit}）`;
  const type = formValueType(row.unit);
  switch (type) {
    case 'count':
      return z
        .number(msg(`${label}须为数字`, `${row.labelEn} must be a number`))
        .int(msg(`${label}须为整数`, `${row.labelEn} must be a whole number`))
        .min(0, msg(`${label}不能为负数`, `${row.labelEn} must not be negative`))
        .max(MAX_COUNT, msg(`${label}数值过大`, `${row.labelEn} is too large`));
    case 'amount':
      return z
        .number(msg(`${label}须为数字`, `${row.labelEn} must be a number`))
        .min(0, msg(`${label}不能为负数`, `${row.labelEn} must not be negative`))
        .max(MAX_COUNT, msg(`${label}数值过大`, `${row.labelEn} is too large`))
        .refine(
          (v) => Math.abs(v * 10 ** AMOUNT_DECIMALS - Math.round(v * 10 ** AMOUNT_DECIMALS)) < 1e-6,
          msg(
            `${label}最多保留 ${AMOUNT_DECIMALS} 位小数`,
            `${row.labelEn}: at most ${AMOUNT_DECIMALS} decimal places`,
          ),
        );
    case 'boolean':
      return z.boolean(msg(`${label}须为 true（是）或 false（否）`, `${row.labelEn} must be true or false`));
    default: {
      const unknown: never = type;
      throw new TypeError(`Unknown value type ${String(unknown)}`);
    }
  }
}

/**
 * Cross-row checks of a form (rectified ≤ found, …) on the rows that are filled in. Pure; the values
 * schema below and the aggregation share it.
 */
export function checkFormConstraints(definition: FormDefinition, values: FormValues): PlanIssue[] {
  const rows = new Map(definition.rows.map((r) => [r.id, r]));
  const issues: PlanIssue[] = [];
  for (const c of definition.constraints) {
    const v = values[c.row];
    const m = values[c.max];
    // Rows that fail their own check (negative, not a number) are reported there, not here.
    if (typeof v !== 'number' || typeof m !== 'number' || !(v >= 0 && m >= 0) || v <= m) continue;
    const a = rows.get(c.row);
    const b = rows.get(c.max);
    const name = (r: FormRow | undefined, id: string) =>
      r ? { zh: `“${r.labelZh}”（${id}）`, en: `"${r.labelEn}" (${id})` } : { zh: id, en: id };
    const na = name(a, c.row);
    const nb = name(b, c.max);
    issues.push({
      path: [c.row],
      messageZh: `${na.zh}为 ${v}，不能大于${nb.zh}的 ${m}`,
      messageEn: `${na.en} is ${v} and must not exceed ${nb.en}, ${m}`,
    });
  }
  return issues;
}

/**
 * The values of one form: every key a row of the form (unknown keys are rejected), each value of the row's
 * type (counts non-negative integers, 万元 with ≤ 4 decimals, 是否 a boolean) or null, and the cross-row
 * constraints. `complete` (for submission) requires every row; drafts may leave rows null.
 */
export function formValuesSchemaFor(definition: FormDefinition, options: { complete: boolean }) {
  const shape: Record<string, z.ZodType> = {};
  for (const row of definition.rows) shape[row.id] = rowValueSchema(row).nullable().optional();
  return z.strictObject(shape).superRefine((raw, ctx) => {
    const values = raw as FormValues;
    if (options.complete) {
      for (const row of definition.rows) {
        if (values[row.id] === undefined || values[row.id] === null) {
          ctx.addIssue({
            code: 'custom',
            path: [row.id],
            ...(formValueType(row.unit) === 'boolean'
              ? msg(`请选择“${row.labelZh}”（是或否）`, `Answer "${row.labelEn}" (yes or no)`)
              : msg(`请填写“${row.labelZh}”（无则填 0）`, `Fill in "${row.labelEn}" (0 if none)`)),
          });
        }
      }
    }
    report(ctx, checkFormConstraints(definition, values));
  }) as unknown as z.ZodType<FormValues>;
}

// ---------------------------------------------------------------------------------------- reports

/** Which occurrence of a schedule a report answers: 2023-06 (month), 2023-08-05 (date), 2024 (year), final. */
export const occurrenceKeySchema = z.string(msg('须为文本', 'Must be a string')).regex(
  // The workflows key an occurrence by its schedule too (`monthly-dispatch.2023-06-25`).
  /^([A-Za-z0-9][A-Za-z0-9_-]{0,79}\.)?(\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?|final)$/,
  msg(
    '期次须为 YYYY-MM、YYYY-MM-DD、YYYY 或 final（可带报表编号前缀，如 monthly-dispatch.2023-06-25）',
    'Occurrence must be YYYY-MM, YYYY-MM-DD, YYYY or final (optionally prefixed by the schedule id, e.g. monthly-dispatch.2023-06-25)',
  ),
);

/** 审核签字: the unit's leader reviews and signs before submission. */
export const reportSignatureSchema = z.strictObject({
  signedBy: text(50),
  title: text(50).optional(),
  signedOn: civilDateSchema,
});

const reportBase = {
  scheduleId: campaignKeySchema,
  occurrenceKey: occurrenceKeySchema,
  reportingUnitCode: orgUnitCodeSchema,
  /** 时间：____年__月__日 on the form. */
  reportDate: civilDateSchema,
  noteZh: text(4000).optional(),
  attachments: z
    .array(z.uuid(msg('必须是合法的 UUID', 'Must be a UUID')))
    .max(20)
    .default([]),
};

/**
 * A unit's report on a form (月度调度表). `draft` leaves rows empty and needs no signature; `submit` needs
 * every row and the leader's signature. `prefilledRows` lists the rows the unit kept as the system
 * pre-filled them (the others were typed in or changed).
 */
export function formReportSchemaFor(definition: FormDefinition, mode: 'draft' | 'submit') {
  return z.strictObject({
    ...reportBase,
    formId: z.literal(definition.id, msg(`表单须为 ${definition.id}`, `Form must be ${definition.id}`)),
    values: formValuesSchemaFor(definition, { complete: mode === 'submit' }),
    prefilledRows: z
      .array(
        z.enum(
          definition.rows.map((r) => r.id) as [string, ...string[]],
          msg('未知的表格行', 'Unknown form row'),
        ),
      )
      .max(definition.rows.length)
      .default([]),
    signature: mode === 'submit' ? reportSignatureSchema : reportSignatureSchema.optional(),
  });
}
export type FormReport = z.infer<ReturnType<typeof formReportSchemaFor>>;

/** A written report (进展情况, 贯彻落实情况, 年度总结, 评估报告). */
export const textReportSchema = z.strictObject({
  ...reportBase,
  contentZh: text(50_000),
  signature: reportSignatureSchema,
});
export type TextReport = z.infer<typeof textReportSchema>;
