import { Inject, Injectable, Logger } from '@nestjs/common';
import type { HazardGrade } from '@zhiben/contracts';
import { CORRELATION_HEADER, currentCorrelationId } from '@zhiben/platform';
import { ENFORCEMENT_OPTIONS, type EnforcementOptions } from '../enforcement.options';

export interface RegisterFindingHazard {
  enterpriseCreditCode: string;
  grade: HazardGrade;
  title: string;
  description: string;
  location: string;
  standard?: { catalogueId: string; clauseId: string };
  foundOn: string;
  foundBy: string;
}

export type RegisterOutcome =
  { ok: true; hazardId: string; caseRef: string | null } | { ok: false; status: number; reason: string };

/**
 * Registers findings as hazards in the hazards context (POST /api/hazards/hazards, source 执法检查),
 * with the caller's own token so the hazard ledger's jurisdiction applies, and an Idempotency-Key derived
 * from the finding so that a retried registration returns the first hazard instead of a second one.
 */
@Injectable()
export class HazardsClient {
  private readonly logger = new Logger('HazardsClient');

  constructor(@Inject(ENFORCEMENT_OPTIONS) private readonly options: EnforcementOptions) {}

  async register(token: string, findingId: string, body: RegisterFindingHazard): Promise<RegisterOutcome> {
    const url = `${this.options.hazardsUrl.replace(/\/$/, '')}/api/hazards/hazards`;
    const headers: Record<string, string> = {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      accept: 'application/json',
      'idempotency-key': `enforcement-finding:${findingId}`,
    };
    const correlationId = currentCorrelationId();
    if (correlationId) headers[CORRELATION_HEADER] = correlationId;
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ ...body, source: 'EnforcementInspection' }),
        signal: AbortSignal.timeout(20_000),
      });
      const json = (await res.json().catch(() => null)) as Record<string, unknown> | null;
      if (res.ok && json && typeof json['id'] === 'string') {
        return {
          ok: true,
          hazardId: json['id'],
          caseRef: typeof json['caseRef'] === 'string' ? json['caseRef'] : null,
        };
      }
      const zh = typeof json?.['messageZh'] === 'string' ? json['messageZh'] : `隐患服务返回 ${res.status}`;
      const en =
        typeof json?.['messageEn'] === 'string'
          ? json['messageEn']
          : `hazards-service answered ${res.status}`;
      const fields = Array.isArray(json?.['errors'])
        ? (json['errors'] as { path?: string; messageZh?: string; messageEn?: string }[])
            .map((e) => `${e.path}: ${e.messageZh ?? ''} / ${e.messageEn ?? ''}`)
            .join('; ')
        : '';
      return { ok: false, status: res.status, reason: `${zh} / ${en}${fields ? ` (${fields})` : ''}` };
    } catch (e) {
      this.logger.warn({ msg: 'hazards-service unreachable', findingId, error: String(e) });
      return {
        ok: false,
        status: 503,
        reason: `隐患服务暂不可用，稍后将重试 / The hazards service is unavailable; retry later`,
      };
    }
  }
}
