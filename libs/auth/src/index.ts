export * from './auth.guard';
export * from './auth.module';
export * from './decorators';
export * from './principal';
export * from './route.audit';
export * from './token.verifier';
export * from './route-policy.testing';
