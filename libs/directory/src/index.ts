export * from './directory.activities';
export * from './directory.module';
export * from './jurisdiction/jurisdiction.service';
export * from './seed/seed.loader';
export { OrgUnitEntity } from './org-units/org-unit.entity';
export { EnterpriseEntity } from './enterprises/enterprise.entity';
