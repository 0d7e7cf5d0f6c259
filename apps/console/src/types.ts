/**
 * Shapes of the gateway's JSON API as the console sees them. The console may not import server code,
 * so these mirror the directory and tasks contracts by hand; keep them in step with `libs/contracts`.
 */

export const ORG_UNIT_KINDS = [
  'district',
  'town',
  'street',
  'platform',
  'village',
  'community',
  'department',
  'office',
] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];

/** Kinds that carry territorial supervision of enterprises (镇街 and platforms). */
export const TOWN_LEVEL_KINDS: readonly OrgUnitKind[] = ['town', 'street', 'platform'];

export interface OrgUnit {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
  kind: OrgUnitKind;
  parentId: string | null;
  parentName: string | null;
  sectors: string[];
  path: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const ENTERPRISE_SIZES = ['above_scale', 'small_micro'] as const;
export type EnterpriseSize = (typeof ENTERPRISE_SIZES)[number];

export interface Enterprise {
  id: string;
  name: string;
  creditCode: string;
  sector: string;
  townId: string;
  townName: string | null;
  size: EnterpriseSize;
  principal: string;
  principalPhone: string | null;
  address: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** A 行业领域 as served by `GET /api/directory/sectors`; the console gives it `id = code`. */
export interface Sector {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  /** One of the 重点行业领域 the campaigns single out. */
  key: boolean;
  aliasesZh?: string[];
}

export interface Me {
  username: string;
  name: string;
  roles: string[];
  orgUnit: { id: string; code: string; name: string; kind: OrgUnitKind } | null;
  enterprise: { id: string; creditCode: string; name: string } | null;
}

export const INBOX_VIEWS = ['mine', 'groups', 'watched'] as const;
export type InboxView = (typeof INBOX_VIEWS)[number];

export const TASK_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

export interface Task {
  id: string;
  type: string;
  title: string;
  caseRef: string | null;
  status: string;
  priority: TaskPriority;
  dueAt: string | null;
  followUpAt: string | null;
  assignee: string | null;
  createdAt: string;
}

export interface InboxPage {
  data: Task[];
  nextCursor: string | null;
}

/** RFC 7807 problem document served by every Zhiben API (mirrors `Problem` in libs/contracts). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  messageZh: string;
  messageEn: string;
  errors?: { path: string; messageZh: string; messageEn: string }[];
  correlationId?: string;
}

/** The public `/config.json` the gateway serves before anyone has logged in. */
export interface RuntimeConfig {
  keycloak: { url: string; realm: string; clientId: string };
  version: string;
}
