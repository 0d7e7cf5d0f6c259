import { DomainException } from '@zhiben/platform';
import { checkAttachment } from './attachment.rules';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const PDF = Buffer.from('%PDF-1.7\n...');

const fails = (fn: () => unknown, path: string) => {
  try {
    fn();
    throw new Error('accepted');
  } catch (e) {
    expect(e).toBeInstanceOf(DomainException);
    expect((e as DomainException).options.errors?.[0].path).toBe(path);
  }
};

describe('checkAttachment', () => {
  it('accepts known types whose bytes match, normalising the content type', () => {
    expect(checkAttachment('照片.png', 'image/png', PNG)).toBe('image/png');
    expect(checkAttachment('通知.pdf', 'Application/PDF; charset=binary', PDF)).toBe('application/pdf');
  });

  it('rejects unknown types, mismatched bytes, empty and oversized files', () => {
    fails(() => checkAttachment('a.exe', 'application/x-msdownload', PNG), 'content-type');
    fails(() => checkAttachment('a.pdf', 'application/pdf', PNG), 'content-type');
    fails(() => checkAttachment('a.png', 'image/png', Buffer.alloc(0)), '(body)');
    fails(
      () => checkAttachment('a.png', 'image/png', Buffer.concat([PNG, Buffer.alloc(2048)]), 1024),
      '(body)',
    );
  });

  it('requires a plain file name', () => {
    for (const name of [undefined, '', '../etc/passwd', 'a\\b.png', 'a\nb.png', 'x'.repeat(201)]) {
      fails(() => checkAttachment(name, 'image/png', PNG), 'x-file-name');
    }
  });
});
