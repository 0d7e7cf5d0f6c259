export * from './activities/enforcement.activities';
export * from './enforcement.module';
export * from './entities';
export * from './rules/rules.service';
export * from './workflow/workflow-starter';
export * from './figures/enforcement-figures';
