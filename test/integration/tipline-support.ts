import { api, baseUrl, testConfig, type ApiResponse } from '@zhiben/testing';
import { randomInt } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { token, until } from './hazard-support';
import { JIASI_CREDIT_CODE, RUN_ID } from './support';

/** Helpers for the tip line specs (tipline-*.int-spec.ts): public calls from a given address, officials' calls. */
export const TIP = '/api/tipline';
export const HANDLER = 'tiphandler.jj';
export const LEADER = 'leader.jj';
export const PASSWORD = 'Jubao2026ok';

/** A fresh client address per call site (the test stack trusts one proxy in front of the gateway). */
export const newAddress = () => `198.51.${randomInt(0, 255)}.${randomInt(1, 254)}`;

export function pub<T = any>(address: string, path: string, body: unknown): Promise<ApiResponse<T>> {
  return api<T>(`${TIP}/public${path}`, { method: 'POST', body, headers: { 'x-forwarded-for': address } });
}

export async function as<T = any>(
  user: string,
  path: string,
  opts: { method?: string; body?: unknown } = {},
): Promise<ApiResponse<T>> {
  return api<T>(`${TIP}${path}`, { ...opts, token: await token(user) });
}

export function tipBody(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'illegalOperation',
    description: `集成测试举报 ${RUN_ID}：夜间违规动火作业，无人监护`,
    location: '贾嗣镇工业园 3 号厂房',
    enterprise: { creditCode: JIASI_CREDIT_CODE, name: '重庆贾嗣精工机械有限公司' },
    anonymous: true,
    password: PASSWORD,
    ...overrides,
  };
}

export async function fileTip(address = newAddress(), overrides: Record<string, unknown> = {}) {
  const res = await pub<{ ref: string; claimCode: string }>(address, '/tips', tipBody(overrides));
  if (res.status !== 201) throw new Error(`filing failed: ${res.status} ${JSON.stringify(res.body)}`);
  const id = await tipIdOf(res.body.ref);
  return { ...res.body, id, address };
}

export async function tipIdOf(ref: string): Promise<string> {
  const list = await as<{ data: { id: string; ref: string }[] }>(HANDLER, '/tips?perPage=200');
  const hit = list.body.data.find((t) => t.ref === ref);
  if (!hit) throw new Error(`tip ${ref} not in the handler's queue`);
  return hit.id;
}

/** Waits until the workflow has a task open at `step` (the step's endpoint would answer 409 before). */
export async function waitForStep(id: string, step: string, timeoutMs = 30_000) {
  return until(
    `${step} open on tip ${id}`,
    async () => {
      const s = await as<{ openTasks: { step: string }[] }>(HANDLER, `/tips/${id}/state`);
      return s.status === 200 && s.body.openTasks.some((t) => t.step === step) ? s.body : null;
    },
    { timeoutMs },
  );
}

export async function upload(address: string, bytes: Buffer, contentType: string) {
  const res = await fetch(`${baseUrl()}${TIP}/public/photos`, {
    method: 'POST',
    headers: { 'content-type': contentType, 'x-forwarded-for': address },
    body: new Uint8Array(bytes),
  });
  return { status: res.status, body: (await res.json().catch(() => null)) as any };
}

/** Every line the services logged so far (the suite's data dir keeps one file per service). */
export function serviceLogs(): string {
  const dir = join(testConfig().ZHIBEN_DATA_DIR, 'logs');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.log'))
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
}

export const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f6e3d30000000049454e44ae426082',
  'hex',
);
