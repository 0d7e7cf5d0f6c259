import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EnterpriseContextDto, EnterpriseDto, OrgUnitDto, Page } from '@zhiben/contracts';
import { CORRELATION_HEADER, currentCorrelationId, DomainException } from '@zhiben/platform';
import { ENFORCEMENT_OPTIONS, type EnforcementOptions } from '../enforcement.options';

export interface MeDto {
  username: string;
  orgUnit: { id: string; code: string; name: string; kind: string } | null;
  enterprise: { id: string; creditCode: string; name: string } | null;
}

const CONTEXT_TTL_MS = 15_000;
const CONTEXT_MAX_ENTRIES = 2_000;

/**
 * The directory owns org units and enterprises; the enforcement service reads them through the
 * directory's REST API with the caller's own bearer token, so the directory's jurisdiction applies.
 */
@Injectable()
export class DirectoryClient {
  private readonly logger = new Logger('DirectoryClient');
  private readonly contexts = new Map<string, { value: EnterpriseContextDto; until: number }>();

  constructor(@Inject(ENFORCEMENT_OPTIONS) private readonly options: EnforcementOptions) {}

  private async get<T>(token: string, path: string): Promise<{ status: number; body: T | null }> {
    const url = `${this.options.directoryUrl.replace(/\/$/, '')}/api/directory${path}`;
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json' };
    const correlationId = currentCorrelationId();
    if (correlationId) headers[CORRELATION_HEADER] = correlationId;
    let res: Response;
    try {
      res = await fetch(url, { headers, signal: AbortSignal.timeout(10_000) });
    } catch (e) {
      this.logger.warn({ msg: 'directory unreachable', path, error: String(e) });
      throw unavailable(`directory-service unreachable: ${String(e)}`);
    }
    if (res.status === 401)
      throw new DomainException('UNAUTHENTICATED', { detail: 'directory refused the token' });
    if (res.status >= 500) throw unavailable(`directory-service answered ${res.status} for ${path}`);
    if (!res.ok) return { status: res.status, body: null };
    return { status: res.status, body: (await res.json()) as T };
  }

  async me(token: string): Promise<MeDto | null> {
    return (await this.get<MeDto>(token, '/me')).body;
  }

  async orgUnit(token: string, id: string): Promise<OrgUnitDto | null> {
    return (await this.get<OrgUnitDto>(token, `/org-units/${encodeURIComponent(id)}`)).body;
  }

  async orgUnitByCode(token: string, code: string): Promise<OrgUnitDto | null> {
    const page = (
      await this.get<Page<OrgUnitDto>>(token, `/org-units?perPage=50&q=${encodeURIComponent(code)}`)
    ).body;
    return page?.data.find((u) => u.code === code) ?? null;
  }

  /** Offices (安委办) directly under a unit, e.g. the district's 安委办 that supervises its departments. */
  async officesUnder(token: string, parentId: string): Promise<OrgUnitDto[]> {
    const page = (
      await this.get<Page<OrgUnitDto>>(
        token,
        `/org-units?perPage=50&kind=office&parentId=${encodeURIComponent(parentId)}`,
      )
    ).body;
    return page?.data ?? [];
  }

  /** Every enterprise the caller may see (optionally of one sector), read page by page. */
  async enterprises(token: string, sector?: string): Promise<EnterpriseDto[]> {
    const out: EnterpriseDto[] = [];
    for (let page = 1; page <= 200; page++) {
      const qs = `perPage=500&page=${page}&sort=creditCode${sector ? `&sector=${encodeURIComponent(sector)}` : ''}`;
      const body = (await this.get<Page<EnterpriseDto>>(token, `/enterprises?${qs}`)).body;
      if (!body) break;
      out.push(...body.data);
      if (body.data.length < 500 || out.length >= body.total) break;
    }
    return out;
  }

  /** The enterprise with its town, district and lead department; null when unknown or out of scope. */
  async enterpriseContext(token: string, creditCode: string): Promise<EnterpriseContextDto | null> {
    const key = `${creditCode}|${token}`;
    const now = Date.now();
    const hit = this.contexts.get(key);
    if (hit && hit.until > now) return hit.value;
    const value = (
      await this.get<EnterpriseContextDto>(
        token,
        `/enterprises/by-credit-code/${encodeURIComponent(creditCode)}/context`,
      )
    ).body;
    if (this.contexts.size >= CONTEXT_MAX_ENTRIES) this.contexts.clear();
    if (value) this.contexts.set(key, { value, until: now + CONTEXT_TTL_MS });
    return value;
  }
}

function unavailable(detail: string): DomainException {
  return new DomainException('UNAVAILABLE', {
    detail,
    messageZh: '目录服务暂不可用，请稍后重试',
    messageEn: 'The directory service is unavailable; try again shortly',
  });
}
