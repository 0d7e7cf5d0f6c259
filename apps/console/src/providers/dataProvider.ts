import { HttpError, type DataProvider, type Identifier, type RaRecord } from 'react-admin';
import type { Sector } from '../types';
import { createCampaignsApi, type CampaignsApi } from './campaignsApi';
import { ENFORCEMENT_RESOURCE_PATHS, createEnforcementApi, type EnforcementApi } from './enforcementApi';
import { createHazardsApi, type HazardsApi } from './hazardsApi';
import type { HttpClient, QueryValue } from './httpClient';
import { createCursorBook, type ListAnswer } from './keyset';
import { createTasksApi, type TasksApi } from './tasksApi';
import { TIPLINE_RESOURCE_PATHS, createTiplineApi, type TiplineApi } from './tiplineApi';

const DIRECTORY = '/api/directory';

/** Where each react-admin resource lives behind the gateway (`/api/<context>/…`). */
const RESOURCE_PATHS: Record<string, string> = {
  'org-units': `${DIRECTORY}/org-units`,
  enterprises: `${DIRECTORY}/enterprises`,
  hazards: '/api/hazards/hazards',
  listings: '/api/hazards/listings',
  campaigns: '/api/campaigns/campaigns',
  ...ENFORCEMENT_RESOURCE_PATHS,
  ...TIPLINE_RESOURCE_PATHS,
};

/** Lists that may answer with keyset pages (`nextCursor`, no total). */
const KEYSET_RESOURCES = new Set<string>(Object.keys(ENFORCEMENT_RESOURCE_PATHS));

/** Fields the server owns: never sent back on create or update. */
const SERVER_MANAGED_FIELDS = new Set([
  'id',
  'version',
  'path',
  'parentName',
  'townName',
  'createdAt',
  'updatedAt',
]);

/**
 * List columns sort by their field; where the API names the sort key differently (nested DTO fields,
 * the ledger's deadline), the column's field is translated here.
 */
const SORT_KEYS: Record<string, Record<string, string>> = {
  hazards: {
    title: 'caseRef',
    rectificationDeadline: 'deadline',
    'enterprise.name': 'enterpriseName',
  },
  listings: { title: 'caseRef' },
};

interface ListResponse<T> {
  data: T[];
  total: number;
}

/** `meta` the console's list calls may carry. */
export type ListMeta = {
  /** org-units only: match any of these kinds (the API takes one `kind` per request). */
  anyKind?: readonly string[];
};

/** `meta` a create call may carry: the key that makes a retried registration count once. */
export type CreateMeta = { idempotencyKey?: string };

/** react-admin's CRUD plus the console's calls to the task engine, the hazard ledger and campaigns. */
export interface ConsoleDataProvider
  extends DataProvider, TasksApi, HazardsApi, CampaignsApi, EnforcementApi, TiplineApi {}

const normalise = (value: unknown): unknown => (value === undefined || value === '' ? null : value);

/** PATCH carries only what the user changed, so concurrent edits of other fields do not collide. */
export const changedFields = (
  data: Record<string, unknown>,
  previous: Record<string, unknown>,
): Record<string, unknown> => {
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    // `undefined` means the form did not carry the field at all, which is not the same as clearing it.
    if (SERVER_MANAGED_FIELDS.has(key) || value === undefined) continue;
    if (JSON.stringify(normalise(value)) !== JSON.stringify(normalise(previous[key]))) {
      changes[key] = normalise(value);
    }
  }
  return changes;
};

/** A new record leaves unset optional fields out rather than sending nulls. */
const creatableFields = (data: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(data).filter(
      ([key, value]) => !SERVER_MANAGED_FIELDS.has(key) && normalise(value) !== null,
    ),
  );

const toQuery = (filter: Record<string, unknown>): Record<string, QueryValue> => {
  const query: Record<string, QueryValue> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) query[key] = value.map(String);
    else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      query[key] = value;
  }
  return query;
};

/**
 * Sectors (行业领域) are a small reference list served in one piece; the console fetches it once and
 * answers react-admin's list/reference calls from memory, with `id = code`.
 */
const createSectorCache = (http: HttpClient) => {
  let sectors: Promise<Sector[]> | null = null;
  return (): Promise<Sector[]> => {
    sectors ??= http
      .request<{ data: Omit<Sector, 'id'>[] }>(`${DIRECTORY}/sectors`)
      .then(({ data }) => data.map((sector) => ({ ...sector, id: sector.code })))
      .catch((error: unknown) => {
        sectors = null;
        throw error;
      });
    return sectors;
  };
};

const matchesSectorFilter = (sector: Sector, filter: Record<string, unknown>): boolean => {
  const q = typeof filter.q === 'string' ? filter.q.trim().toLowerCase() : '';
  return (
    q === '' ||
    sector.code.toLowerCase().includes(q) ||
    sector.nameZh.toLowerCase().includes(q) ||
    sector.nameEn.toLowerCase().includes(q) ||
    (sector.aliasesZh ?? []).some((alias) => alias.includes(q))
  );
};

export interface DataProviderDeps {
  http: HttpClient;
  translate: (key: string, options?: Record<string, unknown>) => string;
}

export const createDataProvider = ({ http, translate }: DataProviderDeps): ConsoleDataProvider => {
  const unsupported = (): never => {
    throw new HttpError(translate('zhiben.errors.unsupported'), 405, { problem: null });
  };
  const sectors = createSectorCache(http);
  const cursors = createCursorBook();
  const url = (resource: string, id?: Identifier): string => {
    const base = RESOURCE_PATHS[resource] ?? `${DIRECTORY}/${resource}`;
    return id === undefined ? base : `${base}/${encodeURIComponent(String(id))}`;
  };

  const list = <T extends RaRecord>(
    resource: string,
    query: Record<string, QueryValue>,
    signal?: AbortSignal,
  ): Promise<ListResponse<T>> => http.request<ListResponse<T>>(url(resource), { query, signal });

  /**
   * The list API filters on one kind at a time; pickers that need "any of these kinds" (所属镇街: town,
   * street or platform) get one request per kind, merged by name. Only the first page is meaningful,
   * which is all an autocomplete asks for.
   */
  const firstPageOfAnyKind = async (
    query: Record<string, QueryValue>,
    kinds: readonly string[],
    direction: 1 | -1,
    signal?: AbortSignal,
  ) => {
    const pages = await Promise.all(
      kinds.map((kind) => list<RaRecord>('org-units', { ...query, kind }, signal)),
    );
    const merged = pages
      .flatMap((page) => page.data)
      .sort((a, b) => direction * String(a.name).localeCompare(String(b.name), 'zh-CN'));
    const perPage = typeof query.perPage === 'number' ? query.perPage : merged.length;
    return {
      data: merged.slice(0, perPage) as never[],
      total: pages.reduce((sum, page) => sum + page.total, 0),
    };
  };

  /**
   * campaigns-service lists with a strict query (page, perPage, status): template and year are matched
   * on the page it returns, newest first as the service orders them.
   */
  const listCampaigns = async (
    query: Record<string, QueryValue>,
    filter: Record<string, unknown>,
    signal?: AbortSignal,
  ) => {
    const { templateId, year } = filter;
    const local = Boolean(templateId) || Boolean(year);
    const { data, total } = await list<RaRecord>(
      'campaigns',
      {
        page: local ? 1 : query.page,
        perPage: local ? 200 : query.perPage,
        status: typeof filter.status === 'string' ? filter.status : undefined,
      },
      signal,
    );
    if (!local) return { data: data as never[], total };
    const matched = data.filter((c) => {
      const period = c.period as { start: string; end: { kind: string; date?: string } } | undefined;
      const y = String(year ?? '');
      return (
        (!templateId || c.templateId === templateId) &&
        (!y ||
          (period !== undefined &&
            period.start.slice(0, 4) <= y &&
            (period.end.date ?? '9999').slice(0, 4) >= y))
      );
    });
    const perPage = typeof query.perPage === 'number' ? query.perPage : 25;
    const page = typeof query.page === 'number' ? query.page : 1;
    return { data: matched.slice((page - 1) * perPage, page * perPage) as never[], total: matched.length };
  };

  const provider: ConsoleDataProvider = {
    supportAbortSignal: true,

    async getList(resource, { pagination, sort, filter, meta, signal }) {
      if (resource === 'sectors') {
        const all = (await sectors()).filter((sector) => matchesSectorFilter(sector, filter ?? {}));
        const page = pagination ?? { page: 1, perPage: all.length };
        const start = (page.page - 1) * page.perPage;
        return { data: all.slice(start, start + page.perPage) as never[], total: all.length };
      }
      const query = {
        page: pagination?.page,
        perPage: pagination?.perPage,
        sort: sort?.field ? (SORT_KEYS[resource]?.[sort.field] ?? sort.field) : undefined,
        order: sort?.order,
        ...toQuery(filter ?? {}),
      };
      if (resource === 'campaigns') return listCampaigns(query, filter ?? {}, signal);
      if (KEYSET_RESOURCES.has(resource)) {
        const page = pagination?.page ?? 1;
        const key = JSON.stringify([resource, filter ?? {}, sort ?? null, pagination?.perPage ?? null]);
        const cursor = cursors.cursorFor(key, page);
        // These lists order by creation (newest first unless `order` says otherwise) and take no `sort`.
        const answer = await http.request<ListAnswer<never>>(url(resource), {
          query: { ...query, sort: undefined, cursor: cursor ?? undefined },
          signal,
        });
        return cursors.read(key, page, answer);
      }
      const anyKind = (meta as ListMeta | undefined)?.anyKind;
      if (resource === 'org-units' && anyKind && anyKind.length > 0) {
        return firstPageOfAnyKind(query, anyKind, sort?.order === 'DESC' ? -1 : 1, signal);
      }
      const { data, total } = await list(resource, query, signal);
      return { data: data as never[], total };
    },

    async getOne(resource, { id, signal }) {
      if (resource === 'sectors') {
        const sector = (await sectors()).find((candidate) => candidate.id === id);
        if (!sector) throw new HttpError('Not found', 404, { problem: null });
        return { data: sector as never };
      }
      return { data: await http.request(url(resource, id), { signal }) };
    },

    async getMany(resource, { ids, signal }) {
      if (ids.length === 0) return { data: [] };
      if (resource === 'sectors') {
        const wanted = new Set(ids.map(String));
        return { data: (await sectors()).filter((sector) => wanted.has(sector.id)) as never[] };
      }
      const { data } = await list(resource, { ids: ids.map(String) }, signal);
      return { data: data as never[] };
    },

    async getManyReference(resource, { target, id, pagination, sort, filter, signal }) {
      const { data, total } = await list(
        resource,
        {
          page: pagination.page,
          perPage: pagination.perPage,
          sort: sort.field,
          order: sort.order,
          ...toQuery(filter ?? {}),
          [target]: String(id),
        },
        signal,
      );
      return { data: data as never[], total };
    },

    async create(resource, { data, meta }) {
      if (resource === 'sectors') return unsupported();
      const idempotencyKey = (meta as CreateMeta | undefined)?.idempotencyKey;
      return {
        data: await http.request(url(resource), {
          method: 'POST',
          body: creatableFields(data as Record<string, unknown>),
          headers: idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : undefined,
        }),
      };
    },

    async update(resource, { id, data, previousData }) {
      if (resource === 'sectors') return unsupported();
      const previous = previousData as Record<string, unknown>;
      const changes = changedFields(data as Record<string, unknown>, previous);
      if (Object.keys(changes).length === 0) return { data: previousData };
      // `version` is the one the user saw: the server rejects the write if someone saved in between.
      return {
        data: await http.request(url(resource, id), {
          method: 'PATCH',
          body: { ...changes, version: previous.version },
        }),
      };
    },

    async updateMany() {
      // Bulk edits would bypass optimistic locking (each record needs its own version); none is offered.
      return unsupported();
    },

    async delete(resource, { id, previousData }) {
      if (resource === 'sectors') return unsupported();
      await http.request<null>(url(resource, id), { method: 'DELETE' });
      return { data: (previousData ?? { id }) as never };
    },

    async deleteMany(resource, { ids }) {
      if (resource === 'sectors') return unsupported();
      const results = await Promise.allSettled(
        ids.map((id) => http.request<null>(url(resource, id), { method: 'DELETE' }).then(() => id)),
      );
      const failures = results.filter(
        (result): result is PromiseRejectedResult => result.status === 'rejected',
      );
      if (failures.length > 0) {
        const first = failures[0].reason as HttpError;
        const message = translate('zhiben.errors.partialFailure', {
          failed: failures.length,
          total: ids.length,
          message: first.message,
        });
        throw new HttpError(message, first.status ?? 500, {
          problem: null,
          deleted: results.filter((result) => result.status === 'fulfilled').map((result) => result.value),
        });
      }
      return { data: ids };
    },

    ...createTasksApi(http),
    ...createHazardsApi(http),
    ...createCampaignsApi(http),
    ...createEnforcementApi(http),
    ...createTiplineApi(http),
  };
  return provider;
};
