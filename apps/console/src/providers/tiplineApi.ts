import type {
  PublicClaimInput,
  PublicCredentials,
  PublicDisputeInput,
  PublicPhoto,
  PublicTipReceipt,
  PublicTipStatusDto,
  PublicTipSubmission,
  ReporterIdentity,
  TipEventDto,
  TipFormStep,
  TipStateView,
  TipStepInput,
  UnmaskRequest,
} from '../resources/tips/types';
import type { HttpClient } from './httpClient';

/**
 * tipline-service behind the gateway (`/api/tipline`). Every tipline path the console calls is written
 * here and nowhere else (aligned with libs/tipline's controllers as they stand; the service was built
 * alongside): the handlers' resource through `TIPLINE_RESOURCE_PATHS`, the officials' calls through
 * `createTiplineApi`, the public pages (no login, no token) through `createPublicTiplineApi`.
 */
export const TIPLINE = '/api/tipline';

/** react-admin resource → collection path (the handlers' queue is the `tips` list). */
export const TIPLINE_RESOURCE_PATHS = {
  tips: `${TIPLINE}/tips`,
} as const;

const tip = (id: string, action?: string): string =>
  `${TIPLINE_RESOURCE_PATHS.tips}/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;
const unmaskRequest = (id: string, action?: string): string =>
  `${TIPLINE}/unmask-requests/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;

/** The public endpoints (no login): intake, photos, status, claim and dispute by claim code. */
export const PUBLIC_TIPLINE_PATHS = {
  photos: `${TIPLINE}/public/photos`,
  tips: `${TIPLINE}/public/tips`,
  status: `${TIPLINE}/public/status`,
  claim: `${TIPLINE}/public/claim`,
  dispute: `${TIPLINE}/public/dispute`,
} as const;

/**
 * Where each step form goes and with what body. The service completes most steps through a dedicated
 * endpoint taking the step's own fields; the generic `steps/:step` ({decision, comment, data}) takes only
 * approveExtension, breachFollowUp and payReward.
 */
export const tipStepRequest = (
  id: string,
  step: TipFormStep,
  input: TipStepInput,
): { path: string; body: Record<string, unknown> } => {
  const data = input.data ?? {};
  switch (step) {
    case 'decideAcceptance':
      return { path: tip(id, 'acceptance'), body: { decision: input.decision, ...data } };
    case 'verify':
      return { path: tip(id, 'verification'), body: { ...data, outcome: input.decision } };
    case 'requestExtension':
      return { path: tip(id, 'extension'), body: { reason: data.reason ?? input.comment ?? '' } };
    case 'recordFine':
      return { path: tip(id, 'fine'), body: data };
    case 'feedback':
      return { path: tip(id, 'feedback'), body: data };
    case 'approveReward':
      return { path: tip(id, 'reward-approval'), body: { decision: input.decision, ...data } };
    case 'recheck':
      return { path: tip(id, 'recheck'), body: { decision: input.decision, ...data } };
    case 'approveExtension':
    case 'breachFollowUp':
    case 'payReward':
      return {
        path: tip(id, `steps/${encodeURIComponent(step)}`),
        body: { decision: input.decision, comment: input.comment ?? '', data },
      };
  }
};

/** The officials' calls beyond react-admin's CRUD. */
export interface TiplineApi {
  getTipTimeline(id: string, signal?: AbortSignal): Promise<{ data: TipEventDto[] }>;
  /** The workflow's own view: open tasks, calendar "now" (scaled clocks), deadlines. */
  getTipState(id: string, signal?: AbortSignal): Promise<TipStateView>;
  recordTipStep(id: string, step: TipFormStep, body: TipStepInput, idempotencyKey: string): Promise<unknown>;
  requestUnmask(id: string, reason: string, idempotencyKey: string): Promise<UnmaskRequest>;
  /** A tip's requests, or (leaders) every request; `status` filters on the page. */
  listUnmaskRequests(
    query: { tipId?: string; status?: string },
    signal?: AbortSignal,
  ): Promise<{ data: UnmaskRequest[] }>;
  decideUnmask(requestId: string, decision: 'approve' | 'reject', comment?: string): Promise<UnmaskRequest>;
  /** Only the requester of an approved request; the service writes the read to the audit log. */
  getReporterIdentity(requestId: string, signal?: AbortSignal): Promise<ReporterIdentity>;
  tipFileBlob(fileId: string, signal?: AbortSignal): Promise<Blob>;
}

/** A list as `{ data }` or a bare array. */
const listOf = <T>(body: { data?: T[] } | T[] | null): { data: T[] } => ({
  data: Array.isArray(body) ? body : (body?.data ?? []),
});

export const createTiplineApi = (http: HttpClient): TiplineApi => {
  const post = <T>(path: string, body: unknown, idempotencyKey?: string) =>
    http.request<T>(path, {
      method: 'POST',
      body,
      headers: idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : undefined,
    });
  return {
    async getTipTimeline(id, signal) {
      return listOf(
        await http.request<{ data?: TipEventDto[] } | TipEventDto[]>(tip(id, 'timeline'), { signal }),
      );
    },
    getTipState(id, signal) {
      return http.request(tip(id, 'state'), { signal });
    },
    recordTipStep(id, step, input, key) {
      const { path, body } = tipStepRequest(id, step, input);
      return post(path, body, key);
    },
    requestUnmask(id, reason, key) {
      return post(tip(id, 'unmask-requests'), { reason }, key);
    },
    async listUnmaskRequests(query, signal) {
      const path = query.tipId ? tip(query.tipId, 'unmask-requests') : `${TIPLINE}/unmask-requests`;
      const { data } = listOf(
        await http.request<{ data?: UnmaskRequest[] } | UnmaskRequest[]>(path, { signal }),
      );
      return { data: query.status ? data.filter((request) => request.status === query.status) : data };
    },
    decideUnmask(requestId, decision, comment) {
      return post(unmaskRequest(requestId, 'decision'), { decision, comment: comment ?? '' });
    },
    getReporterIdentity(requestId, signal) {
      return http.request(unmaskRequest(requestId, 'identity'), { signal });
    },
    tipFileBlob(fileId, signal) {
      return http.requestBlob(`${TIPLINE}/files/${encodeURIComponent(fileId)}`, signal);
    },
  };
};

/** The public pages' calls: no login, no token, nothing that names the reporter in a URL. */
export interface PublicTiplineApi {
  /** A photo before the tip is filed (raw body; the service judges the type by content). */
  uploadPhoto(file: File): Promise<PublicPhoto>;
  submitTip(body: PublicTipSubmission, idempotencyKey: string): Promise<PublicTipReceipt>;
  getStatus(credentials: PublicCredentials): Promise<PublicTipStatusDto>;
  /** The fresh status after the claim (null when the service did not send it). */
  claimReward(body: PublicClaimInput, idempotencyKey: string): Promise<PublicTipStatusDto | null>;
  dispute(body: PublicDisputeInput, idempotencyKey: string): Promise<PublicTipStatusDto | null>;
}

/** The claim/dispute answers carry the status under `status` (or are the status, or carry none). */
const statusOf = (answer: unknown): PublicTipStatusDto | null => {
  if (typeof answer !== 'object' || answer === null) return null;
  const nested = (answer as { status?: unknown }).status;
  if (typeof nested === 'object' && nested !== null) return nested as PublicTipStatusDto;
  return typeof nested === 'string' && 'ref' in answer ? (answer as PublicTipStatusDto) : null;
};

export const createPublicTiplineApi = (http: HttpClient): PublicTiplineApi => {
  const post = <T>(path: string, body: unknown, headers?: Record<string, string>) =>
    http.request<T>(path, { method: 'POST', body, headers });
  return {
    uploadPhoto(file) {
      return post(PUBLIC_TIPLINE_PATHS.photos, file, {
        'Content-Type': file.type || 'application/octet-stream',
        'X-File-Name': encodeURIComponent(file.name),
      });
    },
    submitTip(body, key) {
      return post(PUBLIC_TIPLINE_PATHS.tips, body, { 'Idempotency-Key': key });
    },
    getStatus(credentials) {
      return post(PUBLIC_TIPLINE_PATHS.status, credentials);
    },
    async claimReward(body, key) {
      return statusOf(await post(PUBLIC_TIPLINE_PATHS.claim, body, { 'Idempotency-Key': key }));
    },
    async dispute(body, key) {
      return statusOf(await post(PUBLIC_TIPLINE_PATHS.dispute, body, { 'Idempotency-Key': key }));
    },
  };
};
