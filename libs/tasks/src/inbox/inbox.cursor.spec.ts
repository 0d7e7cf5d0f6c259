import { DomainException } from '@zhiben/platform';
import { decodeCursor, encodeCursor } from './inbox.cursor';

describe('inbox cursor', () => {
  const c = { createdAt: '2026-11-25T04:00:00.123Z', id: '6f1c2a9e-7b3d-4c5e-8f9a-0b1c2d3e4f5a' };

  it('round-trips and is opaque (URL-safe)', () => {
    const raw = encodeCursor(c);
    expect(raw).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(raw)).toEqual(c);
  });

  it.each([
    'garbage',
    Buffer.from('{"a":1}').toString('base64url'),
    Buffer.from(JSON.stringify(['not-a-date', c.id])).toString('base64url'),
    Buffer.from(JSON.stringify([c.createdAt, "x' OR 1=1"])).toString('base64url'),
  ])('rejects %s with a bilingual field error', (raw) => {
    try {
      decodeCursor(raw);
      throw new Error('accepted');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainException);
      expect((e as DomainException).options.errors?.[0]).toMatchObject({ path: 'cursor' });
    }
  });
});
