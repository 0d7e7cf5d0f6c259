import { type CanActivate, type ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainException, requestContext } from '@zhiben/platform';
import type { Request } from 'express';
import { ANY_ROLE, IS_PUBLIC_KEY, ROLES_KEY } from './decorators';
import { hasAnyRole, type Principal } from './principal';
import { InvalidTokenError, TokenVerifier } from './token.verifier';

/**
 * Global, enforcing guard: a handler is reachable only if it is declared @Public or names the
 * roles allowed (@Roles / @Authenticated). An undeclared handler is refused, never opened.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger('AuthGuard');

  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, targets)) return true;
    const roles = this.reflector.getAllAndOverride<string[] | undefined>(ROLES_KEY, targets);

    const req = context.switchToHttp().getRequest<Request & { principal?: Principal }>();
    const header = req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new DomainException('UNAUTHENTICATED', { detail: 'Missing bearer token' });
    let principal: Principal;
    try {
      principal = await this.verifier.verify(match[1]);
    } catch (e) {
      if (e instanceof InvalidTokenError) {
        throw new DomainException('UNAUTHENTICATED', { detail: `Invalid token: ${e.message}` });
      }
      throw e;
    }
    req.principal = principal;
    const store = requestContext.getStore();
    if (store) store.username = principal.username;

    if (!roles || roles.length === 0) {
      this.logger.error(`Handler ${context.getClass().name}.${context.getHandler().name} declares no roles`);
      throw new DomainException('FORBIDDEN', { detail: 'Endpoint declares no access policy' });
    }
    if (roles.includes(ANY_ROLE) || hasAnyRole(principal, roles)) return true;
    throw new DomainException('FORBIDDEN', { detail: `Requires one of the roles: ${roles.join(', ')}` });
  }
}
