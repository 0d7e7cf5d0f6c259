import type { ReportKind } from '@zhiben/contracts/workflow';
import { shanghaiMinute } from '@zhiben/workflows-shared';

/**
 * The campaign timeline (Chinese first, English second), recorded through `recordCampaignEvent`. Pure:
 * the workflows pass in titles, names and instants.
 */
export interface TimelineText {
  type: string;
  summaryZh: string;
  summaryEn: string;
}

const t = (type: string, summaryZh: string, summaryEn: string): TimelineText => ({
  type,
  summaryZh,
  summaryEn,
});
const withComment = (zh: string, comment: string) => (comment.trim() ? `${zh}：${comment.trim()}` : zh);
const withCommentEn = (en: string, comment: string) => (comment.trim() ? `${en}: ${comment.trim()}` : en);

/** `2026-12-25` (Asia/Shanghai). */
export const shanghaiDate = (ms: number) => shanghaiMinute(ms).slice(0, 10);

/** Labels of the report kinds (as in the contracts' REPORT_KIND_LABELS, which live beside zod schemas). */
export const REPORT_KIND_TEXT: Record<ReportKind, { zh: string; en: string }> = {
  dispatchForm: { zh: '月度调度表', en: 'monthly dispatch form' },
  progress: { zh: '工作进展情况', en: 'progress report' },
  implementation: { zh: '贯彻落实情况', en: 'implementation report' },
  selfInspection: { zh: '自查情况和问题清单', en: 'self-inspection report' },
  planFiling: { zh: '方案、清单报送备案', en: 'plan filing' },
  annualSummary: { zh: '年度工作总结', en: 'annual summary' },
  finalSummary: { zh: '总结报告', en: 'final summary' },
};

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `2023年6月` / `June 2023` for an occurrence key (`2023-06`, `2024`, `2023-08-05`, `final`). */
export function periodLabel(key: string): { zh: string; en: string } {
  if (/^\d{4}-\d{2}$/.test(key)) {
    const [y, m] = key.split('-').map(Number);
    return { zh: `${y}年${m}月`, en: `${EN_MONTHS[m - 1]} ${y}` };
  }
  if (/^\d{4}$/.test(key)) return { zh: `${key}年度`, en: key };
  if (/^\d{4}-\d{2}-\d{2}$/.test(key)) {
    const [y, m, d] = key.split('-').map(Number);
    return { zh: `${y}年${m}月${d}日`, en: key };
  }
  if (key === 'final') return { zh: '总结', en: 'final' };
  return { zh: key, en: key };
}

export const campaignTexts = {
  submitted: (title: string, round: number) =>
    round === 1
      ? t('campaign.submitted', `《${title}》提交审批`, `"${title}" submitted for approval`)
      : t(
          'campaign.submitted',
          `《${title}》修改后重新提交审批（第${round}次）`,
          `"${title}" resubmitted for approval (round ${round})`,
        ),
  approved: (actor: string, comment: string) =>
    t(
      'campaign.approved',
      withComment(`${actor} 批准实施方案`, comment),
      withCommentEn(`${actor} approved the plan`, comment),
    ),
  returned: (actor: string, comment: string) =>
    t(
      'campaign.returned',
      withComment(`${actor} 退回实施方案`, comment),
      withCommentEn(`${actor} returned the plan`, comment),
    ),
  withdrawn: (actor: string, reason: string) =>
    t(
      'campaign.withdrawn',
      withComment(`${actor} 撤回实施方案，不再印发`, reason),
      withCommentEn(`${actor} withdrew the plan`, reason),
    ),
  filingRequested: (title: string) =>
    t('campaign.filingRequested', `《${title}》报上级备案`, `"${title}" filed with the higher office`),
  filed: (actor: string, comment: string) =>
    t(
      'campaign.filed',
      withComment(`${actor} 予以备案`, comment),
      withCommentEn(`${actor} accepted the filing`, comment),
    ),
  filingReturned: (actor: string, comment: string) =>
    t(
      'campaign.filingReturned',
      withComment(`${actor} 退回备案`, comment),
      withCommentEn(`${actor} returned the filing`, comment),
    ),
  issued: (title: string) => t('campaign.issued', `《${title}》印发实施`, `"${title}" issued`),
  stageStarted: (titleZh: string, titleEn: string) =>
    t('stage.started', `「${titleZh}」阶段开始`, `Stage "${titleEn}" started`),
  stageEnded: (titleZh: string, titleEn: string, by: string | undefined, skipped: boolean) =>
    skipped
      ? t('stage.skipped', `「${titleZh}」阶段未开始即结束`, `Stage "${titleEn}" ended before it started`)
      : by === 'event'
        ? t('stage.ended', `「${titleZh}」阶段随事件结束`, `Stage "${titleEn}" ended on its event`)
        : t('stage.ended', `「${titleZh}」阶段结束`, `Stage "${titleEn}" ended`),
  eventReceived: (actor: string, eventKey: string, atMs: number) =>
    t(
      'campaign.event',
      `${actor} 报告事件「${eventKey}」（${shanghaiMinute(atMs)}）`,
      `${actor} reported event "${eventKey}" (${shanghaiMinute(atMs)}, Beijing time)`,
    ),
  reportsOpened: (
    period: { zh: string; en: string },
    title: { zh: string; en: string },
    units: number,
    dueMs: number,
  ) =>
    t(
      'reports.opened',
      `${period.zh}「${title.zh}」已向${units}个单位下发填报任务，截止 ${shanghaiDate(dueMs)}`,
      `${period.en} "${title.en}" opened for ${units} units, due ${shanghaiDate(dueMs)}`,
    ),
  summarizing: () => t('campaign.summarizing', '各阶段结束，进入总结评估', 'All stages ended; summarizing'),
  closed: () => t('campaign.closed', '专项行动结束', 'Campaign closed'),
};

export const reportTexts = {
  opened: (unit: string, what: string, whatEn: string, dueMs: number) =>
    t(
      'report.opened',
      `已向${unit}下发「${what}」填报任务，截止 ${shanghaiMinute(dueMs)}`,
      `"${whatEn}" opened for ${unit}, due ${shanghaiMinute(dueMs)} (Beijing time)`,
    ),
  submitted: (actor: string, what: string, whatEn: string) =>
    t(
      'report.submitted',
      `${actor} 填报「${what}」，提交单位负责人审核签发`,
      `${actor} filled in "${whatEn}" and sent it for sign-off`,
    ),
  returned: (actor: string, comment: string) =>
    t(
      'report.returned',
      withComment(`${actor} 退回报表`, comment),
      withCommentEn(`${actor} returned the report`, comment),
    ),
  signed: (actor: string, late: boolean) =>
    late
      ? t(
          'report.signed',
          `${actor} 审核签发，报表逾期报送`,
          `${actor} signed the report off (submitted late)`,
        )
      : t('report.signed', `${actor} 审核签发，报表按时报送`, `${actor} signed the report off (on time)`),
  late: (unit: string, what: string, whatEn: string, dueMs: number) =>
    t(
      'report.late',
      `${unit}「${what}」逾期未报（截止 ${shanghaiMinute(dueMs)}）`,
      `${unit} has not submitted "${whatEn}" (due ${shanghaiMinute(dueMs)}, Beijing time)`,
    ),
  urged: (unit: string, what: string, whatEn: string, n: number) =>
    t(
      'report.urged',
      `向${unit}发出第${n}次催报：「${what}」`,
      `Urge no. ${n} sent to ${unit} for "${whatEn}"`,
    ),
  circulated: (unit: string, what: string, whatEn: string) =>
    t(
      'report.circulated',
      `${unit}「${what}」逾期未报，予以通报并报发文单位督办`,
      `${unit} is circulated (通报) for not submitting "${whatEn}"; escalated to the issuing office`,
    ),
};
