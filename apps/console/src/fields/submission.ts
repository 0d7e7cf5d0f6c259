import { useCallback, useRef } from 'react';
import type { HttpError } from 'react-admin';
import { isHttpError } from '../providers/httpClient';
import type { ProblemErrorBody } from '../providers/problem';

/**
 * How a rejected submission reaches a react-admin form: field errors (from the problem's `errors`) go
 * next to their inputs, the overall message to `root.serverError`. react-admin's `Form` applies what
 * `onSubmit` returns.
 */
export const submissionErrors = (error: unknown): Record<string, unknown> => {
  const body = isHttpError(error) ? ((error as HttpError).body as ProblemErrorBody | undefined) : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return { ...(body?.errors ?? {}), root: { serverError: message } };
};

/** Optional text left empty is left out rather than sent as "" (the API rejects empty strings). */
export const pruneEmpty = <T>(value: T): T => {
  if (Array.isArray(value)) return value.map((item) => pruneEmpty(item) as unknown) as T;
  if (typeof value !== 'object' || value === null) {
    return (typeof value === 'string' ? value.trim() : value) as T;
  }
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const pruned = pruneEmpty(item);
    if (pruned === '' || pruned === null || pruned === undefined) continue;
    if (typeof pruned === 'object' && !Array.isArray(pruned) && Object.keys(pruned).length === 0) continue;
    result[key] = pruned;
  }
  return result as T;
};

/**
 * Idempotency keys for a form: the same content submitted again (a retry after a timeout or a 5xx)
 * reuses its key, so the server records it once; changed content is a new submission with a new key.
 */
export const useIdempotencyKey = (): ((payload: unknown) => string) => {
  const last = useRef<{ content: string; key: string } | null>(null);
  return useCallback((payload: unknown) => {
    const content = JSON.stringify(payload);
    if (last.current?.content !== content) last.current = { content, key: crypto.randomUUID() };
    return last.current.key;
  }, []);
};
