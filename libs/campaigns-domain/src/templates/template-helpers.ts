import type { DutyPeriod, ResponsibleGroup, TaskDeadline, TaskItem } from '@zhiben/contracts';

/**
 * Small constructors that keep the seed data files readable: one line per task row, with the deadline
 * idiom of the seed next to its date.
 */

/** By a date (5月底 → 05-31; 5月中旬 → 05-20; 2024年 → 2024-12-31), optionally kept up afterwards. */
export const by = (date: string, labelZh: string, thenOngoing = false): TaskDeadline =>
  thenOngoing ? { kind: 'by', date, labelZh, thenOngoing } : { kind: 'by', date, labelZh };
export const from = (date: string, labelZh: string): TaskDeadline => ({ kind: 'from', date, labelZh });
export const milestones = (...steps: [date: string, labelZh: string][]): TaskDeadline => ({
  kind: 'milestones',
  steps: steps.map(([date, labelZh]) => ({ date, labelZh })),
});
export const recurring = (period: DutyPeriod, labelZh: string): TaskDeadline => ({
  kind: 'recurring',
  period,
  labelZh,
});
export const ongoing = (labelZh?: string): TaskDeadline =>
  labelZh === undefined ? { kind: 'ongoing' } : { kind: 'ongoing', labelZh };
export const perCase = (labelZh?: string): TaskDeadline =>
  labelZh === undefined ? { kind: 'perOccurrence' } : { kind: 'perOccurrence', labelZh };
export const CAMPAIGN: TaskDeadline = { kind: 'campaign' };
export const IMMEDIATE: TaskDeadline = { kind: 'immediate' };
export const UNSPECIFIED: TaskDeadline = { kind: 'unspecified' };

const GROUP_PATTERNS: readonly [ResponsibleGroup, RegExp][] = [
  ['towns', /各镇|镇街|各乡镇/],
  ['platforms', /管委会|各管会/],
  [
    'districtDepartments',
    /区级[^，、]*部门|相关区级部门|区级相关|负有安全生产监[管督][^，、]*部门|有关部门|成员单位/,
  ],
  ['soes', /区属国有(企业|公司)/],
  ['enterprises', /各企业|相关企业/],
  ['villages', /村（社区）/],
];

/**
 * The generic unit groups named in a 责任单位 cell (各镇街, 各管委会, 区级…部门, 区属国有企业, 各企业). Named
 * units (区委办, 区应急局 …) are not groups; they stay in the cell text and are resolved by name.
 */
export function responsibleGroups(textZh: string): ResponsibleGroup[] {
  return GROUP_PATTERNS.filter(([, re]) => re.test(textZh)).map(([g]) => g);
}

export const responsible = (textZh: string): TaskItem['responsible'] => ({
  textZh,
  groups: responsibleGroups(textZh),
});
