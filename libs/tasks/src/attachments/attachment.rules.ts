import { DomainException } from '@zhiben/platform';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

const startsWith = (sig: number[]) => (b: Buffer) => sig.every((v, i) => b[i] === v);
const ZIP = startsWith([0x50, 0x4b, 0x03, 0x04]);
const OLE = startsWith([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** Accepted attachment types (evidence photos, scanned documents, office files) and their signatures. */
export const ATTACHMENT_TYPES: Record<string, (bytes: Buffer) => boolean> = {
  'application/pdf': startsWith([0x25, 0x50, 0x44, 0x46]),
  'image/png': startsWith([0x89, 0x50, 0x4e, 0x47]),
  'image/jpeg': startsWith([0xff, 0xd8, 0xff]),
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ZIP,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ZIP,
  'application/msword': OLE,
  'application/vnd.ms-excel': OLE,
  'text/plain': (b) => !b.includes(0),
};

/**
 * Checks an upload: a name, an allowed type whose bytes look like that type, and a size limit.
 * Returns the normalised content type.
 */
export function checkAttachment(
  name: string | undefined,
  contentType: string | undefined,
  bytes: Buffer | undefined,
  maxBytes = MAX_ATTACHMENT_BYTES,
): string {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (!name || name.length > 200 || /[/\\]/.test(name) || [...name].some((ch) => ch.charCodeAt(0) < 0x20)) {
    throw DomainException.field(
      'x-file-name',
      '请在 X-File-Name 头中提供文件名（URL 编码，不超过 200 字，不含路径）',
      'Provide the file name in the X-File-Name header (URL-encoded, at most 200 characters, no path)',
    );
  }
  const sniff = ATTACHMENT_TYPES[type];
  if (!sniff) {
    throw DomainException.field(
      'content-type',
      `不支持的文件类型：${type || '（空）'}；支持 PDF、PNG、JPEG、Word、Excel、纯文本`,
      `Unsupported file type: ${type || '(none)'}; PDF, PNG, JPEG, Word, Excel and plain text are accepted`,
    );
  }
  if (!bytes || bytes.length === 0) {
    throw DomainException.field('(body)', '文件为空', 'The file is empty');
  }
  if (bytes.length > maxBytes) {
    throw DomainException.field(
      '(body)',
      `文件超过 ${Math.floor(maxBytes / 1048576)} MB 上限`,
      `The file exceeds the ${Math.floor(maxBytes / 1048576)} MB limit`,
    );
  }
  if (!sniff(bytes)) {
    throw DomainException.field(
      'content-type',
      `文件内容与声明的类型 ${type} 不符`,
      `The file content does not match the declared type ${type}`,
    );
  }
  return type;
}
