import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type Principal, Roles } from '@zhiben/auth';
import { userAssignmentSchema } from '@zhiben/contracts';
import { DomainException, openApiSchema, ZodPipe } from '@zhiben/platform';
import { DataSource } from 'typeorm';
import type { z } from 'zod';
import { EnterpriseEntity } from '../enterprises/enterprise.entity';
import { JurisdictionService } from '../jurisdiction/jurisdiction.service';
import { OrgUnitEntity } from '../org-units/org-unit.entity';
import { UserAssignmentEntity } from './user-assignment.entity';

/** User ↔ org unit assignments (the token's `org_unit` claim is set in Keycloak to match). */
@ApiTags('users 用户归属')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(
    private readonly ds: DataSource,
    private readonly jurisdiction: JurisdictionService,
  ) {}

  @Get()
  @Roles('admin', 'sys-admin', 'auditor')
  async list(@CurrentUser() user: Principal) {
    const scope = await this.jurisdiction.scopeOf(user);
    if (scope.kind !== 'subtree') return { data: [], total: 0 };
    const rows = (await this.ds.query(
      `SELECT a.username, a.org_unit_id AS "orgUnitId", ou.code AS "orgUnitCode", ou.name AS "orgUnitName",
              a.enterprise_id AS "enterpriseId", a.updated_at AS "updatedAt"
         FROM directory.user_assignments a JOIN directory.org_units ou ON ou.id = a.org_unit_id
        WHERE ou.path LIKE $1 ORDER BY a.username`,
      [`${scope.rootPath}%`],
    )) as unknown[];
    return { data: rows, total: rows.length };
  }

  @Put(':username')
  @Roles('admin', 'sys-admin')
  @ApiBody({ schema: openApiSchema(userAssignmentSchema) })
  async assign(
    @CurrentUser() user: Principal,
    @Param('username') username: string,
    @Body(new ZodPipe(userAssignmentSchema)) body: z.infer<typeof userAssignmentSchema>,
  ) {
    if (!/^[A-Za-z0-9._@-]{1,100}$/.test(username)) {
      throw DomainException.field('username', '用户名格式无效', 'Invalid username');
    }
    const scope = await this.jurisdiction.scopeOf(user);
    const unit = await this.ds.getRepository(OrgUnitEntity).findOneBy({ id: body.orgUnitId });
    if (!unit)
      throw DomainException.field('orgUnitId', '组织机构不存在', 'Unknown org unit', 'UNKNOWN_ORG_UNIT');
    this.jurisdiction.assertCanAdminister(scope, unit.path);
    if (
      body.enterpriseId &&
      !(await this.ds.getRepository(EnterpriseEntity).existsBy({ id: body.enterpriseId }))
    ) {
      throw DomainException.field('enterpriseId', '企业不存在', 'Unknown enterprise', 'NOT_FOUND');
    }
    await this.ds
      .getRepository(UserAssignmentEntity)
      .upsert({ username, orgUnitId: unit.id, enterpriseId: body.enterpriseId ?? null }, ['username']);
    return { username, orgUnitId: unit.id, orgUnitCode: unit.code, enterpriseId: body.enterpriseId ?? null };
  }
}
