import { HttpError } from 'react-admin';
import type { Problem } from '../types';
import type { ConsoleLocale } from './i18nProvider';

/**
 * Field paths arrive as JSON pointers (`/creditCode`, `/sectors/0`) or dotted paths; react-hook-form
 * wants dotted names.
 */
const toFieldName = (path: string): string => path.replace(/^\//, '').replace(/\//g, '.');

const isProblem = (value: unknown): value is Problem =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Problem).status === 'number' &&
  (typeof (value as Problem).messageZh === 'string' || typeof (value as Problem).title === 'string');

const localised = (
  zh: string | undefined,
  en: string | undefined,
  locale: ConsoleLocale,
): string | undefined => (locale === 'en' ? (en ?? zh) : (zh ?? en));

/**
 * The body react-admin reads on a rejected save: `errors` maps each field to its message (shown next to
 * the input) and `root.serverError` carries the overall message for the "form invalid" notification.
 */
export interface ProblemErrorBody {
  problem: Problem | null;
  errors?: Record<string, string | { serverError: string }>;
  correlationId?: string;
}

/** Maps a non-2xx response body to a react-admin HttpError whose message is in the user's language. */
export const problemToHttpError = (
  status: number,
  body: unknown,
  locale: ConsoleLocale,
  translate: (key: string, options?: Record<string, unknown>) => string,
): HttpError => {
  if (!isProblem(body)) {
    const key = status === 0 ? 'zhiben.errors.network' : 'ra.notification.http_error';
    return new HttpError(translate(key), status, { problem: null } satisfies ProblemErrorBody);
  }
  const base = localised(body.messageZh, body.messageEn, locale) ?? body.title;
  // Support staff find the request in the logs by its correlation id; users only need it on server faults.
  const message =
    status >= 500 && body.correlationId
      ? translate('zhiben.errors.correlation', { message: base, correlationId: body.correlationId })
      : base;
  const result: ProblemErrorBody = { problem: body, correlationId: body.correlationId };
  if (body.errors && body.errors.length > 0) {
    const errors: Record<string, string | { serverError: string }> = {};
    for (const fieldError of body.errors) {
      const name = toFieldName(fieldError.path);
      const fieldMessage = localised(fieldError.messageZh, fieldError.messageEn, locale) ?? base;
      // `(body)` marks a problem with the request as a whole; it has no input to sit next to.
      if (name === '' || name === 'root' || name.startsWith('(')) continue;
      errors[name] = fieldMessage;
    }
    errors.root = { serverError: message };
    result.errors = errors;
  }
  return new HttpError(message, status, result);
};
