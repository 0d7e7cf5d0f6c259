import { DomainException } from '@zhiben/platform';

/** Opaque keyset cursor over (created_at DESC, id DESC); no OFFSET, no exact counts. */
export interface InboxCursor {
  createdAt: string;
  id: string;
}

export function encodeCursor(c: InboxCursor): string {
  return Buffer.from(JSON.stringify([c.createdAt, c.id])).toString('base64url');
}

export function decodeCursor(raw: string): InboxCursor {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as [string, string];
    if (typeof createdAt !== 'string' || Number.isNaN(Date.parse(createdAt)) || !/^[0-9a-f-]{36}$/.test(id)) {
      throw new Error('shape');
    }
    return { createdAt, id };
  } catch {
    throw DomainException.field('cursor', '分页游标无效', 'Invalid pagination cursor');
  }
}
