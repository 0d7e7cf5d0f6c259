import { Module } from '@nestjs/common';
import { CalendarController } from './calendar/calendar.controller';
import { EnterprisesController } from './enterprises/enterprises.controller';
import { EnterprisesService } from './enterprises/enterprises.service';
import { JurisdictionService } from './jurisdiction/jurisdiction.service';
import { MeController } from './me.controller';
import { OrgUnitsController } from './org-units/org-units.controller';
import { OrgUnitsService } from './org-units/org-units.service';
import { UsersController } from './users/users.controller';
import { CalendarOverrideEntity } from './calendar/calendar-override.entity';
import { EnterpriseEntity } from './enterprises/enterprise.entity';
import { OrgUnitEntity } from './org-units/org-unit.entity';
import { UserAssignmentEntity } from './users/user-assignment.entity';
import { DirectoryInit1764000000000 } from './migrations/1764000000000-directory-init';

export const DIRECTORY_SCHEMA = 'directory';
export const DIRECTORY_ENTITIES = [
  OrgUnitEntity,
  EnterpriseEntity,
  UserAssignmentEntity,
  CalendarOverrideEntity,
];
export const DIRECTORY_MIGRATIONS = [DirectoryInit1764000000000];

@Module({
  controllers: [MeController, OrgUnitsController, EnterprisesController, CalendarController, UsersController],
  providers: [JurisdictionService, OrgUnitsService, EnterprisesService],
  exports: [JurisdictionService],
})
export class DirectoryModule {}
