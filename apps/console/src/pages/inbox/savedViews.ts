import { useCallback, useEffect, useState } from 'react';
import { INBOX_SORTS, INBOX_VIEWS, type InboxFilters, type InboxSort, type InboxView } from '../../types';

/** A named combination of tab, filters and sort the user wants back with one click. */
export interface SavedView {
  id: string;
  name: string;
  view: InboxView;
  filters: InboxFilters;
  sort: InboxSort;
}

const MAX_SAVED_VIEWS = 20;

/**
 * Saved views live in localStorage under the user's name, outside react-admin's store: that store is
 * cleared on logout, and a saved view is meant to outlive the session (like the language choice).
 */
const storageKey = (username: string): string => `zhiben.inbox.savedViews.${username}`;

const isSavedView = (value: unknown): value is SavedView => {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<SavedView>;
  return (
    typeof candidate.id === 'string' &&
    typeof candidate.name === 'string' &&
    (INBOX_VIEWS as readonly unknown[]).includes(candidate.view) &&
    (INBOX_SORTS as readonly unknown[]).includes(candidate.sort) &&
    typeof candidate.filters === 'object' &&
    candidate.filters !== null
  );
};

const read = (username: string): SavedView[] => {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(storageKey(username)) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isSavedView) : [];
  } catch {
    return [];
  }
};

const write = (username: string, views: SavedView[]): void => {
  try {
    localStorage.setItem(storageKey(username), JSON.stringify(views));
  } catch {
    // Storage may be full or refused (private browsing): the views then last for this page only.
  }
};

export interface SavedViews {
  views: SavedView[];
  save: (view: Omit<SavedView, 'id'>) => void;
  remove: (id: string) => void;
}

export const useSavedViews = (username: string | undefined): SavedViews => {
  const [views, setViews] = useState<SavedView[]>([]);
  useEffect(() => {
    setViews(username ? read(username) : []);
  }, [username]);

  const update = useCallback(
    (next: (current: SavedView[]) => SavedView[]) => {
      if (!username) return;
      setViews((current) => {
        const updated = next(current);
        write(username, updated);
        return updated;
      });
    },
    [username],
  );

  return {
    views,
    // Saving under an existing name replaces that view, so "save" also means "update".
    save: (view) =>
      update((current) =>
        [{ ...view, id: crypto.randomUUID() }, ...current.filter((v) => v.name !== view.name)].slice(
          0,
          MAX_SAVED_VIEWS,
        ),
      ),
    remove: (id) => update((current) => current.filter((v) => v.id !== id)),
  };
};
