/**
 * Lists answer either `{ data, total }` (offset pages, as the hazard ledger does) or `{ data,
 * nextCursor }` (keyset pages: no total, an opaque cursor for the next page). react-admin counts pages;
 * this book remembers, per list query, the cursor that leads to each page it has seen, so "next page"
 * sends the cursor the server gave and "previous page" the one it gave before.
 */
export interface ListAnswer<T> {
  data: T[];
  total?: number;
  nextCursor?: string | null;
}

export type ListResult<T> =
  { data: T[]; total: number } | { data: T[]; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean } };

export interface CursorBook {
  /** The cursor for `page` of the list `key`: null for the first page, undefined when not known. */
  cursorFor(key: string, page: number): string | null | undefined;
  /** Reads a list answer for `page`, remembering its next cursor; returns what react-admin expects. */
  read<T>(key: string, page: number, answer: ListAnswer<T>): ListResult<T>;
}

export const createCursorBook = (maxLists = 50): CursorBook => {
  const books = new Map<string, (string | null)[]>();
  return {
    cursorFor(key, page) {
      if (page <= 1) return null;
      return books.get(key)?.[page - 1];
    },
    read(key, page, answer) {
      if (typeof answer.total === 'number' || answer.nextCursor === undefined) {
        return { data: answer.data, total: answer.total ?? answer.data.length };
      }
      let cursors = books.get(key);
      if (!cursors) {
        // Oldest list first out: a long session does not keep every filter it ever tried.
        if (books.size >= maxLists) books.delete(books.keys().next().value as string);
        cursors = [null];
        books.set(key, cursors);
      }
      cursors[page] = answer.nextCursor;
      return {
        data: answer.data,
        pageInfo: { hasNextPage: answer.nextCursor !== null, hasPreviousPage: page > 1 },
      };
    },
  };
};
