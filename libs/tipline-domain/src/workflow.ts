/**
 * The part of `@zhiben/tipline-domain` that workflow code imports (`@zhiben/tipline-domain/workflow`): the
 * reward computation. No zod, no claim-code helpers (the workflow never sees codes or passwords).
 */
export * from './reward';
