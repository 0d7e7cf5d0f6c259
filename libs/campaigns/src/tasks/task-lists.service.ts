import { Injectable } from '@nestjs/common';
import type { Principal } from '@zhiben/auth';
import { toCivilDate } from '@zhiben/calendar';
import { dutyCompliance } from '@zhiben/campaigns-domain';
import { dutyRecordSchema, type TaskProgress } from '@zhiben/contracts';
import { DomainException, parseOrThrow } from '@zhiben/platform';
import { DataSource } from 'typeorm';
import { appendCampaignEvent } from '../campaigns/campaign-events';
import { CampaignsService } from '../campaigns/campaigns.service';
import { type CampaignEntity, DutyRecordEntity, TaskItemEntity } from '../entities';
import { canFillReport, canReadUnit, type CampaignCaller, reportingCode } from '../scope/campaign-scope';

/** Task lists (任务清单/责任清单/时限进度清单) per unit, and "at least N per period" duty counters. */
@Injectable()
export class TaskListsService {
  constructor(
    private readonly ds: DataSource,
    private readonly campaigns: CampaignsService,
  ) {}

  async items(p: Principal, token: string, id: string) {
    const caller = await this.campaigns.caller(p, token);
    const c = await this.campaigns.loadVisible(caller, id);
    const template = await this.campaigns.templateOf(c);
    const defs = new Map(
      template.taskLists.flatMap((l) => l.items.map((it) => [it.id, { list: l, item: it }])),
    );
    const rows = (
      await this.ds
        .getRepository(TaskItemEntity)
        .find({ where: { campaignId: c.id }, order: { itemId: 'ASC', unitCode: 'ASC' } })
    ).filter((r) => canReadUnit(caller, r.unitCode));
    const data = rows.map((r) => {
      const def = defs.get(r.itemId);
      return {
        id: r.id,
        listId: r.listId,
        itemId: r.itemId,
        number: def?.item.number ?? null,
        textZh: def?.item.textZh ?? null,
        responsibleZh: def?.item.responsible.textZh ?? null,
        templateDeadline: def?.item.deadline ?? null,
        evidenceKinds: def?.item.evidence?.kinds ?? [],
        unitCode: r.unitCode,
        unitName: caller.units.get(r.unitCode)?.name ?? null,
        owner: r.owner,
        deadline: r.deadline,
        status: r.status,
        noteZh: r.noteZh,
        evidence: r.evidence,
        completedAt: r.completedAt?.toISOString() ?? null,
        version: r.version,
      };
    });
    const byUnit: Record<string, { total: number; done: number }> = {};
    for (const r of data) {
      byUnit[r.unitCode] ??= { total: 0, done: 0 };
      byUnit[r.unitCode].total++;
      if (r.status === 'done') byUnit[r.unitCode].done++;
    }
    return { data, total: data.length, completionByUnit: byUnit };
  }

  /** The assigned unit reports progress (done needs evidence: taskProgressSchema). */
  async progress(p: Principal, token: string, id: string, itemId: string, body: TaskProgress) {
    const caller = await this.campaigns.caller(p, token);
    const c = await this.campaigns.loadVisible(caller, id);
    this.assertActive(c);
    const unit = reportingCode(caller);
    const row = unit
      ? await this.ds.getRepository(TaskItemEntity).findOneBy({ campaignId: c.id, itemId, unitCode: unit })
      : null;
    if (!row) {
      throw new DomainException('NOT_FOUND', {
        detail: `No item ${itemId} assigned to ${unit ?? '(no unit)'}`,
        messageZh: '本单位没有分配该任务',
        messageEn: 'This task is not assigned to your unit',
      });
    }
    await this.ds.transaction(async (m) => {
      await m.getRepository(TaskItemEntity).update(row.id, {
        status: body.status,
        noteZh: body.noteZh ?? null,
        evidence: body.evidence,
        updatedBy: p.username,
        completedAt: body.status === 'done' ? new Date() : null,
        version: row.version + 1,
      });
      await appendCampaignEvent(m, {
        campaignId: c.id,
        eventKey: `task:${row.id}:v${row.version + 1}`,
        type: 'task.progress',
        summaryZh: `${caller.units.get(row.unitCode)?.name ?? row.unitCode}更新任务 ${itemId} 进度：${STATUS_ZH[body.status]}`,
        summaryEn: `${row.unitCode} reported task ${itemId} ${body.status}`,
        actor: { username: p.username, name: p.name },
        data: { itemId, unitCode: row.unitCode, status: body.status, evidence: body.evidence.length },
      });
    });
    return (await this.items(p, token, id)).data.find((x) => x.id === row.id);
  }

  private assertActive(c: CampaignEntity): void {
    if (['closed', 'rejected'].includes(c.status)) {
      throw new DomainException('CONFLICT', { detail: `Campaign is ${c.status}` });
    }
  }

  /** Campaign range for counting: the period, cut at `asOf` while an event-ended campaign runs. */
  private range(c: CampaignEntity, stageKey: string | undefined, asOf: string) {
    const stage = stageKey ? c.plan.stages.find((s) => s.key === stageKey) : undefined;
    const from = stage?.start ?? c.plan.period.start;
    const end = stage ? stage.end : c.plan.period.end;
    return { from, to: end.kind === 'date' ? end.date : asOf };
  }

  async record(p: Principal, token: string, id: string, dutyId: string, body: unknown) {
    const caller = await this.campaigns.caller(p, token);
    const c = await this.campaigns.loadVisible(caller, id);
    this.assertActive(c);
    const raw = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const rec = parseOrThrow(dutyRecordSchema, {
      ...raw,
      dutyId,
      orgUnitCode: raw['orgUnitCode'] ?? reportingCode(caller) ?? '',
    });
    const assignment = c.plan.dutyAssignments.find((a) => a.dutyId === dutyId);
    if (!assignment) {
      throw DomainException.field(
        'dutyId',
        `本行动没有分配职责 ${dutyId}`,
        `The campaign assigns no duty ${dutyId}`,
      );
    }
    if (!assignment.orgUnitCodes.includes(rec.orgUnitCode)) {
      throw DomainException.field(
        'orgUnitCode',
        `职责 ${dutyId} 未分配给 ${rec.orgUnitCode}`,
        `Duty ${dutyId} is not assigned to ${rec.orgUnitCode}`,
      );
    }
    if (!canFillReport(caller, rec.orgUnitCode)) {
      throw new DomainException('OUT_OF_JURISDICTION', { detail: 'Only the unit itself records its duty' });
    }
    const today = toCivilDate(new Date());
    const { from, to } = this.range(c, undefined, today);
    if (rec.occurredOn < from || rec.occurredOn > to || rec.occurredOn > today) {
      throw DomainException.field(
        'occurredOn',
        `日期须在行动期间内（${from} 至 ${to < today ? to : today}）`,
        `The date must lie within the campaign (${from} – ${to < today ? to : today})`,
      );
    }
    const saved = await this.ds.getRepository(DutyRecordEntity).save({
      campaignId: c.id,
      dutyId,
      unitCode: rec.orgUnitCode,
      occurredOn: rec.occurredOn,
      count: rec.count,
      noteZh: rec.noteZh ?? null,
      attachments: rec.attachments,
      recordedBy: p.username,
    });
    return {
      id: saved.id,
      dutyId,
      unitCode: saved.unitCode,
      occurredOn: saved.occurredOn,
      count: saved.count,
    };
  }

  async compliance(p: Principal, token: string, id: string, asOfParam?: string) {
    const caller = await this.campaigns.caller(p, token);
    const c = await this.campaigns.loadVisible(caller, id);
    const template = await this.campaigns.templateOf(c);
    const asOf = asOfParam ?? toCivilDate(new Date());
    const records = await this.ds.getRepository(DutyRecordEntity).find({ where: { campaignId: c.id } });
    const out = [];
    for (const a of c.plan.dutyAssignments) {
      const duty = template.duties.find((d) => d.id === a.dutyId);
      if (!duty) continue;
      const range = this.range(c, duty.withinStage, asOf);
      for (const unitCode of a.orgUnitCodes.filter((u) => canReadUnit(caller, u))) {
        const periods = dutyCompliance(
          duty,
          records.filter((r) => r.dutyId === duty.id && r.unitCode === unitCode),
          range,
          asOf,
        );
        out.push({
          dutyId: duty.id,
          titleZh: duty.titleZh,
          period: duty.period,
          minCount: duty.minCount,
          unitCode,
          unitName: caller.units.get(unitCode)?.name ?? null,
          periods,
          short: periods.filter((x) => x.status === 'short').length,
        });
      }
    }
    return { asOf, data: out, total: out.length };
  }

  callerOf(p: Principal, token: string): Promise<CampaignCaller> {
    return this.campaigns.caller(p, token);
  }
}

const STATUS_ZH = { notStarted: '未开始', inProgress: '推进中', done: '已完成' } as const;
