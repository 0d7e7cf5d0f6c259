import { BASE_URL, DEMO_PASSWORD } from './browser';

/**
 * The bits of the gateway's JSON API the browser tests set up and check through. The console-e2e
 * project may not import server code either, so the shapes are mirrored here (libs/contracts).
 */

export interface HazardSummary {
  id: string;
  caseRef: string;
  title: string;
  grade: 'general' | 'major';
  status: string;
  rectificationDeadline: string | null;
  overdue: boolean;
  town: { code: string; name: string };
  supervisingDepartment: { code: string; name: string } | null;
  enterprise: { creditCode: string; name: string };
}

export interface HazardEvent {
  seq: number;
  type: string;
  summaryZh: string;
  summaryEn: string;
  occurredAt: string;
}

export interface RegisterHazardBody {
  enterpriseCreditCode?: string;
  source?: string;
  grade: 'general' | 'major';
  title: string;
  description: string;
  location: string;
  standard?: { catalogueId: string; clauseId: string };
  foundOn: string;
  principal?: { name: string; phone?: string };
  interimMeasures?: string;
  /** Test facility: milliseconds per day for the workflow's timers (sys-admin only). */
  clockMsPerDay?: number;
}

export interface InboxTask {
  id: string;
  type: string;
  title: string;
  caseRef: string | null;
  step: string | null;
  status: string;
}

interface RuntimeConfig {
  keycloak: { url: string; realm: string };
}

/** Access tokens are refreshed this long before they expire. */
const EXPIRY_MARGIN_MS = 30_000;

export class ZhibenApi {
  private config: Promise<RuntimeConfig> | null = null;
  private readonly tokens = new Map<string, { token: string; expiresAt: number }>();

  constructor(private readonly baseUrl = BASE_URL) {}

  /**
   * A token for a demo user from the realm's test client (`zhiben-cli`, resource-owner password grant,
   * dev/test only), on the same Keycloak the console uses.
   */
  async token(username: string): Promise<string> {
    const cached = this.tokens.get(username);
    if (cached && cached.expiresAt - EXPIRY_MARGIN_MS > Date.now()) return cached.token;
    const { keycloak } = await this.runtimeConfig();
    const response = await fetch(`${keycloak.url}/realms/${keycloak.realm}/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_id: 'zhiben-cli',
        grant_type: 'password',
        username,
        password: DEMO_PASSWORD,
        scope: 'openid',
      }),
    });
    if (!response.ok)
      throw new Error(`Keycloak refused ${username}: ${response.status} ${await response.text()}`);
    const body = (await response.json()) as { access_token: string; expires_in: number };
    this.tokens.set(username, { token: body.access_token, expiresAt: Date.now() + body.expires_in * 1000 });
    return body.access_token;
  }

  async request<T>(
    username: string,
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<T> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        Accept: 'application/json',
        Authorization: `Bearer ${await this.token(username)}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} as ${username}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  }

  registerHazard(username: string, body: RegisterHazardBody): Promise<HazardSummary> {
    return this.request(username, 'POST', '/api/hazards/hazards', body, {
      'Idempotency-Key': `e2e-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`,
    });
  }

  hazard(username: string, id: string): Promise<HazardSummary> {
    return this.request(username, 'GET', `/api/hazards/hazards/${id}`);
  }

  async timeline(username: string, id: string): Promise<HazardEvent[]> {
    return (
      await this.request<{ data: HazardEvent[] }>(username, 'GET', `/api/hazards/hazards/${id}/timeline`)
    ).data;
  }

  async inbox(username: string, view: 'mine' | 'groups', q: string): Promise<InboxTask[]> {
    const query = new URLSearchParams({ view, q, limit: '50' });
    return (await this.request<{ data: InboxTask[] }>(username, 'GET', `/api/tasks/inbox?${query}`)).data;
  }

  private runtimeConfig(): Promise<RuntimeConfig> {
    this.config ??= fetch(`${this.baseUrl}/config.json`).then(async (response) => {
      if (!response.ok) throw new Error(`GET /config.json: ${response.status}`);
      return (await response.json()) as RuntimeConfig;
    });
    return this.config;
  }
}

/** Polls `probe` until it returns a value (not undefined), or fails with `what` after `timeoutMs`. */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 60_000,
  intervalMs = 1_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      const reason = last instanceof Error ? `: ${last.message}` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${reason}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
