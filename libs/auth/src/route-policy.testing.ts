import type { DynamicModule } from '@nestjs/common';
import { auditRoutes, collectControllers, type RouteDeclaration } from './route.audit';

/**
 * The shared route-policy checks every service's spec runs: nothing undeclared, public routes
 * limited to the listed ones. Returns the routes for service-specific assertions.
 */
export function routePolicy(root: DynamicModule, allowedPublic: string[] = ['/health', '/ready']) {
  const routes: RouteDeclaration[] = auditRoutes(collectControllers(root));
  return {
    routes,
    undeclared: routes.filter((r) => r.access === 'undeclared'),
    unexpectedPublic: routes.filter((r) => r.access === 'public' && !allowedPublic.includes(r.path)),
  };
}
