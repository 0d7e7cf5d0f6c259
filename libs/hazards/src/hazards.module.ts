import { Module } from '@nestjs/common';

export const HAZARDS_SCHEMA = 'hazards';
export const HAZARDS_ENTITIES: never[] = [];
export const HAZARDS_MIGRATIONS: never[] = [];

/** The hazard ledger context (issue 3). */
@Module({})
export class HazardsModule {}
