import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { DomainException } from '@zhiben/platform';
import type { Request } from 'express';

/** The caller's verified bearer token, forwarded to the directory so its jurisdiction rules apply. */
export const BearerToken = createParamDecorator((_: unknown, ctx: ExecutionContext): string => {
  const header = ctx.switchToHttp().getRequest<Request>().header('authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new DomainException('UNAUTHENTICATED', { detail: 'Missing bearer token' });
  return match[1];
});
