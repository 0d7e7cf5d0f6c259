// The worker's single workflow entry: every context's workflows, bundled together.
export * from './platform/src';
export * from './tasks-probe/src';
export * from './hazards/src';
export * from './campaigns/src';
export * from './enforcement/src';
export * from './tipline/src';
