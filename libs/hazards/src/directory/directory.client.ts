import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EnterpriseContextDto, EnterpriseDto, OrgUnitDto, Page } from '@zhiben/contracts';
import { CORRELATION_HEADER, currentCorrelationId, DomainException } from '@zhiben/platform';
import { HAZARDS_OPTIONS, type HazardsOptions } from '../hazards.options';

export interface MeDto {
  username: string;
  orgUnit: { id: string; code: string; name: string; kind: string } | null;
  enterprise: { id: string; creditCode: string; name: string } | null;
}

/**
 * The directory owns org units and enterprises; the hazards service reads them through the directory's
 * REST API with the caller's own bearer token, so the directory's jurisdiction rules apply to every read.
 */
const CONTEXT_TTL_MS = 15_000;
const CONTEXT_MAX_ENTRIES = 2_000;

@Injectable()
export class DirectoryClient {
  private readonly logger = new Logger('DirectoryClient');
  private readonly contexts = new Map<string, { value: EnterpriseContextDto; until: number }>();

  constructor(@Inject(HAZARDS_OPTIONS) private readonly options: HazardsOptions) {}

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
      throw new DomainException('UNAVAILABLE', {
        detail: `directory-service unreachable: ${String(e)}`,
        messageZh: '目录服务暂不可用，请稍后重试',
        messageEn: 'The directory service is unavailable; try again shortly',
      });
    }
    if (res.status === 401)
      throw new DomainException('UNAUTHENTICATED', { detail: 'directory refused the token' });
    if (res.status >= 500) {
      throw new DomainException('UNAVAILABLE', {
        detail: `directory-service answered ${res.status} for ${path}`,
        messageZh: '目录服务暂不可用，请稍后重试',
        messageEn: 'The directory service is unavailable; try again shortly',
      });
    }
    if (!res.ok) return { status: res.status, body: null };
    return { status: res.status, body: (await res.json()) as T };
  }

  async me(token: string): Promise<MeDto | null> {
    return (await this.get<MeDto>(token, '/me')).body;
  }

  /** The org unit, or null when it does not exist or lies outside the caller's jurisdiction. */
  async orgUnit(token: string, id: string): Promise<OrgUnitDto | null> {
    return (await this.get<OrgUnitDto>(token, `/org-units/${encodeURIComponent(id)}`)).body;
  }

  async orgUnitByCode(token: string, code: string): Promise<OrgUnitDto | null> {
    const page = (
      await this.get<Page<OrgUnitDto>>(token, `/org-units?perPage=50&q=${encodeURIComponent(code)}`)
    ).body;
    return page?.data.find((u) => u.code === code) ?? null;
  }

  /** The enterprise with this credit code, if the caller may see it. */
  async enterpriseByCreditCode(token: string, creditCode: string): Promise<EnterpriseDto | null> {
    const page = (
      await this.get<Page<EnterpriseDto>>(
        token,
        `/enterprises?perPage=10&q=${encodeURIComponent(creditCode)}`,
      )
    ).body;
    return page?.data.find((e) => e.creditCode === creditCode) ?? null;
  }

  /**
   * The enterprise with its town, district and lead department, or null when it does not exist or lies
   * outside the caller's jurisdiction. Cached per token for {@link CONTEXT_TTL_MS}: registrations in a
   * burst (an inspection entering many hazards of one enterprise) read the directory once.
   */
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
