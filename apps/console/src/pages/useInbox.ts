import { useCallback, useEffect, useRef, useState } from 'react';
import { useDataProvider } from 'react-admin';
import { isHttpError } from '../providers/httpClient';
import type { ConsoleDataProvider } from '../providers/dataProvider';
import type { InboxView, Task } from '../types';

export const INBOX_PAGE_SIZE = 25;

/**
 * Statuses that mean "the task service is not deployed here yet" rather than "something broke":
 * the inbox then shows its empty state with a note instead of an error.
 */
const NOT_DEPLOYED_STATUSES = new Set([404, 501, 502, 503, 504]);

export type InboxStatus = 'loading' | 'ready' | 'loadingMore' | 'unavailable' | 'error';

export interface InboxState {
  tasks: Task[];
  nextCursor: string | null;
  status: InboxStatus;
  error: string | null;
}

const initialState: InboxState = { tasks: [], nextCursor: null, status: 'loading', error: null };

/**
 * Keyset-paginated inbox: the server returns an opaque cursor and no total, so the list only grows
 * with "load more" and restarts when the view changes.
 */
export const useInbox = (view: InboxView) => {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const [state, setState] = useState<InboxState>(initialState);
  const inFlight = useRef<AbortController | null>(null);

  const fetchPage = useCallback(
    async (cursor: string | null) => {
      inFlight.current?.abort();
      const controller = new AbortController();
      inFlight.current = controller;
      setState((previous) =>
        cursor === null ? initialState : { ...previous, status: 'loadingMore', error: null },
      );
      try {
        const page = await dataProvider.getInbox({
          view,
          limit: INBOX_PAGE_SIZE,
          cursor,
          signal: controller.signal,
        });
        if (controller.signal.aborted) return;
        setState((previous) => ({
          tasks: cursor === null ? page.data : [...previous.tasks, ...page.data],
          nextCursor: page.nextCursor,
          status: 'ready',
          error: null,
        }));
      } catch (error) {
        if (controller.signal.aborted) return;
        const notDeployed = cursor === null && isHttpError(error) && NOT_DEPLOYED_STATUSES.has(error.status);
        setState((previous) => ({
          ...previous,
          status: notDeployed ? 'unavailable' : 'error',
          error: error instanceof Error ? error.message : String(error),
        }));
      }
    },
    [dataProvider, view],
  );

  useEffect(() => {
    void fetchPage(null);
    return () => inFlight.current?.abort();
  }, [fetchPage]);

  const loadMore = useCallback(() => {
    if (state.nextCursor !== null) void fetchPage(state.nextCursor);
  }, [fetchPage, state.nextCursor]);

  const reload = useCallback(() => void fetchPage(null), [fetchPage]);

  return { ...state, loadMore, reload };
};
