import type {
  CampaignEnd,
  CampaignEvent,
  CampaignKind,
  CampaignPeriod,
  CampaignReportStatus,
  CampaignStatus,
  DutyPeriod,
  FormUnit,
  ReportSchedule,
  Stage,
  TaskAssignment,
  DutyAssignment,
} from '@zhiben/contracts';

/**
 * The campaigns context (专项行动, 月度调度表) as campaigns-service serves it behind `/api/campaigns`:
 * the contracts' types where they exist (`import type` only: the campaigns contract module builds zod
 * schemas at load time, which must stay out of the bundle), console views of the DTOs otherwise
 * (read off `libs/campaigns`' services and mappers).
 */

export { CAMPAIGN_STATUSES, CAMPAIGN_REPORT_STATUSES } from '@zhiben/contracts';
export type {
  CampaignEnd,
  CampaignEvent,
  CampaignKind,
  CampaignPeriod,
  CampaignReportStatus,
  CampaignStatus,
  DutyPeriod,
  FormUnit,
  ReportSchedule,
  Stage,
};

export interface Participant {
  orgUnitCode: string;
  reports?: boolean;
}

/** `toCampaignDto` (campaign.mappers.ts). */
export interface Campaign {
  id: string;
  templateId: string;
  templateVersion: number;
  titleZh: string;
  titleEn: string | null;
  status: CampaignStatus;
  currentStageKey: string | null;
  jurisdiction: { code: string; name: string };
  issuingUnitCode: string;
  parentCampaignId: string | null;
  period: CampaignPeriod;
  events: CampaignEvent[];
  stages: Stage[];
  reportSchedules: ReportSchedule[];
  participants: Participant[];
  taskAssignments: TaskAssignment[];
  dutyAssignments: DutyAssignment[];
  workflowId: string;
  submittedAt: string | null;
  workflowStarted: boolean;
  createdBy: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** `GET /templates` rows (templates.service.ts `list`). */
export interface TemplateSummary {
  id: string;
  kind: CampaignKind;
  titleZh: string;
  titleEn: string;
  issuer: { nameZh: string; nameEn?: string; docNo?: string; issuedOn?: string };
  latestVersion: number;
  versions: {
    version: number;
    source: 'shipped' | 'saved';
    createdBy: string | null;
    createdAt: string | null;
  }[];
}

/** `GET /templates/:id[?version=]`: the template (CampaignTemplate) plus its versions. */
export interface TemplateDetail extends TemplateSummary {
  version: number;
  period: CampaignPeriod;
  events: CampaignEvent[];
  stagesMayOverlap: boolean;
  stages: Stage[];
  reportSchedules: ReportSchedule[];
  levelZh?: string;
  citation: string;
}

/** `GET /campaigns/:id/timeline` (toEventDto). */
export interface CampaignEventRecord {
  id: string;
  type: string;
  summaryZh: string;
  summaryEn: string;
  actor: { username: string; name: string | null } | null;
  reportId: string | null;
  data: Record<string, unknown> | null;
  occurredAt: string;
}

/** `GET /campaigns/:id/reports` rows (reports.service.ts `list`). */
export interface ReportSummary {
  id: string;
  scheduleId: string;
  occurrenceKey: string;
  unitCode: string;
  unitName: string | null;
  status: CampaignReportStatus;
  dueAt: string;
  late: boolean;
  submittedAt: string | null;
}

export interface ReportList {
  data: ReportSummary[];
  total: number;
  summary: { reported: number; inReview: number; open: number; late: number };
}

export type PrefillSource = 'manual' | 'hazards' | 'listings' | 'enforcement' | 'tipline';

/** One row of a report (reports.service.ts `toDto().rows`). */
export interface ReportRow {
  id: string;
  sectionId: string;
  number: string | null;
  labelZh: string;
  labelEn: string;
  unit: FormUnit;
  value: number | boolean | null;
  prefillSource: PrefillSource;
  /** The ledger's figure at opening, when the system pre-filled the row. */
  prefilledValue: number | null;
  /** Whether the row still holds the ledger's figure. */
  prefilled: boolean;
}

export interface ReportSignature {
  signedBy: string;
  title?: string;
  signedOn: string;
}

/** `GET /reports/:reportId`. */
export interface ReportDetail {
  id: string;
  campaignId: string;
  campaignTitle: string;
  scheduleId: string;
  occurrenceKey: string;
  unitCode: string;
  unitName: string | null;
  status: CampaignReportStatus;
  late: boolean;
  dueAt: string;
  formId: string | null;
  values: Record<string, number | boolean | null>;
  prefilled: Record<string, number> | null;
  prefilledRows: string[];
  rows: ReportRow[];
  reportDate: string | null;
  noteZh: string | null;
  attachments: string[];
  signature: ReportSignature | null;
  submittedBy: string | null;
  submittedAt: string | null;
  version: number;
}

/** `PUT /reports/:id/values` and `POST /reports/:id/submit` (formReportSchemaFor minus the server's fields). */
export interface ReportSubmission {
  values: Record<string, number | boolean | null>;
  prefilledRows: string[];
  reportDate?: string;
  noteZh?: string;
  signature?: ReportSignature;
  version?: number;
}

/** An aggregate node (campaigns-domain `AggregateNode`). */
export interface DispatchNode {
  code: string;
  name?: string;
  own: Record<string, number> | null;
  total: Record<string, number>;
  reportingUnits: number;
  missing: string[];
  children: DispatchNode[];
}

export interface Contribution {
  unitCode: string;
  value: number;
}

/** `GET /campaigns/:id/dispatch` (reports.service.ts `dispatch`). */
export interface DispatchTable {
  campaignId: string;
  scheduleId: string;
  occurrenceKey: string;
  form: { id: string; titleZh: string; titleEn: string };
  unit: { code: string; name: string };
  tree: DispatchNode;
  contributions: Record<string, Contribution[]>;
  /** Pre-filled rows → per unit, the hazards-service list query of the counted records. */
  drillDown: Record<string, (Contribution & { hazards: string | null })[]>;
}

/** `GET /campaigns/:id/task-items` (task-lists.service.ts `items`). */
export interface TaskItemsResponse {
  data: {
    id: string;
    listId: string;
    itemId: string;
    number: string | null;
    textZh: string | null;
    unitCode: string;
    unitName: string | null;
    status: 'notStarted' | 'inProgress' | 'done';
    deadline: string | null;
  }[];
  total: number;
  completionByUnit: Record<string, { total: number; done: number }>;
}

/** `GET /campaigns/:id/duties/compliance`. */
export interface DutyComplianceResponse {
  asOf: string;
  data: {
    dutyId: string;
    titleZh: string;
    period: DutyPeriod;
    minCount: number;
    unitCode: string;
    unitName: string | null;
    periods: { status: string; count?: number }[];
    short: number;
  }[];
  total: number;
}

/** What stage ends look like in the campaign form (both branches kept while the user switches). */
export type StageEnd = CampaignEnd;
