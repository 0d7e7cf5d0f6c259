import { createParamDecorator, type ExecutionContext, ParseUUIDPipe } from '@nestjs/common';
import { DomainException } from '@zhiben/platform';
import type { Request } from 'express';
import { createHash } from 'node:crypto';

/**
 * The caller's raw bearer token (already verified by the global AuthGuard), forwarded to the directory
 * and the hazards service so that their jurisdiction rules apply to reads and writes on the caller's behalf.
 */
export const BearerToken = createParamDecorator((_: unknown, ctx: ExecutionContext): string => {
  const header = ctx.switchToHttp().getRequest<Request>().header('authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new DomainException('UNAUTHENTICATED', { detail: 'Missing bearer token' });
  return match[1];
});

/** `:id` path parameters: a malformed id is a 400 with a bilingual field error, not a 500 or a 404. */
export const uuidPipe = new ParseUUIDPipe({
  exceptionFactory: () => DomainException.field('id', 'ID 须为合法的 UUID', 'The id must be a UUID'),
});

/** Idempotency-Key: printable ASCII, at most 200 characters. */
export function checkIdempotencyKey(key: string | undefined): string | null {
  if (key === undefined || key === '') return null;
  if (!/^[\x21-\x7e]{1,200}$/.test(key)) {
    throw DomainException.field(
      'Idempotency-Key',
      '幂等键须为 1～200 个可见 ASCII 字符',
      'Idempotency-Key must be 1–200 printable ASCII characters',
    );
  }
  return key;
}

export function requestHash(body: unknown): string {
  return createHash('sha256').update(JSON.stringify(body)).digest('hex');
}

export function idempotencyConflict(): DomainException {
  return new DomainException('CONFLICT', {
    detail: 'Idempotency-Key reused with a different request body',
    messageZh: '该幂等键已用于内容不同的请求',
    messageEn: 'This Idempotency-Key was already used for a different request',
    errors: [
      {
        path: 'Idempotency-Key',
        messageZh: '该幂等键已用于内容不同的请求',
        messageEn: 'Already used for a different request',
      },
    ],
  });
}

export const likeContains = (s: string) => `%${s.replace(/[%_\\]/g, '\\$&')}%`;

// ------------------------------------------------------------------------------------- pagination
/** Opaque keyset cursor over (created_at, id) in the list's order. */
export function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(JSON.stringify([createdAt.toISOString(), id])).toString('base64url');
}

export function decodeCursor(raw: string): { createdAt: string; id: string } {
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

export interface KeysetPage<T> {
  data: T[];
  total: number;
  /** Pass as `cursor` to read the next page; null on the last page. */
  nextCursor: string | null;
}

/**
 * Runs a list query with a total and keyset pagination over (created_at, id): with `cursor` the page
 * starts after that row (no OFFSET); without it `page` gives a plain offset (react-admin's pages).
 */
export async function keysetPage<T extends { createdAt: Date; id: string }>(
  qb: import('typeorm').SelectQueryBuilder<T>,
  alias: string,
  q: { cursor?: string; page: number; perPage: number; order: 'ASC' | 'DESC' },
): Promise<{ rows: T[]; total: number; nextCursor: string | null }> {
  const total = await qb.getCount();
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    const cmp = q.order === 'ASC' ? '>' : '<';
    qb.andWhere(`(${alias}.created_at, ${alias}.id) ${cmp} (:cursorAt::timestamptz, :cursorId::uuid)`, {
      cursorAt: c.createdAt,
      cursorId: c.id,
    });
  } else {
    qb.offset((q.page - 1) * q.perPage);
  }
  const rows = await qb
    .orderBy(`${alias}.created_at`, q.order)
    .addOrderBy(`${alias}.id`, q.order)
    .limit(q.perPage)
    .getMany();
  const last = rows[rows.length - 1];
  return {
    rows,
    total,
    nextCursor: rows.length === q.perPage && last ? encodeCursor(last.createdAt, last.id) : null,
  };
}

/**
 * Date order: when `value` is an instant before `earlier` (a date recorded at an earlier step), adds a
 * bilingual field error naming both dates.
 */
export function isoAfter(
  errors: { path: string; messageZh: string; messageEn: string }[],
  path: string,
  value: unknown,
  earlier: Date | string | null | undefined,
  zhWhat: string,
  enWhat: string,
): void {
  if (typeof value !== 'string' || !earlier) return;
  const before = earlier instanceof Date ? earlier : new Date(earlier);
  const at = new Date(value);
  if (Number.isNaN(at.getTime()) || Number.isNaN(before.getTime())) return;
  // People enter times to the minute (datetime-local): the same minute as the earlier event is not before it.
  const minute = Math.floor(before.getTime() / 60_000) * 60_000;
  if (at.getTime() < minute) {
    const shown = `${new Date(before.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')}`;
    errors.push({
      path,
      messageZh: `日期不能早于${zhWhat}（北京时间 ${shown}）`,
      messageEn: `The date cannot be before ${enWhat} (${shown}, Beijing time)`,
    });
  }
}
