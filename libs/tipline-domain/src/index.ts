export * from './reward';
export * from './claim-code';
