import { useInfiniteQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { ConsoleDataProvider } from '../providers/dataProvider';
import { isHttpError } from '../providers/httpClient';
import type { InboxPage, InboxView, Task } from '../types';

export const INBOX_PAGE_SIZE = 25;

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

/**
 * Keyset-paginated inbox: the server returns an opaque cursor and no total, so the list only grows
 * with "load more". Runs on react-admin's query client, so the app bar's refresh button reloads it.
 */
export const useInbox = (view: InboxView): Inbox => {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const query = useInfiniteQuery({
    queryKey: ['tasks', 'inbox', view],
    queryFn: ({ pageParam, signal }): Promise<InboxPage> =>
      dataProvider.getInbox({ view, limit: INBOX_PAGE_SIZE, cursor: pageParam, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    retry: (failures, error) => !isNotDeployed(error) && failures < 2,
  });
  const tasks = query.data?.pages.flatMap((page) => page.data) ?? [];
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
