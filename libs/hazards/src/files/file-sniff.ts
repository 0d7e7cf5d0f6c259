/** Evidence file types the ledger accepts, recognised by their magic bytes (never by the header alone). */
export const UPLOAD_TYPES = {
  'image/jpeg': { ext: 'jpg', zh: 'JPEG 图片' },
  'image/png': { ext: 'png', zh: 'PNG 图片' },
  'image/webp': { ext: 'webp', zh: 'WebP 图片' },
  'application/pdf': { ext: 'pdf', zh: 'PDF 文档' },
} as const;
export type UploadType = keyof typeof UPLOAD_TYPES;

/** Bytes needed to recognise every accepted type. */
export const SNIFF_BYTES = 16;

const startsWith = (buf: Uint8Array, sig: number[], at = 0) => sig.every((b, i) => buf[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

export function sniffContentType(head: Uint8Array): UploadType | null {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(head, ascii('%PDF-'))) return 'application/pdf';
  return null;
}

/** The declared media type without parameters, lower-cased (`image/PNG; x=y` → `image/png`). */
export function baseMediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0].trim().toLowerCase();
}

/**
 * Checks the declared type against the bytes. `application/octet-stream` (or no type) defers to the
 * bytes; any other declaration must match them.
 */
export function resolveUploadType(
  declared: string | undefined,
  head: Uint8Array,
):
  | { ok: true; type: UploadType }
  | { ok: false; reason: 'unsupported' | 'mismatch'; sniffed: UploadType | null } {
  const sniffed = sniffContentType(head);
  const base = baseMediaType(declared);
  const normalised = base === 'image/jpg' || base === 'image/pjpeg' ? 'image/jpeg' : base;
  if (!sniffed) return { ok: false, reason: 'unsupported', sniffed };
  if (normalised && normalised !== 'application/octet-stream' && normalised !== sniffed) {
    return { ok: false, reason: 'mismatch', sniffed };
  }
  return { ok: true, type: sniffed };
}

/**
 * A safe display name from the client's (percent-encoded UTF-8) file name: no path, no control
 * characters, at most 200 characters; the extension follows the sniffed type.
 */
export function safeFileName(raw: string | undefined, type: UploadType): string {
  let name = '';
  try {
    name = decodeURIComponent(raw ?? '');
  } catch {
    name = raw ?? '';
  }
  name = name
    .split(/[\\/]/)
    .pop()!
    .replace(/\p{Cc}/gu, '')
    .replace(/["<>|:*?]/g, '')
    .trim();
  const ext = UPLOAD_TYPES[type].ext;
  const stem = name.replace(/\.[^.]*$/, '').slice(0, 190) || 'file';
  return `${stem}.${ext}`;
}
