import { Inject, Injectable, Logger } from '@nestjs/common';
import { TIPLINE_OPTIONS, type TiplineOptions } from '../tipline.options';

/**
 * tipline-service's own identity towards other services: Keycloak's client-credentials grant of the
 * services' confidential client (`zhiben-api`, whose tokens carry `official` and the district's
 * `org_unit` through hard-coded mappers in deploy/keycloak). Activities run with no user behind them
 * (a handler's token is never stored), so hazards verified from a tip are registered by this account.
 */
@Injectable()
export class ServiceTokenSource {
  private readonly logger = new Logger('ServiceToken');
  private cached: { token: string; until: number } | null = null;

  constructor(@Inject(TIPLINE_OPTIONS) private readonly options: TiplineOptions) {}

  async token(): Promise<string> {
    if (this.cached && this.cached.until > Date.now()) return this.cached.token;
    const url = `${this.options.keycloakUrl.replace(/\/$/, '')}/realms/${this.options.realm}/protocol/openid-connect/token`;
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: this.options.serviceClientId,
        client_secret: this.options.serviceClientSecret,
      }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) {
      this.logger.warn({ msg: 'client-credentials grant refused', status: res.status });
      throw new Error(`Keycloak refused the service's client-credentials grant (${res.status})`);
    }
    const body = (await res.json()) as { access_token: string; expires_in: number };
    this.cached = { token: body.access_token, until: Date.now() + Math.max(10, body.expires_in - 30) * 1000 };
    return body.access_token;
  }
}
