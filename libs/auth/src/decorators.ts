import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@zhiben/contracts';
import type { Principal } from './principal';

export const IS_PUBLIC_KEY = 'zhiben:auth:public';
export const ROLES_KEY = 'zhiben:auth:roles';
export const ANY_ROLE = '*';

/** Deliberately public endpoint (health checks, tip intake). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC_KEY, true);

/** Endpoint open to any of these realm roles. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);

/** Endpoint open to every authenticated user; data scoping still applies. */
export const Authenticated = (): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, [ANY_ROLE]);

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const req = ctx.switchToHttp().getRequest<{ principal?: Principal }>();
  if (!req.principal) throw new Error('CurrentUser used on a public route');
  return req.principal;
});
