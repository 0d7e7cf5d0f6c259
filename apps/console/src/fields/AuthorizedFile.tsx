import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';

/**
 * Files behind the API need the bearer token, which `<img src>` and plain links cannot send: the
 * bytes are fetched with it and shown through an object URL, released when no longer shown.
 */
export const useObjectUrl = (
  key: readonly unknown[],
  load: (signal: AbortSignal) => Promise<Blob>,
  enabled = true,
): { url: string | null; isPending: boolean; isError: boolean } => {
  const { data, isPending, isError } = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => load(signal),
    enabled,
    staleTime: Infinity,
    retry: false,
  });
  const url = useMemo(() => (data ? URL.createObjectURL(data) : null), [data]);
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  return { url, isPending: enabled && isPending, isError };
};

/** Saves a fetched file under its own name. */
export const downloadBlob = (blob: Blob, fileName: string): void => {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
};
