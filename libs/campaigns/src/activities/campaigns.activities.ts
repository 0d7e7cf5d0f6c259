import { ApplicationFailure } from '@temporalio/common';
import { formById } from '@zhiben/campaigns-domain';
import {
  CAMPAIGN_REPORT_STATUSES,
  CAMPAIGN_STATUSES,
  REPORT_KIND_LABELS,
  type CampaignReportStatus,
  type CampaignsPort,
  type CampaignStatus,
  type FormValues,
} from '@zhiben/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { appendCampaignEvent } from '../campaigns/campaign-events';
import { CampaignEntity, CampaignReportEntity } from '../entities';

export type CampaignsActivities = CampaignsPort;

/**
 * Campaign status order. A retried or late activity never moves a campaign back: a status applies only
 * when it ranks at or above the current one. `approval` and `rejected` share a rank (a rejected plan is
 * resubmitted); `closed` is final.
 */
const CAMPAIGN_RANK: Record<CampaignStatus, number> = {
  draft: 0,
  approval: 1,
  rejected: 1,
  issued: 2,
  running: 3,
  summarizing: 4,
  closed: 5,
};
/** A report goes open ⇄ review (退回 returns it to the unit) until it is submitted, which is final. */
const REPORT_FINAL: readonly CampaignReportStatus[] = ['submitted', 'submittedLate'];

const STATUS_ZH: Record<CampaignStatus, string> = {
  draft: '草稿',
  approval: '待审批',
  issued: '已印发',
  running: '实施中',
  summarizing: '总结评估',
  closed: '已结束',
  rejected: '已退回',
};
const REPORT_STATUS_ZH: Record<CampaignReportStatus, string> = {
  open: '填报中',
  review: '待审核签字',
  submitted: '已报送',
  submittedLate: '逾期报送',
};

const notFound = (what: string, id: string) =>
  ApplicationFailure.nonRetryable(`${what} ${id} not found`, `${what}NotFound`);
const invalid = (message: string) => ApplicationFailure.nonRetryable(message, 'InvalidActivityInput');

async function lockCampaign(m: EntityManager, id: string): Promise<CampaignEntity> {
  const c = await m
    .getRepository(CampaignEntity)
    .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!c) throw notFound('Campaign', id);
  return c;
}

/**
 * CampaignsPort, hosted by campaigns-service on TASK_QUEUES.campaigns. Every write is keyed (eventKey,
 * reportId) and happens in one transaction with its timeline line, so a retried activity changes
 * nothing twice.
 */
export function createCampaignsActivities(ds: DataSource): CampaignsActivities {
  return {
    async setCampaignStatus({ campaignId, status, eventKey, currentStageKey }) {
      if (!CAMPAIGN_STATUSES.includes(status)) throw invalid(`Unknown campaign status ${String(status)}`);
      await ds.transaction(async (m) => {
        const c = await lockCampaign(m, campaignId);
        const applies = c.status !== 'closed' && CAMPAIGN_RANK[status] >= CAMPAIGN_RANK[c.status];
        const fresh = await appendCampaignEvent(m, {
          campaignId,
          eventKey,
          type: 'campaign.status',
          summaryZh: `行动状态：${STATUS_ZH[status]}${currentStageKey ? `（当前阶段 ${currentStageKey}）` : ''}`,
          summaryEn: `Campaign status: ${status}${currentStageKey ? ` (stage ${currentStageKey})` : ''}`,
          actor: null,
          data: { status, currentStageKey: currentStageKey ?? null, applied: applies, previous: c.status },
        });
        if (!fresh || !applies) return;
        await m.getRepository(CampaignEntity).update(campaignId, {
          status,
          ...(currentStageKey !== undefined ? { currentStageKey } : {}),
        });
      });
    },

    async recordCampaignEvent(input) {
      await ds.transaction(async (m) => {
        await lockCampaign(m, input.campaignId);
        await appendCampaignEvent(m, input);
      });
    },

    async openReport({ reportId, campaignId, scheduleKey, occurrenceKey, unitCode, dueAt, prefilled }) {
      await ds.transaction(async (m) => {
        const c = await lockCampaign(m, campaignId);
        const schedule = c.plan.reportSchedules.find((s) => s.id === scheduleKey);
        if (!schedule) throw invalid(`Campaign ${campaignId} has no schedule ${scheduleKey}`);
        const form = schedule.report.formId ? formById(schedule.report.formId) : undefined;
        // Only the form's own rows are kept, as plain non-negative numbers.
        const figures: Record<string, number> = {};
        for (const row of form?.rows ?? []) {
          const v = prefilled?.[row.id];
          if (typeof v === 'number' && Number.isFinite(v) && v >= 0) figures[row.id] = v;
        }
        const res = await m
          .createQueryBuilder()
          .insert()
          .into(CampaignReportEntity)
          .values({
            id: reportId,
            campaignId,
            scheduleKey,
            occurrenceKey,
            unitCode,
            dueAt: new Date(dueAt),
            status: 'open',
            prefilled: prefilled ? figures : null,
            values: figures as FormValues,
            prefilledRows: Object.keys(figures),
          })
          .orIgnore()
          .returning(['id'])
          .execute();
        if ((res.raw as unknown[]).length === 0) return;
        await appendCampaignEvent(m, {
          campaignId,
          eventKey: `report:${reportId}:opened`,
          type: 'report.opened',
          summaryZh: `向 ${unitCode} 下发${occurrenceKey}${REPORT_KIND_LABELS[schedule.report.kind].zh}填报任务`,
          summaryEn: `Opened the ${occurrenceKey} ${REPORT_KIND_LABELS[schedule.report.kind].en} for ${unitCode}`,
          actor: null,
          reportId,
          data: { unitCode, occurrenceKey, scheduleKey, dueAt, prefilledRows: Object.keys(figures) },
        });
      });
    },

    async setReportStatus({ reportId, status, eventKey, late }) {
      if (!CAMPAIGN_REPORT_STATUSES.includes(status))
        throw invalid(`Unknown report status ${String(status)}`);
      await ds.transaction(async (m) => {
        const r = await m
          .getRepository(CampaignReportEntity)
          .findOne({ where: { id: reportId }, lock: { mode: 'pessimistic_write' } });
        if (!r) throw notFound('Report', reportId);
        const applies = !REPORT_FINAL.includes(r.status) || r.status === status;
        const fresh = await appendCampaignEvent(m, {
          campaignId: r.campaignId,
          eventKey,
          type: 'report.status',
          summaryZh: `${r.unitCode} ${r.occurrenceKey} 报表：${REPORT_STATUS_ZH[status]}${late ? '（逾期）' : ''}`,
          summaryEn: `${r.unitCode} ${r.occurrenceKey} report: ${status}${late ? ' (late)' : ''}`,
          actor: null,
          reportId,
          data: { status, late: late ?? null, applied: applies, previous: r.status },
        });
        if (!fresh || !applies) return;
        const submitted = REPORT_FINAL.includes(status);
        await m.getRepository(CampaignReportEntity).update(reportId, {
          status,
          late: r.late || late === true || status === 'submittedLate',
          ...(submitted && !r.submittedAt ? { submittedAt: new Date() } : {}),
        });
      });
    },
  };
}
