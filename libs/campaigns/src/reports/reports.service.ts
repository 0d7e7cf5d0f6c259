import { Injectable } from '@nestjs/common';
import type { Principal } from '@zhiben/auth';
import { toCivilDate } from '@zhiben/calendar';
import {
  aggregateReports,
  findNode,
  formById,
  rowContributions,
  type AggregateNode,
} from '@zhiben/campaigns-domain';
import {
  campaignReportWorkflowId,
  formReportSchemaFor,
  type CampaignReportStatus,
  type FormDefinition,
  type FormValues,
  type ReportSchedule,
  type TaskDecisionPayload,
} from '@zhiben/contracts';
import { DomainException, parseOrThrow } from '@zhiben/platform';
import { DataSource, In } from 'typeorm';
import { z } from 'zod';
import { appendCampaignEvent } from '../campaigns/campaign-events';
import { CampaignsService } from '../campaigns/campaigns.service';
import { CampaignEntity, CampaignReportEntity } from '../entities';
import type { DispatchQuery } from '../params';
import { canFillReport, canReadUnit, type CampaignCaller, governsPath } from '../scope/campaign-scope';
import { WorkflowCallError } from '@zhiben/temporal-client';
import { CampaignWorkflowGateway, httpErrorFor } from '../workflow/campaign-workflow.gateway';

/** The step of a `campaignReport` workflow in which the unit fills the form in [contract with workflows/campaigns]. */
export const FILL_REPORT_STEP = 'fillReport';
export const SUBMIT_DECISION = 'submit';

const SUBMITTED: readonly CampaignReportStatus[] = ['submitted', 'submittedLate'];
const SERVER_FIELDS = ['scheduleId', 'occurrenceKey', 'reportingUnitCode', 'formId'] as const;

export const reportsQuerySchema = z.strictObject({
  occurrenceKey: z.string().trim().max(200).optional(),
  scheduleId: z.string().trim().max(80).optional(),
});

/**
 * Reports of a campaign (月度调度表 and the others): rows are opened by the `campaignReport` workflow
 * (`openReport`), drafted and submitted by the unit, and aggregated up the org tree.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly ds: DataSource,
    private readonly campaigns: CampaignsService,
    private readonly gateway: CampaignWorkflowGateway,
  ) {}

  scheduleOf(c: CampaignEntity, scheduleId: string): ReportSchedule | undefined {
    return c.plan.reportSchedules.find((s) => s.id === scheduleId);
  }

  formOf(c: CampaignEntity, scheduleId: string): FormDefinition | null {
    const s = this.scheduleOf(c, scheduleId);
    return s?.report.formId ? (formById(s.report.formId) ?? null) : null;
  }

  /** Who has reported and who is late, for the units the caller may read. */
  async list(p: Principal, token: string, campaignId: string, q: z.infer<typeof reportsQuerySchema>) {
    const caller = await this.campaigns.caller(p, token);
    const c = await this.campaigns.loadVisible(caller, campaignId);
    const where: Record<string, unknown> = { campaignId: c.id };
    if (q.occurrenceKey) where['occurrenceKey'] = q.occurrenceKey;
    if (q.scheduleId) where['scheduleKey'] = q.scheduleId;
    const rows = (
      await this.ds.getRepository(CampaignReportEntity).find({
        where,
        order: { occurrenceKey: 'ASC', unitCode: 'ASC' },
      })
    ).filter((r) => canReadUnit(caller, r.unitCode));
    const now = Date.now();
    const data = rows.map((r) => ({
      id: r.id,
      scheduleId: r.scheduleKey,
      occurrenceKey: r.occurrenceKey,
      unitCode: r.unitCode,
      unitName: caller.units.get(r.unitCode)?.name ?? null,
      status: r.status,
      dueAt: r.dueAt.toISOString(),
      late:
        r.late || (!SUBMITTED.includes(r.status) && r.dueAt.getTime() < now) || r.status === 'submittedLate',
      submittedAt: r.submittedAt?.toISOString() ?? null,
    }));
    return {
      data,
      total: data.length,
      summary: {
        reported: data.filter((r) => SUBMITTED.includes(r.status)).length,
        inReview: data.filter((r) => r.status === 'review').length,
        open: data.filter((r) => r.status === 'open').length,
        late: data.filter((r) => r.late).length,
      },
    };
  }

  private async load(caller: CampaignCaller, reportId: string, write: boolean) {
    const r = await this.ds.getRepository(CampaignReportEntity).findOneBy({ id: reportId });
    if (!r) throw DomainException.notFound('Report', reportId);
    const allowed = write ? canFillReport(caller, r.unitCode) : canReadUnit(caller, r.unitCode);
    if (!allowed) {
      throw new DomainException('OUT_OF_JURISDICTION', {
        detail: write
          ? 'Only the reporting unit fills its report in'
          : 'Report is outside the caller’s jurisdiction',
      });
    }
    const c = (await this.ds.getRepository(CampaignEntity).findOneBy({ id: r.campaignId }))!;
    return { r, c };
  }

  async get(p: Principal, token: string, reportId: string) {
    const caller = await this.campaigns.caller(p, token);
    const { r, c } = await this.load(caller, reportId, false);
    return this.toDto(r, c, caller);
  }

  private toDto(r: CampaignReportEntity, c: CampaignEntity, caller: CampaignCaller) {
    const form = this.formOf(c, r.scheduleKey);
    const kept = new Set(r.prefilledRows);
    return {
      id: r.id,
      campaignId: r.campaignId,
      campaignTitle: c.titleZh,
      scheduleId: r.scheduleKey,
      occurrenceKey: r.occurrenceKey,
      unitCode: r.unitCode,
      unitName: caller.units.get(r.unitCode)?.name ?? null,
      status: r.status,
      late: r.late,
      dueAt: r.dueAt.toISOString(),
      formId: form?.id ?? null,
      values: r.values,
      prefilled: r.prefilled,
      prefilledRows: r.prefilledRows,
      /** Each form row with its value and whether it still holds the ledger's figure. */
      rows: (form?.rows ?? []).map((row) => {
        const system = r.prefilled?.[row.id];
        const value = r.values[row.id] ?? null;
        return {
          id: row.id,
          sectionId: row.sectionId,
          number: row.number ?? null,
          labelZh: row.labelZh,
          labelEn: row.labelEn,
          unit: row.unit,
          value,
          prefillSource: row.prefill.kind,
          prefilledValue: system ?? null,
          prefilled: system !== undefined && kept.has(row.id) && value === system,
        };
      }),
      reportDate: r.reportDate,
      noteZh: r.noteZh,
      attachments: r.attachments,
      signature: r.signature,
      submittedBy: r.submittedBy,
      submittedAt: r.submittedAt?.toISOString() ?? null,
      version: r.version,
    };
  }

  /** The body of a draft/submission: the form report minus what the server knows. */
  private parseBody(r: CampaignReportEntity, form: FormDefinition, mode: 'draft' | 'submit', body: unknown) {
    const raw = { ...((typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>) };
    const version = raw['version'];
    delete raw['version'];
    if (version !== undefined && (typeof version !== 'number' || !Number.isInteger(version))) {
      throw DomainException.field('version', '版本须为整数', 'version must be an integer');
    }
    const known = {
      scheduleId: r.scheduleKey,
      occurrenceKey: r.occurrenceKey,
      reportingUnitCode: r.unitCode,
      formId: form.id,
    };
    for (const k of SERVER_FIELDS) {
      if (raw[k] !== undefined && raw[k] !== known[k]) {
        throw DomainException.field(k, `${k} 须为 ${known[k]}`, `${k} must be ${known[k]}`);
      }
    }
    if (mode === 'draft' && raw['reportDate'] === undefined) raw['reportDate'] = toCivilDate(new Date());
    const parsed = parseOrThrow(formReportSchemaFor(form, mode), { ...raw, ...known });
    return { parsed, version: version as number | undefined };
  }

  private dispatchForm(c: CampaignEntity, r: CampaignReportEntity): FormDefinition {
    const form = this.formOf(c, r.scheduleKey);
    if (!form) {
      throw new DomainException('CONFLICT', {
        detail: `Schedule ${r.scheduleKey} has no form`,
        messageZh: '该报送不是表格类报送',
        messageEn: 'This report is not a form report',
      });
    }
    return form;
  }

  private assertOpen(r: CampaignReportEntity): void {
    if (r.status !== 'open') {
      throw new DomainException('CONFLICT', {
        detail: `Report is ${r.status}`,
        messageZh: r.status === 'review' ? '报表已提交，正在审核签字' : '报表已报送，不能再修改',
        messageEn:
          r.status === 'review'
            ? 'The report is under review and signature'
            : 'The report has been submitted',
      });
    }
  }

  async saveDraft(p: Principal, token: string, reportId: string, body: unknown) {
    const caller = await this.campaigns.caller(p, token);
    const { r, c } = await this.load(caller, reportId, true);
    const form = this.dispatchForm(c, r);
    const { parsed, version } = this.parseBody(r, form, 'draft', body);
    this.assertOpen(r);
    if (version !== undefined && version !== r.version) {
      throw new DomainException('STALE_VERSION', { detail: `Report version is ${r.version}` });
    }
    const res = await this.ds
      .createQueryBuilder()
      .update(CampaignReportEntity)
      .set({
        values: parsed.values,
        prefilledRows: parsed.prefilledRows,
        reportDate: parsed.reportDate,
        noteZh: parsed.noteZh ?? null,
        attachments: parsed.attachments,
        signature: parsed.signature ?? null,
        version: () => 'version + 1',
      })
      .where("id = :id AND version = :v AND status = 'open'", { id: r.id, v: r.version })
      .execute();
    if (res.affected !== 1) throw new DomainException('STALE_VERSION', { detail: 'Concurrent edit' });
    return this.get(p, token, reportId);
  }

  /**
   * The unit submits its figures: validated with the form's submit schema (every row, cross-row
   * constraints, signature), stored, then handed to the report's workflow as the decide Update of its
   * open `fillReport` task; the workflow then opens the leader's review-and-sign task.
   */
  async submit(p: Principal, token: string, reportId: string, body: unknown) {
    const caller = await this.campaigns.caller(p, token);
    const { r, c } = await this.load(caller, reportId, true);
    const form = this.dispatchForm(c, r);
    const { parsed } = this.parseBody(r, form, 'submit', body);
    this.assertOpen(r);
    const seq = r.submissionSeq + 1;
    const res = await this.ds
      .createQueryBuilder()
      .update(CampaignReportEntity)
      .set({
        values: parsed.values,
        prefilledRows: parsed.prefilledRows,
        reportDate: parsed.reportDate,
        noteZh: parsed.noteZh ?? null,
        attachments: parsed.attachments,
        signature: parsed.signature,
        submissionSeq: seq,
        submittedBy: p.username,
        version: () => 'version + 1',
      })
      .where("id = :id AND version = :v AND status = 'open'", { id: r.id, v: r.version })
      .execute();
    if (res.affected !== 1) throw new DomainException('STALE_VERSION', { detail: 'Concurrent edit' });

    const workflowId = campaignReportWorkflowId(r.campaignId, r.occurrenceKey, r.unitCode);
    const updateId = `report-fill:${r.id}:${seq}`;
    try {
      const task = (await this.gateway.openTasks(workflowId)).find((t) => t.step === FILL_REPORT_STEP);
      if (!task) {
        throw new DomainException('CONFLICT', {
          detail: `No open ${FILL_REPORT_STEP} task in ${workflowId}`,
          messageZh: '流程当前不在填报环节（没有待办理的填报任务），已保存为草稿',
          messageEn:
            'The process is not waiting for the fill-in at this stage; the figures were saved as a draft',
        });
      }
      const payload: TaskDecisionPayload = {
        taskId: task.taskId ?? '',
        taskKey: task.taskKey,
        decision:
          task.decisions.includes(SUBMIT_DECISION) || task.decisions.length !== 1
            ? SUBMIT_DECISION
            : task.decisions[0],
        comment: parsed.noteZh ?? '',
        data: { reportId: r.id, submissionSeq: seq, values: parsed.values as Record<string, unknown> },
        attachments: parsed.attachments,
        actor: { username: p.username, name: p.name, orgUnitCode: p.orgUnitCode },
        decidedAt: new Date().toISOString(),
        requestId: updateId,
      };
      await this.gateway.decide(workflowId, payload, updateId);
    } catch (e) {
      if (e instanceof WorkflowCallError) throw httpErrorFor(e, { zh: '报表', en: 'report' });
      throw e;
    }
    await this.ds.transaction(async (m) => {
      await m
        .createQueryBuilder()
        .update(CampaignReportEntity)
        .set({ status: 'review', submittedAt: new Date() })
        .where("id = :id AND status = 'open'", { id: r.id })
        .execute();
      await appendCampaignEvent(m, {
        campaignId: r.campaignId,
        eventKey: `report:${r.id}:filled:${seq}`,
        type: 'report.filled',
        summaryZh: `${caller.units.get(r.unitCode)?.name ?? r.unitCode}提交了${r.occurrenceKey}报表，待负责人审核签字`,
        summaryEn: `${r.unitCode} submitted its ${r.occurrenceKey} report for the leader's review`,
        actor: { username: p.username, name: p.name },
        reportId: r.id,
      });
    });
    return this.get(p, token, reportId);
  }

  // ------------------------------------------------------------------------------------ dispatch

  /** The aggregated dispatch table of a unit's subtree for one occurrence, with drill-down. */
  async dispatch(p: Principal, token: string, campaignId: string, q: DispatchQuery) {
    const caller = await this.campaigns.caller(p, token);
    const c = await this.campaigns.loadVisible(caller, campaignId);
    const schedule = q.scheduleId
      ? this.scheduleOf(c, q.scheduleId)
      : c.plan.reportSchedules.find((s) => s.report.kind === 'dispatchForm');
    const form = schedule?.report.formId ? formById(schedule.report.formId) : undefined;
    if (!schedule || !form) {
      throw DomainException.field(
        'scheduleId',
        '该行动没有调度表类报送',
        'The campaign has no dispatch-form schedule',
      );
    }
    const rootCode =
      q.unit ?? (governsPath(caller, c.jurisdictionPath) ? c.jurisdictionCode : caller.governedUnit?.code);
    const root = rootCode ? caller.units.get(rootCode) : undefined;
    if (!root || !governsPath(caller, root.path) || !root.path.startsWith(c.jurisdictionPath)) {
      throw new DomainException('OUT_OF_JURISDICTION', {
        detail: `Unit ${rootCode ?? '(none)'} is outside the caller’s jurisdiction or the campaign`,
        messageZh: '只能查看本辖区（且属于该行动）的汇总表',
        messageEn: 'You can only view the table of your own area within the campaign',
      });
    }
    const units = [...caller.units.values()].filter((u) => u.path.startsWith(root.path));
    const codes = new Set(units.map((u) => u.code));
    const byId = new Map(units.map((u) => [u.id, u.code]));
    const rows = await this.ds.getRepository(CampaignReportEntity).find({
      where: {
        campaignId: c.id,
        scheduleKey: schedule.id,
        occurrenceKey: q.occurrenceKey,
        status: In([...SUBMITTED]),
      },
    });
    const reports = rows.filter((r) => codes.has(r.unitCode));
    const expected = c.plan.participants
      .filter((x) => x.reports && codes.has(x.orgUnitCode))
      .map((x) => x.orgUnitCode);
    const tree = aggregateReports(
      form,
      units.map((u) => ({
        code: u.code,
        parentCode: u.code === root.code ? null : (byId.get(u.parentId ?? '') ?? null),
        name: u.name,
      })),
      reports.map((r) => ({ unitCode: r.unitCode, values: onlyFormRows(form, r.values) })),
      { rootCode: root.code, expected },
    );
    const prefillRows = form.rows.filter(
      (r) => r.prefill.kind === 'hazards' || r.prefill.kind === 'listings',
    );
    return {
      campaignId: c.id,
      scheduleId: schedule.id,
      occurrenceKey: q.occurrenceKey,
      form: { id: form.id, titleZh: form.titleZh, titleEn: form.titleEn },
      unit: { code: root.code, name: root.name },
      tree,
      /** Row → each reporting unit's own figure (drill-down to units). */
      contributions: Object.fromEntries(form.rows.map((row) => [row.id, rowContributions(tree, row.id)])),
      /**
       * Pre-filled rows → how to list the counted hazards in the ledger (hazards-service API, same
       * scoping), per reporting unit.
       */
      drillDown: Object.fromEntries(
        prefillRows.map((row) => [
          row.id,
          rowContributions(tree, row.id).map((x) => ({
            ...x,
            hazards: hazardsQuery(row.prefill, x.unitCode),
          })),
        ]),
      ),
    };
  }

  /** The node of one unit inside a dispatch table (for the console's drill-down). */
  node(tree: AggregateNode, code: string) {
    return findNode(tree, code);
  }
}

function onlyFormRows(form: FormDefinition, values: FormValues): FormValues {
  const out: FormValues = {};
  for (const row of form.rows) if (values[row.id] !== undefined) out[row.id] = values[row.id];
  return out;
}

/** The hazards-service list query naming the hazards a pre-filled figure counts. */
function hazardsQuery(prefill: FormDefinition['rows'][number]['prefill'], unitCode: string): string | null {
  const unit = unitCode.startsWith('ent:')
    ? `enterpriseCreditCode=${encodeURIComponent(unitCode.slice(4))}`
    : `townCode=${encodeURIComponent(unitCode)}`;
  if (prefill.kind === 'hazards') {
    return `/api/hazards/hazards?grade=${prefill.grade}&${prefill.sources.map((s) => `source=${s}`).join('&')}&${unit}`;
  }
  if (prefill.kind === 'listings') return `/api/hazards/listings?${unit}`;
  return null;
}
