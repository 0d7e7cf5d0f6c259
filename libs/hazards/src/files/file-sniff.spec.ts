import { resolveUploadType, safeFileName, sniffContentType } from './file-sniff';

const bytes = (...b: (number | string)[]) =>
  Uint8Array.from(b.flatMap((x) => (typeof x === 'string' ? [...x].map((c) => c.charCodeAt(0)) : [x])));

const PNG = bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13);
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16, 'JFIF');
const WEBP = bytes('RIFF', 0x24, 0, 0, 0, 'WEBPVP8 ');
const PDF = bytes('%PDF-1.7\n');

describe('upload type sniffing', () => {
  it('recognises the accepted types by magic bytes', () => {
    expect(sniffContentType(PNG)).toBe('image/png');
    expect(sniffContentType(JPEG)).toBe('image/jpeg');
    expect(sniffContentType(WEBP)).toBe('image/webp');
    expect(sniffContentType(PDF)).toBe('application/pdf');
    expect(sniffContentType(bytes('GIF89a'))).toBeNull();
    expect(sniffContentType(bytes('RIFF', 0, 0, 0, 0, 'WAVE'))).toBeNull();
    expect(sniffContentType(bytes('MZ'))).toBeNull();
  });

  it('accepts a matching or generic declaration and rejects a mismatch', () => {
    expect(resolveUploadType('image/png', PNG)).toEqual({ ok: true, type: 'image/png' });
    expect(resolveUploadType('IMAGE/PNG; charset=x', PNG)).toEqual({ ok: true, type: 'image/png' });
    expect(resolveUploadType('image/jpg', JPEG)).toEqual({ ok: true, type: 'image/jpeg' });
    expect(resolveUploadType('application/octet-stream', PDF)).toEqual({ ok: true, type: 'application/pdf' });
    expect(resolveUploadType('image/png', PDF)).toEqual({
      ok: false,
      reason: 'mismatch',
      sniffed: 'application/pdf',
    });
    expect(resolveUploadType('image/png', bytes('<html>'))).toEqual({
      ok: false,
      reason: 'unsupported',
      sniffed: null,
    });
  });

  it('makes file names safe and gives them the sniffed extension', () => {
    expect(safeFileName(encodeURIComponent('现场照片 1.PNG'), 'image/png')).toBe('现场照片 1.png');
    expect(safeFileName('..%2F..%2Fetc%2Fpasswd', 'application/pdf')).toBe('passwd.pdf');
    expect(safeFileName('evil.exe', 'image/jpeg')).toBe('evil.jpg');
    expect(safeFileName(undefined, 'image/webp')).toBe('file.webp');
    expect(safeFileName('%E0%A4%A', 'image/png')).toBe('%E0%A4%A.png');
  });
});
