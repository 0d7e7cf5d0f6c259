import type {
  CaseActionInput,
  EnforcementEventDto,
  EnforcementFile,
  Inspection,
  InspectionPlan,
  InspectionDrawInput,
  InspectionRecordInput,
  ReferralBoard,
  Referral,
  ReferralDocumentDto,
  ReferralDocumentKind,
  ReferralStepInput,
  ReferralSubmission,
  PenaltyCase,
  ReinspectionApplicationInput,
} from '../resources/enforcement/types';
import type { HttpClient } from './httpClient';

/**
 * enforcement-service behind the gateway (`/api/enforcement`). Every enforcement path the console
 * calls is written here and nowhere else: the react-admin resources (list/show/create) through
 * `ENFORCEMENT_RESOURCE_PATHS`, everything else through `createEnforcementApi`.
 */
export const ENFORCEMENT = '/api/enforcement';

/** react-admin resource → collection path (the data provider's CRUD uses these). */
export const ENFORCEMENT_RESOURCE_PATHS = {
  'inspection-plans': `${ENFORCEMENT}/plans`,
  inspections: `${ENFORCEMENT}/inspections`,
  'penalty-cases': `${ENFORCEMENT}/cases`,
  referrals: `${ENFORCEMENT}/referrals`,
} as const;

const item = (collection: string, id: string, action?: string): string =>
  `${collection}/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;
const plan = (id: string, action?: string) =>
  item(ENFORCEMENT_RESOURCE_PATHS['inspection-plans'], id, action);
const inspection = (id: string, action?: string) => item(ENFORCEMENT_RESOURCE_PATHS.inspections, id, action);
const penaltyCase = (id: string, action?: string) =>
  item(ENFORCEMENT_RESOURCE_PATHS['penalty-cases'], id, action);
const referral = (id: string, action?: string) => item(ENFORCEMENT_RESOURCE_PATHS.referrals, id, action);

/** The enforcement calls beyond react-admin's CRUD. */
export interface EnforcementApi {
  /** 双随机: draws enterprises and inspectors for a plan; the result is published (一公开). */
  drawPlan(id: string, body: InspectionDrawInput): Promise<InspectionPlan>;
  /** The record: checklist, findings (→ hazards), 两个必查. */
  recordInspection(id: string, body: InspectionRecordInput, idempotencyKey: string): Promise<Inspection>;
  /** 谁检查、谁签名: the signed-in inspector signs the record. */
  signInspection(id: string): Promise<Inspection>;
  uploadInspectionFile(id: string, file: File): Promise<EnforcementFile>;
  enforcementFileBlob(fileId: string, signal?: AbortSignal): Promise<Blob>;
  getCaseTimeline(id: string, signal?: AbortSignal): Promise<{ data: EnforcementEventDto[] }>;
  recordCaseAction(id: string, body: CaseActionInput, idempotencyKey: string): Promise<PenaltyCase>;
  applyForReinspection(
    id: string,
    body: ReinspectionApplicationInput,
    idempotencyKey: string,
  ): Promise<PenaltyCase>;
  getReferralTimeline(id: string, signal?: AbortSignal): Promise<{ data: EnforcementEventDto[] }>;
  uploadReferralDocument(id: string, kind: ReferralDocumentKind, file: File): Promise<ReferralDocumentDto>;
  submitReferral(id: string, body: ReferralSubmission, idempotencyKey: string): Promise<Referral>;
  recordReferralStep(
    id: string,
    step: string,
    body: ReferralStepInput,
    idempotencyKey: string,
  ): Promise<Referral>;
  getReferralBoard(signal?: AbortSignal): Promise<ReferralBoard>;
}

/** Uploads go as the raw file with its type and name (as the hazard ledger takes them). */
const rawUpload = (file: File) => ({
  method: 'POST' as const,
  body: file,
  headers: {
    'Content-Type': file.type || 'application/octet-stream',
    'X-File-Name': encodeURIComponent(file.name),
  },
});

/** The board as the service sends it (`referrals`), or a plain list (`data`). */
const boardOf = (body: ReferralBoard & { referrals?: ReferralBoard['data'] }): ReferralBoard => ({
  ...body,
  data: body.data ?? body.referrals ?? [],
});

export const createEnforcementApi = (http: HttpClient): EnforcementApi => {
  const post = <T>(path: string, body: unknown, idempotencyKey?: string) =>
    http.request<T>(path, {
      method: 'POST',
      body,
      headers: idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : undefined,
    });
  return {
    drawPlan(id, body) {
      return post(plan(id, 'draw'), body);
    },
    recordInspection(id, body, key) {
      return post(inspection(id, 'record'), body, key);
    },
    signInspection(id) {
      return post(inspection(id, 'sign'), {});
    },
    uploadInspectionFile(id, file) {
      return http.request(inspection(id, 'photos'), rawUpload(file));
    },
    enforcementFileBlob(fileId, signal) {
      return http.requestBlob(`${ENFORCEMENT}/files/${encodeURIComponent(fileId)}`, signal);
    },
    getCaseTimeline(id, signal) {
      return http.request(penaltyCase(id, 'timeline'), { signal });
    },
    recordCaseAction(id, body, key) {
      return post(penaltyCase(id, 'actions'), body, key);
    },
    applyForReinspection(id, body, key) {
      return post(penaltyCase(id, 'reinspection-application'), body, key);
    },
    getReferralTimeline(id, signal) {
      return http.request(referral(id, 'timeline'), { signal });
    },
    uploadReferralDocument(id, kind, file) {
      return http.request(referral(id, `documents/${encodeURIComponent(kind)}`), rawUpload(file));
    },
    submitReferral(id, body, key) {
      return post(referral(id, 'submit'), body, key);
    },
    recordReferralStep(id, step, body, key) {
      return post(referral(id, `steps/${encodeURIComponent(step)}`), body, key);
    },
    async getReferralBoard(signal) {
      return boardOf(await http.request(`${ENFORCEMENT_RESOURCE_PATHS.referrals}/board`, { signal }));
    },
  };
};
