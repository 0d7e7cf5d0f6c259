import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type Principal, Roles } from '@zhiben/auth';
import { enforcementRulesInputSchema, type EnforcementRulesInput } from '@zhiben/contracts';
import { canRead } from '@zhiben/hazards';
import { DomainException, openApiSchema, ZodPipe } from '@zhiben/platform';
import { z } from 'zod';
import { DirectoryClient } from '../directory/directory.client';
import { BearerToken } from '../http';
import { OFFICIAL_READERS } from '../roles';
import { ScopeResolver } from '../scope/scope.resolver';
import { NATIONAL_RULES_CODE, RulesService } from './rules.service';

const rulesQuerySchema = z.strictObject({
  orgUnitCode: z.string().trim().min(1).max(120).default(NATIONAL_RULES_CODE),
});

/** Per-jurisdiction enforcement time limits, versioned; national defaults DEFAULT_ENFORCEMENT_RULES. */
@ApiTags('rules 执法时限规则')
@ApiBearerAuth()
@Controller('rules')
export class RulesController {
  constructor(
    private readonly rules: RulesService,
    private readonly directory: DirectoryClient,
    private readonly scopes: ScopeResolver,
  ) {}

  @Get()
  @Roles(...OFFICIAL_READERS)
  @ApiOperation({
    summary: 'Rules in force for an org unit (its latest version, else the national defaults)',
  })
  async effective(@Query(new ZodPipe(rulesQuerySchema)) q: { orgUnitCode: string }) {
    const effective = await this.rules.effectiveFor([q.orgUnitCode]);
    const versions = await this.rules.versions(q.orgUnitCode);
    return {
      ...effective,
      versions: versions.map((v) => ({
        version: v.version,
        note: v.note,
        createdBy: v.createdBy,
        createdAt: v.createdAt.toISOString(),
      })),
    };
  }

  @Put()
  @Roles('admin', 'sys-admin')
  @ApiOperation({ summary: 'Add a rules version for a jurisdiction; running workflows keep theirs' })
  @ApiBody({ schema: openApiSchema(enforcementRulesInputSchema) })
  async put(
    @CurrentUser() user: Principal,
    @BearerToken() token: string,
    @Body(new ZodPipe(enforcementRulesInputSchema)) body: EnforcementRulesInput,
  ) {
    if (body.orgUnitCode === NATIONAL_RULES_CODE) {
      if (!user.roles.includes('sys-admin')) {
        throw new DomainException('FORBIDDEN', {
          detail: 'Only a system administrator sets the national defaults',
        });
      }
    } else {
      const unit = await this.directory.orgUnitByCode(token, body.orgUnitCode);
      const scope = await this.scopes.scopeOf(user, token);
      if (
        !unit ||
        scope.kind !== 'subtree' ||
        !canRead(scope, { orgPath: unit.path, sector: '', enterpriseCreditCode: '' })
      ) {
        throw DomainException.field(
          'orgUnitCode',
          '机构不存在或不在您的管辖范围内',
          'Org unit not found or outside your jurisdiction',
          'OUT_OF_JURISDICTION',
        );
      }
    }
    const row = await this.rules.addVersion(body, user.username);
    return { orgUnitCode: row.orgUnitCode, rules: { ...row.rules, version: row.version }, note: row.note };
  }
}
