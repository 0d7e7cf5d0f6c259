import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser, type Principal } from '@zhiben/auth';
import { SECTORS } from '@zhiben/contracts';
import { DataSource } from 'typeorm';
import { EnterpriseEntity } from './enterprises/enterprise.entity';
import { OrgUnitEntity } from './org-units/org-unit.entity';

@ApiTags('me')
@ApiBearerAuth()
@Controller()
export class MeController {
  constructor(private readonly ds: DataSource) {}

  /** Who the caller is, with their org unit and enterprise resolved from the directory. */
  @Get('me')
  @Authenticated()
  async me(@CurrentUser() user: Principal) {
    const unit = user.orgUnitCode
      ? await this.ds.getRepository(OrgUnitEntity).findOneBy({ code: user.orgUnitCode })
      : null;
    const ent = user.enterpriseCreditCode
      ? await this.ds.getRepository(EnterpriseEntity).findOneBy({ creditCode: user.enterpriseCreditCode })
      : null;
    return {
      username: user.username,
      name: user.name,
      roles: user.roles,
      orgUnit: unit ? { id: unit.id, code: unit.code, name: unit.name, kind: unit.kind } : null,
      enterprise: ent ? { id: ent.id, creditCode: ent.creditCode, name: ent.name } : null,
    };
  }

  /** The sector catalogue (行业领域). */
  @Get('sectors')
  @Authenticated()
  sectors() {
    return { data: SECTORS };
  }
}
