import type {
  Campaign,
  CampaignEventRecord,
  DispatchTable,
  DutyComplianceResponse,
  ReportDetail,
  ReportList,
  ReportSubmission,
  TaskItemsResponse,
  TemplateDetail,
  TemplateSummary,
} from '../resources/campaigns/types';
import { toQueryString, type HttpClient } from './httpClient';

/** campaigns-service behind the gateway (`/api/campaigns`). */
export const CAMPAIGNS = '/api/campaigns';
const campaign = (id: string, action?: string): string =>
  `${CAMPAIGNS}/campaigns/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;
const report = (id: string, action?: string): string =>
  `${CAMPAIGNS}/reports/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;

export interface DispatchQuery {
  occurrenceKey: string;
  unit?: string;
  scheduleId?: string;
}

/** The campaigns calls beyond react-admin's CRUD (list/show/create/edit of `campaigns` go through it). */
export interface CampaignsApi {
  getTemplates(signal?: AbortSignal): Promise<{ data: TemplateSummary[]; total: number }>;
  getTemplate(id: string, version?: number, signal?: AbortSignal): Promise<TemplateDetail>;
  submitCampaign(id: string): Promise<Campaign>;
  signalCampaignEvent(id: string, eventKey: string, at?: string): Promise<unknown>;
  getCampaignTimeline(id: string, signal?: AbortSignal): Promise<{ data: CampaignEventRecord[] }>;
  getCampaignReports(
    id: string,
    query?: { occurrenceKey?: string; scheduleId?: string },
    signal?: AbortSignal,
  ): Promise<ReportList>;
  getCampaignTaskItems(id: string, signal?: AbortSignal): Promise<TaskItemsResponse>;
  getDutyCompliance(id: string, signal?: AbortSignal): Promise<DutyComplianceResponse>;
  getReport(id: string, signal?: AbortSignal): Promise<ReportDetail>;
  saveReportDraft(id: string, body: ReportSubmission): Promise<ReportDetail>;
  submitReport(id: string, body: ReportSubmission): Promise<ReportDetail>;
  getDispatch(id: string, query: DispatchQuery, signal?: AbortSignal): Promise<DispatchTable>;
  dispatchXlsx(id: string, query: DispatchQuery): Promise<Blob>;
  dispatchPdf(id: string, query: DispatchQuery): Promise<Blob>;
  /** A hazards-service list URL the dispatch drill-down names (same-origin, `/api/hazards/…`). */
  getByPath<T>(path: string, signal?: AbortSignal): Promise<T>;
}

export const createCampaignsApi = (http: HttpClient): CampaignsApi => ({
  getTemplates(signal) {
    return http.request(`${CAMPAIGNS}/templates`, { signal });
  },
  getTemplate(id, version, signal) {
    return http.request(`${CAMPAIGNS}/templates/${encodeURIComponent(id)}`, {
      query: { version },
      signal,
    });
  },
  submitCampaign(id) {
    return http.request(campaign(id, 'submit'), { method: 'POST', body: {} });
  },
  signalCampaignEvent(id, eventKey, at) {
    return http.request(campaign(id, `events/${encodeURIComponent(eventKey)}`), {
      method: 'POST',
      body: at ? { at } : {},
    });
  },
  getCampaignTimeline(id, signal) {
    return http.request(campaign(id, 'timeline'), { signal });
  },
  getCampaignReports(id, query = {}, signal) {
    return http.request(campaign(id, 'reports'), { query: { ...query }, signal });
  },
  getCampaignTaskItems(id, signal) {
    return http.request(campaign(id, 'task-items'), { signal });
  },
  getDutyCompliance(id, signal) {
    return http.request(campaign(id, 'duties/compliance'), { signal });
  },
  getReport(id, signal) {
    return http.request(report(id), { signal });
  },
  saveReportDraft(id, body) {
    return http.request(report(id, 'values'), { method: 'PUT', body });
  },
  submitReport(id, body) {
    return http.request(report(id, 'submit'), { method: 'POST', body });
  },
  getDispatch(id, query, signal) {
    return http.request(campaign(id, 'dispatch'), { query: { ...query }, signal });
  },
  dispatchXlsx(id, query) {
    return http.requestBlob(`${campaign(id, 'dispatch.xlsx')}${toQueryString({ ...query })}`);
  },
  dispatchPdf(id, query) {
    return http.requestBlob(`${campaign(id, 'dispatch.pdf')}${toQueryString({ ...query })}`);
  },
  getByPath(path, signal) {
    if (!path.startsWith('/api/')) return Promise.reject(new Error(`Not an API path: ${path}`));
    return http.request(path, { signal });
  },
});
