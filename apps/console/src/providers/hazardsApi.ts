import type {
  HazardClause,
  HazardEvent,
  HazardFile,
  HazardFileKind,
  HazardPerson,
  HazardStandard,
} from '../resources/hazards/types';
import type { HttpClient } from './httpClient';

const HAZARDS = '/api/hazards';
const hazard = (id: string, action?: string): string =>
  `${HAZARDS}/hazards/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;

/** POST …/plan: the six items of the 治理方案 plus the acceptor (submitPlanSchema). */
export interface PlanSubmission {
  targets: string;
  measures: string;
  fundsAndMaterials: string;
  fundsAmountYuan?: number;
  organisationAndPeople: string;
  responsiblePerson: HazardPerson;
  /** YYYY-MM-DD */
  deadline: string;
  timeRequirements?: string;
  safetyMeasures: string;
  emergencyPlan: string;
  acceptor: HazardPerson;
  acceptanceCriteria?: string;
  executor?: HazardPerson;
  attachments?: string[];
}

/** POST …/progress (progressReportSchema). */
export interface ProgressSubmission {
  summary: string;
  percentComplete: number;
  interimControlsEffective: boolean;
  attachments?: string[];
}

/** POST …/acceptance-application (acceptanceApplicationSchema): 双报告 #2 and the request for 验收. */
export interface AcceptanceApplication {
  summary: string;
  /** YYYY-MM-DD */
  completedOn: string;
  selfCheck?: string;
  attachments?: string[];
}

/** POST …/extension-request (extensionRequestSchema). */
export interface ExtensionRequest {
  /** YYYY-MM-DD */
  newDeadline: string;
  reason: string;
}

/** The hazards service's calls beyond react-admin's CRUD (ledger list/show/create go through it). */
export interface HazardsApi {
  getHazardTimeline(id: string, signal?: AbortSignal): Promise<{ data: HazardEvent[] }>;
  getHazardFiles(id: string, signal?: AbortSignal): Promise<{ data: HazardFile[] }>;
  submitPlan(id: string, plan: PlanSubmission, idempotencyKey: string): Promise<unknown>;
  reportProgress(id: string, report: ProgressSubmission, idempotencyKey: string): Promise<unknown>;
  applyForAcceptance(
    id: string,
    application: AcceptanceApplication,
    idempotencyKey: string,
  ): Promise<unknown>;
  requestExtension(id: string, request: ExtensionRequest, idempotencyKey: string): Promise<unknown>;
  proposeListing(id: string, reason: string, idempotencyKey: string): Promise<unknown>;
  uploadHazardFile(id: string, file: File, kind: HazardFileKind): Promise<HazardFile>;
  hazardFileBlob(hazardId: string, fileId: string, signal?: AbortSignal): Promise<Blob>;
  getStandards(signal?: AbortSignal): Promise<{ data: HazardStandard[] }>;
  getClauses(standardId: string, signal?: AbortSignal): Promise<{ data: HazardClause[] }>;
}

export const createHazardsApi = (http: HttpClient): HazardsApi => {
  const post = (id: string, action: string, body: unknown, idempotencyKey: string) =>
    http.request(hazard(id, action), {
      method: 'POST',
      body,
      headers: { 'Idempotency-Key': idempotencyKey },
    });
  return {
    getHazardTimeline(id, signal) {
      return http.request(hazard(id, 'timeline'), { signal });
    },
    getHazardFiles(id, signal) {
      return http.request(hazard(id, 'files'), { signal });
    },
    submitPlan(id, plan, key) {
      return post(id, 'plan', plan, key);
    },
    reportProgress(id, report, key) {
      return post(id, 'progress', report, key);
    },
    applyForAcceptance(id, application, key) {
      return post(id, 'acceptance-application', application, key);
    },
    requestExtension(id, request, key) {
      return post(id, 'extension-request', request, key);
    },
    proposeListing(id, reason, key) {
      return post(id, 'listing-proposal', { reason }, key);
    },
    uploadHazardFile(id, file, kind) {
      return http.request<HazardFile>(hazard(id, 'files'), {
        method: 'POST',
        body: file,
        query: { kind },
        headers: {
          'Content-Type': file.type || 'application/octet-stream',
          'X-File-Name': encodeURIComponent(file.name),
        },
      });
    },
    hazardFileBlob(_hazardId, fileId, signal) {
      return http.requestBlob(`${HAZARDS}/files/${encodeURIComponent(fileId)}`, signal);
    },
    getStandards(signal) {
      return http.request(`${HAZARDS}/standards`, { signal });
    },
    getClauses(standardId, signal) {
      return http.request(`${HAZARDS}/standards/${encodeURIComponent(standardId)}/clauses`, { signal });
    },
  };
};
