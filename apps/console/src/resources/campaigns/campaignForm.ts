import type {
  CampaignEnd,
  CampaignEvent,
  CampaignPeriod,
  Participant,
  ReportSchedule,
  Stage,
  TemplateDetail,
} from './types';

/**
 * The campaign plan form (create from a template, edit a draft): template → form values, form values →
 * request body, and the client-side checks that mirror the contract's `checkCampaignPlan` (issue 4 "bad
 * input") so most mistakes show under their inputs before the server answers with the same 400. Pure.
 */

/** The editable plan, as the form holds it. */
export interface CampaignFormValues {
  templateId?: string;
  templateVersion?: number;
  jurisdiction?: string;
  titleZh: string;
  titleEn?: string | null;
  period: CampaignPeriod;
  events: CampaignEvent[];
  stages: Stage[];
  reportSchedules: ReportSchedule[];
  participants: Participant[];
}

/** A problem found on the form, at a dotted path below the form values (e.g. `stages.1.end.date`). */
export interface FormIssue {
  path: string;
  messageZh: string;
  messageEn: string;
}

/** The form prefilled from a template version: its stages, dates, events and report schedules. */
export const draftFromTemplate = (
  template: TemplateDetail,
  jurisdiction: string | undefined,
): CampaignFormValues & { templateId: string; templateVersion: number } => ({
  templateId: template.id,
  templateVersion: template.version,
  ...(jurisdiction ? { jurisdiction } : {}),
  titleZh: template.titleZh,
  titleEn: template.titleEn,
  period: structuredClone(template.period),
  events: structuredClone(template.events ?? []),
  stages: structuredClone(template.stages),
  reportSchedules: structuredClone(template.reportSchedules ?? []),
  participants: [],
});

/** Units a campaign may run for (the service's TERRITORIAL_KINDS): 区, 镇街, 平台, 村社区. */
const JURISDICTION_KINDS: readonly string[] = [
  'district',
  'town',
  'street',
  'platform',
  'village',
  'community',
];

export const isJurisdictionKind = (kind: string): boolean => JURISDICTION_KINDS.includes(kind);

/**
 * The jurisdiction a campaign is drafted for: the user's own unit when it is territorial, else the
 * territorial unit above it (区安委办 → 江津区), found in the org units the user sees.
 */
export const defaultJurisdiction = (
  own: { id: string; code: string; kind: string } | null | undefined,
  units: readonly { id: string; code: string; kind: string; parentId?: string | null }[],
): string | undefined => {
  if (!own) return undefined;
  if (JURISDICTION_KINDS.includes(own.kind)) return own.code;
  const byId = new Map(units.map((u) => [u.id, u]));
  let unit = byId.get(own.id);
  for (let hops = 0; unit && hops < 20; hops++) {
    if (JURISDICTION_KINDS.includes(unit.kind)) return unit.code;
    unit = unit.parentId ? byId.get(unit.parentId) : undefined;
  }
  return undefined;
};

const blank = (v: unknown): boolean => v === undefined || v === null || v === '';

/** `{ kind, date, event }` as the inputs leave it → the contract's union (only the chosen branch). */
export const cleanEnd = (
  end: Partial<{ kind: string; date: string | null; event: string | null }>,
): CampaignEnd =>
  end.kind === 'event'
    ? { kind: 'event', event: String(end.event ?? '') }
    : { kind: 'date', date: String(end.date ?? '') };

const withoutBlanks = <T extends Record<string, unknown>>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => !blank(v))) as T;

const toInt = (v: unknown): number | undefined => {
  if (blank(v)) return undefined;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : undefined;
};

/** A schedule's timing with only the fields of its kind, numbers as numbers and blanks left out. */
export const cleanTiming = (timing: Record<string, unknown>): ReportSchedule['timing'] => {
  switch (timing.kind) {
    case 'monthly':
      return withoutBlanks({
        kind: 'monthly' as const,
        dueDay: (timing.dueDay === 'last' ? 'last' : toInt(timing.dueDay)) as number | 'last',
        shortMonth:
          timing.shortMonth === 'lastDayOfMonth' || timing.shortMonth === true ? 'lastDayOfMonth' : undefined,
        fromMonth: timing.fromMonth as string | undefined,
        toMonth: timing.toMonth as string | undefined,
      }) as ReportSchedule['timing'];
    case 'oneOff':
      return {
        kind: 'oneOff',
        dates: ((timing.dates as unknown[] | undefined) ?? [])
          .map((d) => (typeof d === 'object' && d !== null ? (d as { date?: string }).date : d))
          .filter((d): d is string => typeof d === 'string' && d !== ''),
      };
    case 'annual':
      return withoutBlanks({
        kind: 'annual' as const,
        month: toInt(timing.month) as number,
        day: toInt(timing.day) as number,
        fromYear: toInt(timing.fromYear),
        toYear: toInt(timing.toYear),
      }) as ReportSchedule['timing'];
    case 'final':
      return withoutBlanks({
        kind: 'final' as const,
        date: timing.date as string | undefined,
        daysAfterEnd: toInt(timing.daysAfterEnd),
      }) as ReportSchedule['timing'];
    default:
      return timing as ReportSchedule['timing'];
  }
};

/** The request body (POST /campaigns, PATCH /campaigns/:id) from the form values. */
export const toCampaignPayload = (values: CampaignFormValues): CampaignFormValues => {
  const payload: CampaignFormValues = {
    ...values,
    titleZh: (values.titleZh ?? '').trim(),
    period: { start: values.period?.start ?? '', end: cleanEnd(values.period?.end ?? {}) },
    events: (values.events ?? []).map((e) => ({ key: e.key, labelZh: e.labelZh, labelEn: e.labelEn })),
    stages: (values.stages ?? []).map(
      (s) =>
        withoutBlanks({
          ...s,
          end: cleanEnd(s.end ?? {}),
        }) as Stage,
    ),
    reportSchedules: (values.reportSchedules ?? []).map((r) => ({
      ...(withoutBlanks({ ...r }) as ReportSchedule),
      timing: cleanTiming(r.timing as unknown as Record<string, unknown>),
      ...(r.leadTime
        ? { leadTime: { amount: toInt(r.leadTime.amount) ?? 0, unit: r.leadTime.unit ?? 'workingDays' } }
        : {}),
    })),
    participants: (values.participants ?? []).map((p) => ({
      orgUnitCode: p.orgUnitCode,
      reports: p.reports !== false,
    })),
  };
  const titleEn = typeof values.titleEn === 'string' ? values.titleEn.trim() : '';
  if (titleEn === '') delete payload.titleEn;
  else payload.titleEn = titleEn;
  return payload;
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const KEY = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * Mirrors `checkCampaignPlan` of `@zhiben/contracts` (same rules, same messages) plus the required
 * fields, on the cleaned payload. The server runs the real check; this one only saves a round trip.
 */
export const checkCampaignForm = (raw: CampaignFormValues, stagesMayOverlap: boolean): FormIssue[] => {
  const plan = toCampaignPayload(raw);
  const issues: FormIssue[] = [];
  const add = (path: string, zh: string, en: string) => issues.push({ path, messageZh: zh, messageEn: en });
  const required = (path: string, value: unknown) => {
    if (blank(value)) add(path, '不能为空', 'Must not be empty');
  };
  const dateField = (path: string, value: unknown) => {
    if (blank(value)) add(path, '请选择日期', 'Pick a date');
    else if (!DATE.test(String(value))) add(path, '日期格式须为 YYYY-MM-DD', 'Date must be YYYY-MM-DD');
  };

  required('titleZh', plan.titleZh);
  if (plan.titleZh.length > 200) add('titleZh', '不能超过 200 个字符', 'At most 200 characters');
  dateField('period.start', plan.period.start);

  const events = new Set<string>();
  plan.events.forEach((e, i) => {
    if (blank(e.key) || !KEY.test(e.key)) {
      add(
        `events.${i}.key`,
        '标识只能由小写字母、数字和短横线组成',
        'Identifier: lowercase letters, digits and hyphens',
      );
    } else if (events.has(e.key)) add(`events.${i}.key`, `事件 ${e.key} 重复`, `Duplicate event ${e.key}`);
    required(`events.${i}.labelZh`, e.labelZh);
    required(`events.${i}.labelEn`, e.labelEn);
    events.add(e.key);
  });
  const checkEnd = (end: CampaignEnd, path: string) => {
    if (end.kind === 'date') dateField(`${path}.date`, end.date);
    else if (blank(end.event)) add(`${path}.event`, '请选择结束事件', 'Pick the ending event');
    else if (!events.has(end.event)) {
      add(
        `${path}.event`,
        `未声明的事件 ${end.event}，请先在 events 中定义`,
        `Unknown event ${end.event}; declare it in events`,
      );
    }
  };

  const { start, end } = plan.period;
  checkEnd(end, 'period.end');
  const periodEnd = end.kind === 'date' && DATE.test(end.date) ? end.date : null;
  if (periodEnd !== null && DATE.test(start) && periodEnd < start) {
    add(
      'period.end.date',
      `行动结束日期 ${periodEnd} 早于开始日期 ${start}`,
      `The campaign ends (${periodEnd}) before it starts (${start})`,
    );
  }

  if (plan.stages.length === 0) add('stages', '至少一个阶段', 'At least one stage');
  const keys = new Set<string>();
  plan.stages.forEach((s, i) => {
    const at = `stages.${i}`;
    if (blank(s.key) || !KEY.test(s.key)) {
      add(
        `${at}.key`,
        '标识只能由小写字母、数字和短横线组成',
        'Identifier: lowercase letters, digits and hyphens',
      );
    } else if (keys.has(s.key)) add(`${at}.key`, `阶段标识 ${s.key} 重复`, `Duplicate stage key ${s.key}`);
    keys.add(s.key);
    required(`${at}.kind`, s.kind);
    required(`${at}.titleZh`, s.titleZh);
    required(`${at}.titleEn`, s.titleEn);
    dateField(`${at}.start`, s.start);
    checkEnd(s.end, `${at}.end`);
    if (!DATE.test(s.start ?? '')) return;
    if (s.end.kind === 'date' && DATE.test(s.end.date) && s.end.date < s.start) {
      add(
        `${at}.end.date`,
        `阶段“${s.titleZh}”的结束日期 ${s.end.date} 早于开始日期 ${s.start}`,
        `Stage "${s.titleEn}" ends (${s.end.date}) before it starts (${s.start})`,
      );
    }
    if ((DATE.test(start) && s.start < start) || (periodEnd !== null && s.start > periodEnd)) {
      add(
        `${at}.start`,
        `阶段“${s.titleZh}”的开始日期 ${s.start} 不在行动期间内`,
        `Stage "${s.titleEn}" starts (${s.start}) outside the campaign period`,
      );
    }
    if (periodEnd !== null && s.end.kind === 'date' && DATE.test(s.end.date) && s.end.date > periodEnd) {
      add(
        `${at}.end.date`,
        `阶段“${s.titleZh}”的结束日期 ${s.end.date} 晚于行动结束日期 ${periodEnd}`,
        `Stage "${s.titleEn}" ends (${s.end.date}) after the campaign (${periodEnd})`,
      );
    }
  });

  if (!stagesMayOverlap) {
    const order = plan.stages
      .map((s, i) => ({ s, i }))
      .filter(({ s }) => DATE.test(s.start ?? ''))
      .sort((a, b) => a.s.start.localeCompare(b.s.start));
    for (let k = 1; k < order.length; k++) {
      const prev = order[k - 1].s;
      const { s, i } = order[k];
      if (prev.end.kind === 'event') {
        add(
          `stages.${i}.start`,
          `阶段“${prev.titleZh}”以事件结束，本行动的阶段不允许重叠，其后不能再安排阶段“${s.titleZh}”`,
          `Stage "${prev.titleEn}" ends on an event and stages may not overlap, so "${s.titleEn}" cannot follow it`,
        );
      } else if (DATE.test(prev.end.date) && s.start <= prev.end.date) {
        add(
          `stages.${i}.start`,
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
    const at = `reportSchedules.${i}`;
    if (ids.has(r.id)) add(`${at}.id`, `报送计划标识 ${r.id} 重复`, `Duplicate schedule id ${r.id}`);
    ids.add(r.id);
    required(`${at}.titleZh`, r.titleZh);
    const t = r.timing;
    const tp = `${at}.timing`;
    switch (t.kind) {
      case 'monthly': {
        if (blank(t.dueDay)) add(`${tp}.dueDay`, '请选择截止日', 'Pick the due day');
        else if (
          typeof t.dueDay === 'number' &&
          (t.dueDay < 1 || t.dueDay > 31 || !Number.isInteger(t.dueDay))
        ) {
          add(`${tp}.dueDay`, '截止日须为 1–31 或 last（月底）', 'Due day must be 1–31 or last');
        } else if (typeof t.dueDay === 'number' && t.dueDay > 28 && t.shortMonth !== 'lastDayOfMonth') {
          add(
            `${tp}.dueDay`,
            `每月${t.dueDay}日在部分月份（如2月）不存在；请改为 1–28 日，或设置 shortMonth: lastDayOfMonth（当月无此日时以月末为截止日），或使用 last（月底）`,
            `Day ${t.dueDay} does not exist in every month (e.g. February); use 1–28, set shortMonth: lastDayOfMonth (short months fall due on their last day), or use last (month end)`,
          );
        }
        for (const field of ['fromMonth', 'toMonth'] as const) {
          const v = t[field];
          if (v === undefined) continue;
          if (!MONTH.test(v)) add(`${tp}.${field}`, '月份格式须为 YYYY-MM', 'Month must be YYYY-MM');
          else if (v < startMonth || (endMonth !== null && v > endMonth)) {
            add(
              `${tp}.${field}`,
              `${field === 'fromMonth' ? '起始' : '结束'}月份 ${v} 不在行动期间内`,
              `${field} ${v} is outside the campaign period`,
            );
          }
        }
        if (t.fromMonth && t.toMonth && t.fromMonth > t.toMonth) {
          add(
            `${tp}.toMonth`,
            `结束月份 ${t.toMonth} 早于起始月份 ${t.fromMonth}`,
            `toMonth ${t.toMonth} is before fromMonth ${t.fromMonth}`,
          );
        }
        break;
      }
      case 'oneOff': {
        if (t.dates.length === 0) add(`${tp}.dates`, '至少一个日期', 'At least one date');
        const seen = new Set<string>();
        t.dates.forEach((d, j) => {
          if (seen.has(d)) add(`${tp}.dates.${j}`, `日期 ${d} 重复`, `Duplicate date ${d}`);
          seen.add(d);
          if (d < start || (periodEnd !== null && d > periodEnd)) {
            add(
              `${tp}.dates.${j}`,
              `报送日期 ${d} 不在行动期间内`,
              `Due date ${d} is outside the campaign period`,
            );
          }
        });
        break;
      }
      case 'annual': {
        if (blank(t.month) || t.month < 1 || t.month > 12)
          add(`${tp}.month`, '月份须为 1–12', 'Month must be 1–12');
        else if (blank(t.day) || t.day < 1 || t.day > daysIn(2023, t.month)) {
          add(
            `${tp}.day`,
            `${t.month}月${t.day ?? ''}日并非每年都有`,
            `${t.month}/${t.day ?? ''} does not exist in every year`,
          );
        }
        if (t.fromYear !== undefined && t.toYear !== undefined && t.fromYear > t.toYear) {
          add(
            `${tp}.toYear`,
            `结束年份 ${t.toYear} 早于起始年份 ${t.fromYear}`,
            `toYear ${t.toYear} is before fromYear ${t.fromYear}`,
          );
        }
        break;
      }
      case 'final': {
        if ((t.date === undefined) === (t.daysAfterEnd === undefined)) {
          add(
            `${tp}.date`,
            '总结报告须且只能指定 date（固定日期）或 daysAfterEnd（行动结束后天数）之一',
            'A final report needs exactly one of date or daysAfterEnd',
          );
        }
        if (t.date !== undefined && (t.date < start || (periodEnd !== null && t.date > periodEnd))) {
          add(
            `${tp}.date`,
            `报送日期 ${t.date} 不在行动期间内`,
            `Due date ${t.date} is outside the campaign period`,
          );
        }
        break;
      }
      default:
        add(`${tp}.kind`, '请选择报送时间类型', 'Pick the timing kind');
    }
  });

  if (plan.participants.length === 0)
    add('participants', '至少一个参与单位', 'At least one participating unit');
  return issues;
};

/**
 * Issues → the nested error object react-admin's form `validate` expects (`{ stages: [ , { start } ] }`),
 * first message per field, in the UI language.
 */
export const issuesToFormErrors = (issues: FormIssue[], locale: string): Record<string, unknown> => {
  const errors: Record<string, unknown> = {};
  for (const issue of issues) {
    const parts = issue.path.split('.');
    let node: Record<string, unknown> | unknown[] = errors;
    parts.forEach((part, index) => {
      const key = /^\d+$/.test(part) ? Number(part) : part;
      const container = node as Record<string | number, unknown>;
      if (index === parts.length - 1) {
        if (container[key] === undefined)
          container[key] = locale === 'en' ? issue.messageEn : issue.messageZh;
        return;
      }
      if (typeof container[key] !== 'object' || container[key] === null) {
        container[key] = /^\d+$/.test(parts[index + 1]) ? [] : {};
      }
      node = container[key] as Record<string, unknown>;
    });
  }
  return errors;
};
