import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@zhiben/auth';
import { toCivilDate } from '@zhiben/calendar';
import {
  HAZARD_EVENT_TYPES,
  HAZARD_GRADE_LABELS,
  HAZARD_SOURCE_LABELS,
  hazardWorkflowId,
  type EnterpriseDto,
  type HazardSource,
  type MajorHazardWorkflowInput,
  type RegisterHazard,
} from '@zhiben/contracts';
import { DomainException } from '@zhiben/platform';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DirectoryClient } from '../directory/directory.client';
import { DualReportEntity, HazardEntity } from '../entities';
import { HAZARDS_OPTIONS, type HazardsOptions } from '../hazards.options';
import { formatCaseRef, ledgerPrefix, shanghaiYear } from '../ledger/ledger-number';
import { RulesService } from '../rules/rules.service';
import { isUniqueViolation, table } from '../schema';
import { canRead } from '../scope/hazard-scope';
import { ScopeResolver } from '../scope/scope.resolver';
import { findCatalogue, findClause } from '../standards/standards.registry';
import { WorkflowStarter } from '../workflow/workflow-starter';
import { appendEvent } from './ledger-events';

/** Idempotency-Key: printable ASCII, at most 200 characters (shared with the submission endpoints). */
export function checkIdempotencyKey(key: string | undefined): string | null {
  if (key === undefined || key === '') return null;
  if (!/^[\x21-\x7e]{1,200}$/.test(key)) {
    throw DomainException.field(
      'Idempotency-Key',
      '幂等键须为 1～200 个可见 ASCII 字符',
      'Idempotency-Key must be 1–200 printable ASCII characters',
    );
  }
  return key;
}

export function requestHash(body: unknown): string {
  return createHash('sha256').update(JSON.stringify(body)).digest('hex');
}

const ENTERPRISE_SOURCE: HazardSource = 'SelfInspection';

export interface Registered {
  hazard: HazardEntity;
  replayed: boolean;
}

/**
 * Registers a hazard in the ledger and starts its workflow: validates the clause against the 判定标准
 * catalogue, resolves enterprise, town, district and supervising department from the directory (with the
 * caller's token, so the directory's jurisdiction applies), stores row + timeline + 双报告 #1 in one
 * transaction, and starts `majorHazardRectification` after the commit (retried by the outbox if it fails).
 */
@Injectable()
export class RegistrationService {
  constructor(
    private readonly ds: DataSource,
    private readonly directory: DirectoryClient,
    private readonly scopes: ScopeResolver,
    private readonly rules: RulesService,
    private readonly starter: WorkflowStarter,
    @Inject(HAZARDS_OPTIONS) private readonly options: HazardsOptions,
  ) {}

  async register(
    p: Principal,
    token: string,
    body: RegisterHazard,
    idempotencyKey: string | null,
  ): Promise<Registered> {
    const hash = requestHash(body);
    if (idempotencyKey) {
      const existing = await this.byIdempotencyKey(p.username, idempotencyKey);
      if (existing) return this.replay(existing, hash);
    }
    const isEnterprise = p.roles.includes('enterprise');
    const creditCode = this.targetEnterprise(p, body, isEnterprise);
    const source: HazardSource = body.source ?? (isEnterprise ? ENTERPRISE_SOURCE : 'EnforcementInspection');
    if (isEnterprise && source !== ENTERPRISE_SOURCE) {
      throw DomainException.field(
        'source',
        '企业只能登记企业自查（SelfInspection）发现的隐患',
        'Enterprises register hazards from self-inspection (SelfInspection) only',
      );
    }
    if (
      body.clockMsPerDay !== undefined &&
      (!this.options.allowTimeScale || !p.roles.includes('sys-admin'))
    ) {
      throw DomainException.field(
        'clockMsPerDay',
        '仅在启用时钟倍率的测试/演示环境中，系统管理员可设置流程时钟倍率',
        'Only a system administrator, and only where ZHIBEN_ALLOW_TIME_SCALE is on (test/demo), may scale the workflow clock',
        'FORBIDDEN',
      );
    }
    if (body.foundOn > toCivilDate(new Date())) {
      throw DomainException.field(
        'foundOn',
        '发现日期不能晚于今天',
        'The date found cannot be in the future',
      );
    }

    const context = await this.directory.enterpriseContext(token, creditCode);
    if (!context) {
      throw DomainException.field(
        'enterpriseCreditCode',
        '企业不存在或不在您的管辖范围内',
        'Enterprise not found or outside your jurisdiction',
        'OUT_OF_JURISDICTION',
      );
    }
    const { enterprise, town, district, leadDepartment: department } = context;
    this.checkStandard(body, enterprise);
    const scope = await this.scopes.scopeOf(p, token);
    if (
      !canRead(scope, {
        orgPath: town.path,
        sector: enterprise.sector,
        enterpriseCreditCode: enterprise.creditCode,
      })
    ) {
      throw DomainException.field(
        'enterpriseCreditCode',
        '企业不存在或不在您的管辖范围内',
        'Enterprise not found or outside your jurisdiction',
        'OUT_OF_JURISDICTION',
      );
    }
    const effective = await this.rules.effectiveFor([town.code, district?.code]);
    const msPerDay = body.clockMsPerDay ?? this.options.msPerDay;

    try {
      const hazard = await this.ds.transaction(async (m) => {
        const now = new Date();
        const prefix = ledgerPrefix(district?.code ?? town.code.split('.')[0]);
        const year = shanghaiYear(now);
        const [{ last_value }] = (await m.query(
          `INSERT INTO ${table('ledger_counters')} (prefix, year, last_value) VALUES ($1, $2, 1)
           ON CONFLICT (prefix, year) DO UPDATE SET last_value = ${table('ledger_counters')}.last_value + 1
           RETURNING last_value`,
          [prefix, year],
        )) as { last_value: number }[];
        const id = randomUUID();
        const caseRef = formatCaseRef(prefix, year, last_value);
        const input: MajorHazardWorkflowInput = {
          hazardId: id,
          caseRef,
          grade: body.grade,
          titleZh: body.title,
          enterpriseCreditCode: enterprise.creditCode,
          enterpriseName: enterprise.name,
          townCode: town.code,
          departmentCode: department?.code ?? null,
          rules: effective.rules,
          clock: { msPerDay },
        };
        const row = m.getRepository(HazardEntity).create({
          id,
          caseRef,
          source,
          grade: body.grade,
          status: 'registered',
          title: body.title,
          category: body.category ?? null,
          description: body.description,
          location: body.location,
          enterpriseCreditCode: enterprise.creditCode,
          enterpriseName: enterprise.name,
          sector: enterprise.sector,
          townCode: town.code,
          townName: town.name,
          orgPath: town.path,
          districtCode: district?.code ?? null,
          supervisingDeptCode: department?.code ?? null,
          supervisingDeptName: department?.name ?? null,
          standardCatalogueId: body.standard?.catalogueId ?? null,
          standardClauseId: body.standard?.clauseId ?? null,
          foundOn: body.foundOn,
          foundBy: body.foundBy ?? p.name,
          principal: body.principal ?? {
            name: enterprise.principal,
            ...(enterprise.principalPhone ? { phone: enterprise.principalPhone } : {}),
          },
          actualController: body.actualController ?? null,
          rectificationOwner: body.rectificationOwner ?? null,
          principalNotifiedAt: null,
          actualControllerNotifiedAt: null,
          interimMeasures: body.interimMeasures ?? null,
          rectificationDeadline: null,
          closedAt: null,
          rulesOrgUnitCode: effective.orgUnitCode,
          rulesVersion: effective.rules.version,
          workflowId: hazardWorkflowId(id),
          workflowInput: input,
          workflowStartedAt: null,
          workflowStartAttempts: 0,
          workflowStartError: null,
          createdBy: p.username,
          createdByName: p.name,
          createdByOrg: p.orgUnitCode,
          idempotencyKey,
          requestHash: idempotencyKey ? hash : null,
        });
        await m.getRepository(HazardEntity).insert(row);
        const actor = { username: p.username, name: p.name };
        const grade = HAZARD_GRADE_LABELS[body.grade];
        const src = HAZARD_SOURCE_LABELS[source];
        await appendEvent(m, {
          hazardId: id,
          eventKey: `hazard:${id}:registered`,
          type: HAZARD_EVENT_TYPES.registered,
          summaryZh: `${p.name}登记${grade.zh}「${body.title}」（来源：${src.zh}），台账编号 ${caseRef}`,
          summaryEn: `${p.name} registered ${grade.en.toLowerCase()} "${body.title}" (source: ${src.en}) as ${caseRef}`,
          actor,
          data: {
            caseRef,
            grade: body.grade,
            source,
            standard: body.standard ?? null,
            rulesVersion: effective.rules.version,
          },
        });
        if (isEnterprise && body.grade === 'major') {
          // 双报告 #1 (000:39): the enterprise's own registration of a major hazard is its discovery report.
          const recipient = department ?? { code: town.code, name: town.name };
          await m.getRepository(DualReportEntity).insert({
            hazardId: id,
            kind: 'discovery',
            reportedAt: now,
            reportedBy: p.username,
            reportedByName: p.name,
            recipientCode: recipient.code,
            recipientName: recipient.name,
            content: body.description,
          });
          await appendEvent(m, {
            hazardId: id,
            eventKey: `hazard:${id}:dualReport.discovery`,
            type: HAZARD_EVENT_TYPES.dualReportDiscovery,
            summaryZh: `${enterprise.name}向${recipient.name}报告重大事故隐患（双报告·发现报告）`,
            summaryEn: `${enterprise.name} reported the major hazard to ${recipient.name} (dual report #1, discovery)`,
            actor,
            data: { recipient },
          });
        }
        return row;
      });
      await this.starter.ensureStarted(hazard, 5_000);
      return { hazard, replayed: false };
    } catch (e) {
      if (idempotencyKey && isUniqueViolation(e, 'uq_hazards_idempotency')) {
        // A concurrent request with the same key won the race: answer with its hazard.
        const existing = await this.byIdempotencyKey(p.username, idempotencyKey);
        if (existing) return this.replay(existing, hash);
      }
      throw e;
    }
  }

  private async byIdempotencyKey(username: string, key: string): Promise<HazardEntity | null> {
    return this.ds.getRepository(HazardEntity).findOneBy({ createdBy: username, idempotencyKey: key });
  }

  private async replay(existing: HazardEntity, hash: string): Promise<Registered> {
    if (existing.requestHash && existing.requestHash !== hash) {
      throw new DomainException('CONFLICT', {
        detail: 'Idempotency-Key reused with a different request body',
        messageZh: '该幂等键已用于内容不同的请求',
        messageEn: 'This Idempotency-Key was already used for a different request',
        errors: [
          {
            path: 'Idempotency-Key',
            messageZh: '该幂等键已用于内容不同的请求',
            messageEn: 'Already used for a different request',
          },
        ],
      });
    }
    await this.starter.ensureStarted(existing, 5_000);
    return { hazard: existing, replayed: true };
  }

  private targetEnterprise(p: Principal, body: RegisterHazard, isEnterprise: boolean): string {
    if (isEnterprise) {
      if (!p.enterpriseCreditCode) {
        throw new DomainException('FORBIDDEN', { detail: 'Enterprise account without an enterprise claim' });
      }
      if (body.enterpriseCreditCode && body.enterpriseCreditCode !== p.enterpriseCreditCode) {
        throw DomainException.field(
          'enterpriseCreditCode',
          '企业用户只能为本企业登记隐患',
          'An enterprise user registers hazards for its own enterprise only',
          'OUT_OF_JURISDICTION',
        );
      }
      return p.enterpriseCreditCode;
    }
    if (!body.enterpriseCreditCode) {
      throw DomainException.field(
        'enterpriseCreditCode',
        '请填写隐患所在企业的统一社会信用代码',
        'The enterprise’s unified social credit code is required',
      );
    }
    return body.enterpriseCreditCode;
  }

  private checkStandard(body: RegisterHazard, enterprise: EnterpriseDto): void {
    if (!body.standard) return;
    const catalogue = findCatalogue(body.standard.catalogueId);
    if (!catalogue) {
      throw DomainException.field(
        'standard.catalogueId',
        `判定标准「${body.standard.catalogueId}」不存在`,
        `Unknown standard catalogue "${body.standard.catalogueId}"`,
      );
    }
    if (!findClause(catalogue.id, body.standard.clauseId)) {
      throw DomainException.field(
        'standard.clauseId',
        `《${catalogue.titleZh}》中没有条款「${body.standard.clauseId}」`,
        `Clause "${body.standard.clauseId}" does not exist in "${catalogue.titleEn}"`,
      );
    }
    if (!(catalogue.sectors as string[]).includes(enterprise.sector)) {
      throw DomainException.field(
        'standard.catalogueId',
        `《${catalogue.titleZh}》不适用于该企业所属行业领域`,
        `"${catalogue.titleEn}" does not apply to the enterprise’s sector (${enterprise.sector})`,
      );
    }
  }
}
