/**
 * The part of `@zhiben/campaigns` that workflow code imports (`@zhiben/campaigns-domain/workflow`): due dates,
 * stage state and duty periods. No seed data and no zod schemas (types from the contracts only), because
 * every workflow execution evaluates its imports anew in the worker's sandbox.
 */
export * from './schedule';
export * from './stages';
export * from './duties';
