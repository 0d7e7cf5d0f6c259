import { loadConfig, type ZhibenConfig } from '@zhiben/config';

/**
 * Helpers for integration tests. They run against the real stack that `npm test`
 * (scripts/zhiben.mjs) provisions and describes through the environment.
 */
export function testConfig(): ZhibenConfig {
  return loadConfig(process.env);
}

export function baseUrl(): string {
  return process.env['ZHIBEN_BASE_URL'] ?? `http://localhost:${testConfig().GATEWAY_PORT}`;
}

export const DEMO_PASSWORD = 'zhiben123';

const tokenCache = new Map<string, { token: string; exp: number }>();

/** A real access token from Keycloak for a demo user (password grant on the dev-only CLI client). */
export async function tokenFor(username: string, password = DEMO_PASSWORD): Promise<string> {
  const cached = tokenCache.get(username);
  if (cached && cached.exp > Date.now() + 30_000) return cached.token;
  const c = testConfig();
  const res = await fetch(`${c.KEYCLOAK_URL}/realms/${c.KEYCLOAK_REALM}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'zhiben-cli', username, password }),
  });
  if (!res.ok) throw new Error(`token for ${username}: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { access_token: string; expires_in: number };
  tokenCache.set(username, { token: body.access_token, exp: Date.now() + body.expires_in * 1000 });
  return body.access_token;
}

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** Calls the suite through the gateway, as the console does. */
export async function api<T = any>(
  path: string,
  opts: {
    token?: string;
    method?: string;
    body?: unknown;
    rawBody?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.token) headers['authorization'] = `Bearer ${opts.token}`;
  let body: string | undefined = opts.rawBody;
  if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  } else if (opts.rawBody !== undefined) {
    headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(`${baseUrl()}${path}`, { method: opts.method ?? 'GET', headers, body });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON */
  }
  return { status: res.status, body: parsed as T, headers: res.headers };
}

export async function asUser<T = any>(
  username: string,
  path: string,
  opts: { method?: string; body?: unknown; rawBody?: string } = {},
): Promise<ApiResponse<T>> {
  return api<T>(path, { ...opts, token: await tokenFor(username) });
}
