import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import type { Type } from '@nestjs/common';
import { IS_PUBLIC_KEY, ROLES_KEY } from './decorators';

export interface RouteDeclaration {
  controller: string;
  handler: string;
  method: string;
  path: string;
  access: 'public' | 'roles' | 'undeclared';
  roles: string[];
}

/** Lists every route handler of the given controllers with its declared access policy. */
export function auditRoutes(controllers: Type[]): RouteDeclaration[] {
  const out: RouteDeclaration[] = [];
  for (const ctrl of controllers) {
    const proto = ctrl.prototype as Record<string, unknown>;
    const base = (Reflect.getMetadata(PATH_METADATA, ctrl) as string | undefined) ?? '';
    for (const name of Object.getOwnPropertyNames(proto)) {
      if (name === 'constructor') continue;
      const fn = proto[name];
      if (typeof fn !== 'function') continue;
      const path = Reflect.getMetadata(PATH_METADATA, fn) as string | undefined;
      if (path === undefined) continue;
      const method = Reflect.getMetadata(METHOD_METADATA, fn) as RequestMethod;
      const isPublic = Boolean(
        Reflect.getMetadata(IS_PUBLIC_KEY, fn) ?? Reflect.getMetadata(IS_PUBLIC_KEY, ctrl),
      );
      const roles = (Reflect.getMetadata(ROLES_KEY, fn) ??
        Reflect.getMetadata(ROLES_KEY, ctrl) ??
        []) as string[];
      out.push({
        controller: ctrl.name,
        handler: name,
        method: RequestMethod[method],
        path: `/${base}/${path}`.replace(/\/+/g, '/').replace(/(.)\/$/, '$1'),
        access: isPublic ? 'public' : roles.length > 0 ? 'roles' : 'undeclared',
        roles,
      });
    }
  }
  return out;
}

type ModuleDef = Type | { module: Type; imports?: unknown[]; controllers?: Type[] };

/** Every controller reachable from a (dynamic) module through its imports. */
export function collectControllers(root: ModuleDef): Type[] {
  const seen = new Set<unknown>();
  const out = new Set<Type>();
  const visit = (def: unknown) => {
    if (!def || seen.has(def)) return;
    seen.add(def);
    const isDynamic = typeof def === 'object' && def !== null && 'module' in def;
    const cls = (isDynamic ? (def as { module: Type }).module : def) as Type;
    const dyn = isDynamic ? (def as { imports?: unknown[]; controllers?: Type[] }) : {};
    for (const c of [
      ...((Reflect.getMetadata('controllers', cls) as Type[]) ?? []),
      ...(dyn.controllers ?? []),
    ]) {
      out.add(c);
    }
    for (const i of [...((Reflect.getMetadata('imports', cls) as unknown[]) ?? []), ...(dyn.imports ?? [])])
      visit(i);
  };
  visit(root);
  return [...out];
}
