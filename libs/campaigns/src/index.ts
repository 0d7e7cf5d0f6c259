export * from './activities/campaigns.activities';
export * from './campaigns.module';
export * from './entities';
export * from './scope/campaign-scope';
