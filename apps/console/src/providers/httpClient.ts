import type { HttpError } from 'react-admin';
import type { ConsoleLocale } from './i18nProvider';
import { problemToHttpError } from './problem';

export type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Record<string, QueryValue>;
  /** JSON-serialised, except FormData and Blob/File (uploads), which are sent as they are. */
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** Same-origin JSON client for the gateway; every call carries a fresh bearer token. */
export interface HttpClient {
  request<T>(path: string, options?: RequestOptions): Promise<T>;
  /** Downloads a file (evidence photos, attachments): `<img>` cannot send the bearer token itself. */
  requestBlob(path: string, signal?: AbortSignal): Promise<Blob>;
}

export interface HttpClientDeps {
  /** Absent for the public pages (tip form, status page): their calls carry no bearer token. */
  getToken?: () => Promise<string>;
  getLocale: () => ConsoleLocale;
  translate: (key: string, options?: Record<string, unknown>) => string;
}

/** Empty values are left out so that an unset filter means "no filter"; lists become `a,b,c`. */
export const toQueryString = (query: Record<string, QueryValue> = {}): string => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length > 0) params.set(key, value.join(','));
      continue;
    }
    params.set(key, String(value));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
};

const readBody = async (response: Response): Promise<unknown> => {
  if (response.status === 204) return null;
  const text = await response.text();
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
};

export const createHttpClient = ({ getToken, getLocale, translate }: HttpClientDeps): HttpClient => {
  const send = async (
    path: string,
    { method = 'GET', query, body, headers: extraHeaders, signal }: RequestOptions,
    accept: string,
  ): Promise<Response> => {
    const token = getToken ? await getToken() : null;
    const raw = body instanceof FormData || body instanceof Blob;
    const headers: Record<string, string> = {
      ...extraHeaders,
      Accept: accept,
      'Accept-Language': getLocale(),
    };
    if (token !== null) headers.Authorization = `Bearer ${token}`;
    // Uploads: the browser sets a multipart Content-Type itself (with the boundary); a raw file
    // carries the type the caller passes in `headers`.
    if (body !== undefined && !raw) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(`${path}${toQueryString(query)}`, {
        method,
        headers,
        body: body === undefined ? undefined : raw ? (body as BodyInit) : JSON.stringify(body),
        signal,
        credentials: getToken ? 'same-origin' : 'omit',
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw problemToHttpError(0, null, getLocale(), translate);
    }
    if (!response.ok) {
      throw problemToHttpError(response.status, await readBody(response), getLocale(), translate);
    }
    return response;
  };

  return {
    async request<T>(path: string, options: RequestOptions = {}): Promise<T> {
      const response = await send(path, options, 'application/json, application/problem+json');
      return (await readBody(response)) as T;
    },
    async requestBlob(path: string, signal?: AbortSignal): Promise<Blob> {
      const response = await send(path, { signal }, '*/*');
      return response.blob();
    },
  };
};

export const isHttpError = (error: unknown): error is HttpError =>
  error instanceof Error && typeof (error as HttpError).status === 'number';
