import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OrgUnitDto, Page } from '@zhiben/contracts';
import { CORRELATION_HEADER, currentCorrelationId, DomainException } from '@zhiben/platform';
import { CAMPAIGNS_OPTIONS, type CampaignsOptions } from '../campaigns.options';

export interface MeDto {
  username: string;
  orgUnit: { id: string; code: string; name: string; kind: string } | null;
  enterprise: { id: string; creditCode: string; name: string } | null;
}

const TTL_MS = 15_000;
const MAX_ENTRIES = 2_000;
const PER_PAGE = 500;

/**
 * The directory owns the org tree; campaigns read it through the directory's REST API with the caller's
 * own bearer token, so the directory's jurisdiction rules decide which units a caller can name. The
 * units a caller sees are cached per token for {@link TTL_MS}.
 */
@Injectable()
export class DirectoryClient {
  private readonly logger = new Logger('CampaignsDirectoryClient');
  private readonly cache = new Map<string, { value: Promise<OrgUnitDto[]>; until: number }>();

  constructor(@Inject(CAMPAIGNS_OPTIONS) private readonly options: CampaignsOptions) {}

  private async get<T>(token: string, path: string): Promise<T | null> {
    const url = `${this.options.directoryUrl.replace(/\/$/, '')}/api/directory${path}`;
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json' };
    const correlationId = currentCorrelationId();
    if (correlationId) headers[CORRELATION_HEADER] = correlationId;
    let res: Response;
    try {
      res = await fetch(url, { headers, signal: AbortSignal.timeout(10_000) });
    } catch (e) {
      this.logger.warn({ msg: 'directory unreachable', path, error: String(e) });
      throw unavailable(String(e));
    }
    if (res.status === 401)
      throw new DomainException('UNAUTHENTICATED', { detail: 'directory refused the token' });
    if (res.status >= 500) throw unavailable(`directory-service answered ${res.status} for ${path}`);
    if (!res.ok) return null;
    return (await res.json()) as T;
  }

  me(token: string): Promise<MeDto | null> {
    return this.get<MeDto>(token, '/me');
  }

  /** Every org unit the caller may see (their jurisdiction and its ancestors). */
  units(token: string): Promise<OrgUnitDto[]> {
    const now = Date.now();
    const hit = this.cache.get(token);
    if (hit && hit.until > now) return hit.value;
    const value = this.loadUnits(token);
    if (this.cache.size >= MAX_ENTRIES) this.cache.clear();
    this.cache.set(token, { value, until: now + TTL_MS });
    value.catch(() => this.cache.delete(token));
    return value;
  }

  private async loadUnits(token: string): Promise<OrgUnitDto[]> {
    const out: OrgUnitDto[] = [];
    for (let page = 1; ; page++) {
      const body = await this.get<Page<OrgUnitDto>>(
        token,
        `/org-units?perPage=${PER_PAGE}&page=${page}&sort=code`,
      );
      const data = body?.data ?? [];
      out.push(...data);
      if (data.length < PER_PAGE) return out;
    }
  }
}

function unavailable(detail: string): DomainException {
  return new DomainException('UNAVAILABLE', {
    detail,
    messageZh: '目录服务暂不可用，请稍后重试',
    messageEn: 'The directory service is unavailable; try again shortly',
  });
}
