import { useInfiniteQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { ConsoleDataProvider } from '../../providers/dataProvider';
import { isHttpError } from '../../providers/httpClient';
import type { InboxFilters, InboxPage, InboxSort, InboxView, Task } from '../../types';

export const INBOX_PAGE_SIZE = 25;
const INBOX_REFRESH_MS = 60_000;

/**
 * Statuses that mean "the task service is not deployed here yet" rather than "something broke":
 * the inbox then shows its empty state with a note instead of an error.
 */
const NOT_DEPLOYED_STATUSES = new Set([404, 501, 502, 503, 504]);

const isNotDeployed = (error: unknown): boolean =>
  isHttpError(error) && NOT_DEPLOYED_STATUSES.has(error.status);

export type InboxStatus = 'loading' | 'ready' | 'unavailable' | 'error';

export interface Inbox {
  tasks: Task[];
  status: InboxStatus;
  error: string | null;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
  reload: () => void;
}

/** Every inbox query starts with this key: invalidate it after claiming or deciding. */
export const INBOX_QUERY_KEY = ['tasks', 'inbox'] as const;

const PRIORITY_RANK: Record<string, number> = { urgent: 0, high: 1, normal: 2, low: 3 };
const dueRank = (task: Task): number => (task.dueAt ? Date.parse(task.dueAt) : Number.POSITIVE_INFINITY);

/**
 * The API pages by creation time only (keyset over created_at), so other orders apply to the tasks
 * loaded so far; "load more" brings more in and they take their place in the order.
 */
export const sortTasks = (tasks: Task[], sort: InboxSort): Task[] => {
  switch (sort) {
    case 'createdAt':
      return tasks;
    case 'dueAt':
      return [...tasks].sort((a, b) => dueRank(a) - dueRank(b));
    case 'priority':
      return [...tasks].sort(
        (a, b) =>
          (PRIORITY_RANK[a.priority] ?? 9) - (PRIORITY_RANK[b.priority] ?? 9) || dueRank(a) - dueRank(b),
      );
  }
};

/**
 * Keyset-paginated inbox: the server returns an opaque cursor and no total, so the list only grows
 * with "load more". Filters are part of the query key, so changing one starts over from the first
 * page. Runs on react-admin's query client, so the app bar's refresh button reloads it.
 */
export const useInbox = (view: InboxView, filters: InboxFilters, sort: InboxSort): Inbox => {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const query = useInfiniteQuery({
    queryKey: [...INBOX_QUERY_KEY, view, filters],
    queryFn: ({ pageParam, signal }): Promise<InboxPage> =>
      dataProvider.getInbox({ view, limit: INBOX_PAGE_SIZE, cursor: pageParam, ...filters, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // Workflows open tasks on their own clock: the inbox looks again every minute while it is open.
    refetchInterval: INBOX_REFRESH_MS,
    retry: (failures, error) => !isNotDeployed(error) && failures < 2,
  });
  const tasks = sortTasks(query.data?.pages.flatMap((page) => page.data) ?? [], sort);
  const status: InboxStatus = query.isPending
    ? 'loading'
    : query.isError && !query.isFetchNextPageError
      ? isNotDeployed(query.error)
        ? 'unavailable'
        : 'error'
      : query.isFetchNextPageError
        ? 'error'
        : 'ready';
  return {
    tasks,
    status,
    error: query.error ? query.error.message : null,
    hasMore: query.hasNextPage,
    loadingMore: query.isFetchingNextPage,
    loadMore: () => void query.fetchNextPage(),
    reload: () => void query.refetch(),
  };
};
