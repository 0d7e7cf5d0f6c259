/**
 * The part of the contracts that workflow code imports (`@zhiben/contracts/workflow`): constants, ids,
 * message names and types, and nothing that builds zod schemas. Every workflow execution evaluates its
 * imports anew in the worker's sandbox, so schemas here would cost CPU and memory per open case.
 */
export * from './errors';
export * from './hazards';
export * from './org';
export * from './queues';
export * from './roles';
export * from './tasks';
export * from './campaigns-workflow';
export type * from './campaigns';
export * from './enforcement';
export * from './tipline';
