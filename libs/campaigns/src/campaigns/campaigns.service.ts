import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@zhiben/auth';
import { toCivilDate } from '@zhiben/calendar';
import {
  campaignWorkflowId,
  createCampaignSchemaFor,
  type CampaignTemplate,
  type CampaignWorkflowInput,
  type CreateCampaign,
  type FieldError,
  type ReportLatePolicy,
} from '@zhiben/contracts';
import { DomainException, parseOrThrow } from '@zhiben/platform';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { z } from 'zod';
import { CAMPAIGNS_OPTIONS, type CampaignsOptions } from '../campaigns.options';
import { CampaignEntity, CampaignEventEntity, TaskItemEntity } from '../entities';
import {
  canAdminister,
  canSeeCampaign,
  canSignalEvents,
  type CampaignCaller,
  campaignScopeWhere,
  governsPath,
  TERRITORIAL_KINDS,
  type UnitRef,
} from '../scope/campaign-scope';
import { CallerResolver } from '../scope/caller.resolver';
import { TemplatesService } from '../templates/templates.service';
import { WorkflowCallError } from '@zhiben/temporal-client';
import { CampaignWorkflowGateway, httpErrorFor } from '../workflow/campaign-workflow.gateway';
import { CampaignWorkflowStarter } from '../workflow/workflow-starter';
import { appendCampaignEvent } from './campaign-events';
import { approversOf, officeOf, toCampaignDto, toEventDto } from './campaign.mappers';

/** Default 催报/通报 policy of new campaigns [design]: reminders at half and 80 % of the window. */
export const DEFAULT_LATE_POLICY: ReportLatePolicy = {
  remindAt: [0.5, 0.8],
  urgeEvery: { amount: 1, unit: 'workingDays' },
  maxUrges: 3,
  circulateAfter: { amount: 3, unit: 'workingDays' },
};

const EDITABLE = [
  'titleZh',
  'titleEn',
  'period',
  'events',
  'stages',
  'reportSchedules',
  'participants',
  'taskAssignments',
  'dutyAssignments',
] as const;

const msg = (zh: string, en: string) => ({ message: `${zh} / ${en}` });
const version = z
  .number(msg('须为数字', 'Must be a number'))
  .int()
  .min(1, msg('版本须为正整数', 'Version must be positive'));

export const patchCampaignSchema = z
  .object({ version })
  .catchall(z.unknown())
  .superRefine((b, ctx) => {
    for (const k of Object.keys(b)) {
      if (k !== 'version' && !(EDITABLE as readonly string[]).includes(k)) {
        ctx.addIssue({
          code: 'custom',
          path: [k],
          ...msg(`不允许修改的字段：${k}`, `Field cannot be changed: ${k}`),
        });
      }
    }
  });
export const submitCampaignSchema = z.strictObject({
  clockMsPerDay: z.number().int().min(100, msg('不能小于 100', 'Must be at least 100')).optional(),
});
export const migrateCampaignSchema = z.strictObject({
  toVersion: z
    .number(msg('须为数字', 'Must be a number'))
    .int()
    .min(1, msg('须为正整数', 'Must be positive')),
  version,
});
export const signalEventSchema = z.strictObject({
  at: z.iso.datetime(msg('须为 ISO 时间', 'Must be an ISO instant')).optional(),
});
export const deriveCampaignSchema = z.strictObject({
  titleZh: z.string().trim().min(1).max(200).optional(),
  participants: z.array(z.string().trim().min(1).max(200)).min(1).max(5000).optional(),
});
export const listCampaignsQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  perPage: z.coerce.number().int().min(1).max(200).default(25),
  status: z.string().trim().max(20).optional(),
});

@Injectable()
export class CampaignsService {
  constructor(
    private readonly ds: DataSource,
    private readonly callers: CallerResolver,
    private readonly templates: TemplatesService,
    private readonly gateway: CampaignWorkflowGateway,
    private readonly starter: CampaignWorkflowStarter,
    @Inject(CAMPAIGNS_OPTIONS) private readonly options: CampaignsOptions,
  ) {}

  caller(p: Principal, token: string): Promise<CampaignCaller> {
    return this.callers.resolve(p, token);
  }

  // ------------------------------------------------------------------------------------------ reads

  /** The campaign, visible to the caller (404 when missing, 403 outside their jurisdiction). */
  async loadVisible(caller: CampaignCaller, id: string): Promise<CampaignEntity> {
    const c = await this.ds.getRepository(CampaignEntity).findOneBy({ id });
    if (!c) throw DomainException.notFound('Campaign', id);
    if (!canSeeCampaign(caller, c)) {
      throw new DomainException('OUT_OF_JURISDICTION', {
        detail: 'Campaign is outside the caller’s jurisdiction',
      });
    }
    return c;
  }

  async list(p: Principal, token: string, q: z.infer<typeof listCampaignsQuerySchema>) {
    const caller = await this.caller(p, token);
    const scope = campaignScopeWhere(caller);
    const qb = this.ds.getRepository(CampaignEntity).createQueryBuilder('c').where(scope.sql, scope.params);
    if (q.status) qb.andWhere('c.status = :status', { status: q.status });
    const [rows, total] = await qb
      .orderBy('c.created_at', 'DESC')
      .skip((q.page - 1) * q.perPage)
      .take(q.perPage)
      .getManyAndCount();
    return { data: rows.map(toCampaignDto), total };
  }

  async get(p: Principal, token: string, id: string) {
    const caller = await this.caller(p, token);
    const c = await this.loadVisible(caller, id);
    if (c.submittedAt && !c.workflowStartedAt) await this.starter.ensureStarted(c, 3_000);
    return toCampaignDto(c);
  }

  async timeline(p: Principal, token: string, id: string) {
    const caller = await this.caller(p, token);
    const c = await this.loadVisible(caller, id);
    const events = await this.ds
      .getRepository(CampaignEventEntity)
      .find({ where: { campaignId: c.id }, order: { id: 'ASC' } });
    const unitName = (code: string) => caller.units.get(code)?.name;
    return { data: events.map((e) => toEventDto(e, unitName)), total: events.length };
  }

  /** The template version the campaign was created from (or migrated to). */
  async templateOf(c: Pick<CampaignEntity, 'templateId' | 'templateVersion'>): Promise<CampaignTemplate> {
    const t = await this.templates.find(c.templateId, c.templateVersion);
    if (!t) throw new Error(`Template ${c.templateId}@${c.templateVersion} is missing`);
    return t;
  }

  // ----------------------------------------------------------------------------------------- create

  async create(p: Principal, token: string, body: unknown) {
    const caller = await this.caller(p, token);
    const raw = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const template = await this.requestedTemplate(raw);
    const plan = parseOrThrow(createCampaignSchemaFor(template), body);
    const jurisdiction = this.checkJurisdiction(caller, plan.jurisdiction);
    this.checkUnits(caller, jurisdiction, plan);
    const id = randomUUID();
    await this.ds.transaction(async (m) => {
      await m.getRepository(CampaignEntity).insert({
        id,
        templateId: template.id,
        templateVersion: template.version,
        titleZh: plan.titleZh,
        status: 'draft',
        jurisdictionCode: jurisdiction.code,
        jurisdictionName: jurisdiction.name,
        jurisdictionPath: jurisdiction.path,
        issuingUnitCode: caller.unit!.code,
        participantCodes: plan.participants.map((x) => x.orgUnitCode),
        parentCampaignId: null,
        plan,
        workflowId: campaignWorkflowId(id),
        createdBy: p.username,
        createdByName: p.name,
      });
      await this.replaceTaskItems(m, id, plan);
      await appendCampaignEvent(m, {
        campaignId: id,
        eventKey: `campaign:${id}:created`,
        type: 'campaign.created',
        summaryZh: `${p.name}依据模板“${template.titleZh}”（第 ${template.version} 版）起草了${jurisdiction.name}的行动方案`,
        summaryEn: `${p.name} drafted the plan for ${jurisdiction.name} from template ${template.id} v${template.version}`,
        actor: { username: p.username, name: p.name },
        data: { templateId: template.id, templateVersion: template.version },
      });
    });
    return toCampaignDto((await this.ds.getRepository(CampaignEntity).findOneBy({ id }))!);
  }

  private async requestedTemplate(raw: Record<string, unknown>): Promise<CampaignTemplate> {
    const id = raw['templateId'];
    const v = raw['templateVersion'];
    if (typeof id !== 'string') {
      throw DomainException.field('templateId', '请指定模板 templateId', 'templateId is required');
    }
    if (typeof v !== 'number' || !Number.isInteger(v)) {
      throw DomainException.field(
        'templateVersion',
        '请指定模板版本 templateVersion（整数）',
        'templateVersion must be an integer',
      );
    }
    const t = await this.templates.find(id, v);
    if (!t) {
      const any = await this.templates.find(id);
      throw any
        ? DomainException.field(
            'templateVersion',
            `模板 ${id} 没有第 ${v} 版`,
            `Template ${id} has no version ${v}`,
          )
        : DomainException.field('templateId', `模板 ${id} 不存在`, `No template ${id}`);
    }
    return t;
  }

  /** The jurisdiction must be a territorial unit the caller governs (403 otherwise). */
  private checkJurisdiction(caller: CampaignCaller, code: string): UnitRef {
    const unit = caller.units.get(code);
    if (!caller.roles.includes('admin') || !caller.unit || !unit || !governsPath(caller, unit.path)) {
      throw new DomainException('OUT_OF_JURISDICTION', {
        detail: `Jurisdiction ${code} is not governed by the caller`,
        messageZh: `${code} 不在您的管辖范围内（或不存在），只能为本级及下级辖区部署行动`,
        messageEn: `${code} is outside your jurisdiction (or does not exist); campaigns are for your own area and below`,
      });
    }
    if (!TERRITORIAL_KINDS.has(unit.kind)) {
      throw DomainException.field(
        'jurisdiction',
        '辖区须为区、镇街或平台等属地单位',
        'The jurisdiction must be a territorial unit',
      );
    }
    return unit;
  }

  /** Participants and assigned units must lie inside the jurisdiction. */
  private checkUnits(caller: CampaignCaller, jurisdiction: UnitRef, plan: CreateCampaign): void {
    const errors: FieldError[] = [];
    const check = (code: string, path: string) => {
      const u = caller.units.get(code);
      if (!u || !u.path.startsWith(jurisdiction.path)) {
        errors.push({
          path,
          messageZh: `单位 ${code} 不存在或不在${jurisdiction.name}辖区内`,
          messageEn: `Unit ${code} does not exist or is outside ${jurisdiction.code}`,
        });
      }
    };
    plan.participants.forEach((x, i) => check(x.orgUnitCode, `participants.${i}.orgUnitCode`));
    plan.taskAssignments.forEach((a, i) =>
      a.orgUnitCodes.forEach((c, j) => check(c, `taskAssignments.${i}.orgUnitCodes.${j}`)),
    );
    plan.dutyAssignments.forEach((a, i) =>
      a.orgUnitCodes.forEach((c, j) => check(c, `dutyAssignments.${i}.orgUnitCodes.${j}`)),
    );
    if (errors.length) {
      throw new DomainException('UNKNOWN_ORG_UNIT', { detail: 'Units outside the jurisdiction', errors });
    }
  }

  private async replaceTaskItems(m: EntityManager, campaignId: string, plan: CreateCampaign): Promise<void> {
    await m.getRepository(TaskItemEntity).delete({ campaignId });
    const rows = plan.taskAssignments.flatMap((a) =>
      a.orgUnitCodes.map((unitCode) => ({
        campaignId,
        listId: a.listId,
        itemId: a.itemId,
        unitCode,
        owner: a.owner ?? null,
        deadline: a.deadline ?? null,
      })),
    );
    for (let i = 0; i < rows.length; i += 500) {
      await m
        .createQueryBuilder()
        .insert()
        .into(TaskItemEntity)
        .values(rows.slice(i, i + 500))
        .orIgnore()
        .execute();
    }
  }

  // ------------------------------------------------------------------------------------------ edits

  private async loadAdministered(caller: CampaignCaller, id: string): Promise<CampaignEntity> {
    const c = await this.loadVisible(caller, id);
    if (!canAdminister(caller, c)) {
      throw new DomainException('FORBIDDEN', {
        detail: 'Only admins governing the campaign’s jurisdiction may do this',
        messageZh: '只有行动所在辖区的管理员可以执行此操作',
        messageEn: 'Only an admin of the campaign’s jurisdiction may do this',
      });
    }
    return c;
  }

  private assertVersion(c: CampaignEntity, v: number): void {
    if (c.version !== v) {
      throw new DomainException('STALE_VERSION', {
        detail: `Campaign version is ${c.version}, request had ${v}`,
      });
    }
  }

  async patch(p: Principal, token: string, id: string, body: unknown) {
    const caller = await this.caller(p, token);
    const patch = parseOrThrow(patchCampaignSchema, body);
    const c = await this.loadAdministered(caller, id);
    if (c.status !== 'draft') {
      throw new DomainException('CONFLICT', {
        detail: `Campaign is ${c.status}`,
        messageZh: '只有草稿状态的方案可以修改；运行中的行动请通过模板迁移调整',
        messageEn: 'Only a draft can be edited; a running campaign changes by template migration',
      });
    }
    this.assertVersion(c, patch.version);
    const { version: _v, ...changes } = patch;
    const template = await this.templateOf(c);
    const plan = parseOrThrow(createCampaignSchemaFor(template), {
      ...c.plan,
      ...changes,
      templateId: c.templateId,
      templateVersion: c.templateVersion,
      jurisdiction: c.jurisdictionCode,
    });
    const jurisdiction = caller.units.get(c.jurisdictionCode)!;
    this.checkUnits(caller, jurisdiction, plan);
    await this.ds.transaction(async (m) => {
      const res = await m
        .createQueryBuilder()
        .update(CampaignEntity)
        .set({
          plan,
          titleZh: plan.titleZh,
          participantCodes: plan.participants.map((x) => x.orgUnitCode),
          version: () => 'version + 1',
        })
        .where('id = :id AND version = :v', { id, v: c.version })
        .execute();
      if (res.affected !== 1) throw new DomainException('STALE_VERSION', { detail: 'Concurrent edit' });
      await this.replaceTaskItems(m, id, plan);
      await appendCampaignEvent(m, {
        campaignId: id,
        eventKey: `campaign:${id}:edited:${c.version + 1}`,
        type: 'campaign.edited',
        summaryZh: `${p.name}修改了方案草稿`,
        summaryEn: `${p.name} edited the draft plan`,
        actor: { username: p.username, name: p.name },
        data: { fields: Object.keys(changes) },
      });
    });
    return toCampaignDto((await this.ds.getRepository(CampaignEntity).findOneBy({ id }))!);
  }

  /** Submits a draft for approval: stores the workflow input, then starts `campaign` (outbox). */
  async submit(p: Principal, token: string, id: string, body: z.infer<typeof submitCampaignSchema>) {
    const caller = await this.caller(p, token);
    const c = await this.loadAdministered(caller, id);
    if (body.clockMsPerDay !== undefined && !this.options.allowTimeScale) {
      throw DomainException.field(
        'clockMsPerDay',
        '仅测试/演示环境（ZHIBEN_ALLOW_TIME_SCALE）可缩放流程时钟',
        'Only test/demo stacks (ZHIBEN_ALLOW_TIME_SCALE) may scale the workflow clock',
      );
    }
    if (c.status === 'draft') {
      const parent = c.parentCampaignId
        ? await this.ds.getRepository(CampaignEntity).findOneBy({ id: c.parentCampaignId })
        : null;
      const input: CampaignWorkflowInput = {
        campaignId: c.id,
        title: c.titleZh,
        templateId: c.templateId,
        templateVersion: c.templateVersion,
        issuingUnitCode: c.issuingUnitCode,
        period: c.plan.period,
        stages: c.plan.stages,
        schedules: c.plan.reportSchedules,
        participants: c.plan.participants.filter((x) => x.reports).map((x) => x.orgUnitCode),
        approvers: approversOf(c),
        office: officeOf(c),
        parent: parent ? { campaignId: parent.id, officeCandidates: officeOf(parent) } : null,
        latePolicy: DEFAULT_LATE_POLICY,
        clock: { msPerDay: body.clockMsPerDay ?? this.options.msPerDay },
      };
      await this.ds.transaction(async (m) => {
        const res = await m
          .createQueryBuilder()
          .update(CampaignEntity)
          .set({
            status: 'approval',
            workflowInput: input,
            submittedAt: new Date(),
            version: () => 'version + 1',
          })
          .where("id = :id AND status = 'draft'", { id })
          .execute();
        if (res.affected !== 1) throw new DomainException('STALE_VERSION', { detail: 'Concurrent submit' });
        await appendCampaignEvent(m, {
          campaignId: id,
          eventKey: `campaign:${id}:submitted`,
          type: 'campaign.submitted',
          summaryZh: `${p.name}提交方案报请审批`,
          summaryEn: `${p.name} submitted the plan for approval`,
          actor: { username: p.username, name: p.name },
        });
      });
    } else if (!c.submittedAt) {
      throw new DomainException('CONFLICT', { detail: `Campaign is ${c.status}` });
    }
    const stored = (await this.ds.getRepository(CampaignEntity).findOneBy({ id }))!;
    await this.starter.ensureStarted(stored, 5_000);
    return toCampaignDto(stored);
  }

  /** An event-ended stage's event happened: signal the campaign workflow (admins and leaders). */
  async signalEvent(
    p: Principal,
    token: string,
    id: string,
    eventKey: string,
    body: z.infer<typeof signalEventSchema>,
  ) {
    const caller = await this.caller(p, token);
    const c = await this.loadVisible(caller, id);
    if (!canSignalEvents(caller, c)) {
      throw new DomainException('FORBIDDEN', {
        detail: 'Only admins and leaders of the jurisdiction signal events',
      });
    }
    const event = c.plan.events.find((e) => e.key === eventKey);
    if (!event) {
      throw DomainException.field(
        'eventKey',
        `方案中没有事件 ${eventKey}`,
        `The plan declares no event ${eventKey}`,
      );
    }
    if (!c.submittedAt || ['closed', 'rejected'].includes(c.status)) {
      throw new DomainException('CONFLICT', {
        detail: `Campaign is ${c.status}`,
        messageZh: '行动尚未提交或已结束，无法登记事件',
        messageEn: 'The campaign has not been submitted or has ended',
      });
    }
    const at = body.at ?? new Date().toISOString();
    try {
      await this.gateway.signalEvent(c.id, { eventKey, at, by: { username: p.username, name: p.name } });
    } catch (e) {
      if (e instanceof WorkflowCallError) throw httpErrorFor(e, { zh: '专项行动', en: 'campaign' });
      throw e;
    }
    await appendCampaignEvent(this.ds.manager, {
      campaignId: c.id,
      eventKey: `campaign:${c.id}:event:${eventKey}`,
      type: 'campaign.eventSignalled',
      summaryZh: `${p.name}登记事件“${event.labelZh}”（${at}）`,
      summaryEn: `${p.name} recorded the event "${event.labelEn}" (${at})`,
      actor: { username: p.username, name: p.name },
      data: { eventKey, at },
    });
    return { accepted: true as const, eventKey, at };
  }

  /** Moves a campaign to a newer template version (recorded); otherwise campaigns keep theirs. */
  async migrate(p: Principal, token: string, id: string, body: z.infer<typeof migrateCampaignSchema>) {
    const caller = await this.caller(p, token);
    const c = await this.loadAdministered(caller, id);
    this.assertVersion(c, body.version);
    if (['closed', 'rejected'].includes(c.status)) {
      throw new DomainException('CONFLICT', { detail: `Campaign is ${c.status}` });
    }
    if (body.toVersion <= c.templateVersion) {
      throw DomainException.field(
        'toVersion',
        `目标版本须高于当前版本 ${c.templateVersion}`,
        `The target version must be above the current version ${c.templateVersion}`,
      );
    }
    const template = await this.templates.find(c.templateId, body.toVersion);
    if (!template) {
      throw DomainException.field(
        'toVersion',
        `模板 ${c.templateId} 没有第 ${body.toVersion} 版`,
        `Template ${c.templateId} has no version ${body.toVersion}`,
      );
    }
    const plan = parseOrThrow(createCampaignSchemaFor(template), {
      ...c.plan,
      templateVersion: template.version,
    });
    await this.ds.transaction(async (m) => {
      const res = await m
        .createQueryBuilder()
        .update(CampaignEntity)
        .set({ templateVersion: template.version, plan, version: () => 'version + 1' })
        .where('id = :id AND version = :v', { id, v: c.version })
        .execute();
      if (res.affected !== 1) throw new DomainException('STALE_VERSION', { detail: 'Concurrent edit' });
      await appendCampaignEvent(m, {
        campaignId: id,
        eventKey: `campaign:${id}:migrated:${c.templateVersion}-${template.version}`,
        type: 'campaign.templateMigrated',
        summaryZh: `${p.name}将行动从模板第 ${c.templateVersion} 版迁移到第 ${template.version} 版`,
        summaryEn: `${p.name} migrated the campaign from template v${c.templateVersion} to v${template.version}`,
        actor: { username: p.username, name: p.name },
        data: { templateId: c.templateId, from: c.templateVersion, to: template.version },
      });
    });
    return toCampaignDto((await this.ds.getRepository(CampaignEntity).findOneBy({ id }))!);
  }

  /** Cascade: a participating lower unit drafts its own plan from this one (filed with our office). */
  async derive(p: Principal, token: string, id: string, body: z.infer<typeof deriveCampaignSchema>) {
    const caller = await this.caller(p, token);
    const parent = await this.loadVisible(caller, id);
    const own = caller.governedUnit;
    if (!caller.roles.includes('admin') || !own || !parent.participantCodes.includes(own.code)) {
      throw new DomainException('FORBIDDEN', {
        detail: 'Only an admin of a participating unit derives its own plan',
        messageZh: '只有参与单位的管理员可以据此制定本单位方案',
        messageEn: 'Only an admin of a participating unit may draft its own plan from this campaign',
      });
    }
    if (parent.status === 'draft') {
      throw new DomainException('CONFLICT', {
        detail: 'Parent is a draft',
        messageZh: '上级方案尚未提交，不能据此制定下级方案',
        messageEn: 'The higher plan has not been submitted yet',
      });
    }
    const existing = await this.ds
      .getRepository(CampaignEntity)
      .findOneBy({ parentCampaignId: parent.id, jurisdictionCode: own.code });
    if (existing) {
      throw new DomainException('DUPLICATE', {
        detail: `Derived plan ${existing.id} exists`,
        messageZh: '本单位已据此制定了方案',
        messageEn: 'Your unit already drafted its plan from this campaign',
      });
    }
    const children = [...caller.units.values()].filter(
      (u) => u.parentId === own.id && TERRITORIAL_KINDS.has(u.kind),
    );
    const participants = body.participants ?? (children.length ? children.map((u) => u.code) : [own.code]);
    const mine = (codes: string[]) => codes.includes(own.code);
    const draft = {
      templateId: parent.templateId,
      templateVersion: parent.templateVersion,
      jurisdiction: own.code,
      titleZh: body.titleZh ?? `${own.name}${parent.titleZh}实施方案`.slice(0, 200),
      ...(parent.plan.titleEn ? { titleEn: parent.plan.titleEn } : {}),
      period: parent.plan.period,
      events: parent.plan.events,
      stages: parent.plan.stages,
      reportSchedules: parent.plan.reportSchedules,
      participants: participants.map((orgUnitCode) => ({ orgUnitCode })),
      taskAssignments: parent.plan.taskAssignments
        .filter((a) => mine(a.orgUnitCodes))
        .map((a) => ({ ...a, orgUnitCodes: [own.code] })),
      dutyAssignments: parent.plan.dutyAssignments
        .filter((a) => mine(a.orgUnitCodes))
        .map((a) => ({ ...a, orgUnitCodes: [own.code] })),
    };
    const created = await this.create(p, token, draft);
    await this.ds.transaction(async (m) => {
      await m.getRepository(CampaignEntity).update(created.id, { parentCampaignId: parent.id });
      await appendCampaignEvent(m, {
        campaignId: parent.id,
        eventKey: `campaign:${parent.id}:derived:${created.id}`,
        type: 'campaign.derived',
        summaryZh: `${own.name}据此制定了本单位方案（待审批后报备案）`,
        summaryEn: `${own.name} drafted its own plan from this campaign (filed after approval)`,
        actor: { username: p.username, name: p.name },
        data: { childCampaignId: created.id, unitCode: own.code },
      });
    });
    return toCampaignDto((await this.ds.getRepository(CampaignEntity).findOneBy({ id: created.id }))!);
  }

  today(): string {
    return toCivilDate(new Date());
  }
}
