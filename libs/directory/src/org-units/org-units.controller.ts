import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser, type Principal, Roles } from '@zhiben/auth';
import {
  createOrgUnitSchema,
  listOrgUnitsQuerySchema,
  updateOrgUnitSchema,
  type CreateOrgUnit,
  type ListOrgUnitsQuery,
  type UpdateOrgUnit,
} from '@zhiben/contracts';
import { openApiSchema, ZodPipe } from '@zhiben/platform';
import { uuidPipe } from '../uuid.pipe';
import { OrgUnitsService } from './org-units.service';

@ApiTags('org-units 组织机构')
@ApiBearerAuth()
@Controller('org-units')
export class OrgUnitsController {
  constructor(private readonly service: OrgUnitsService) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'List org units within the caller’s jurisdiction' })
  list(@CurrentUser() user: Principal, @Query(new ZodPipe(listOrgUnitsQuerySchema)) q: ListOrgUnitsQuery) {
    return this.service.list(user, q);
  }

  @Get(':id')
  @Authenticated()
  get(@CurrentUser() user: Principal, @Param('id', uuidPipe) id: string) {
    return this.service.get(user, id);
  }

  @Post()
  @Roles('admin')
  @ApiBody({ schema: openApiSchema(createOrgUnitSchema) })
  create(@CurrentUser() user: Principal, @Body(new ZodPipe(createOrgUnitSchema)) body: CreateOrgUnit) {
    return this.service.create(user, body);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiBody({ schema: openApiSchema(updateOrgUnitSchema) })
  update(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body(new ZodPipe(updateOrgUnitSchema)) body: UpdateOrgUnit,
  ) {
    return this.service.update(user, id, body);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  async remove(@CurrentUser() user: Principal, @Param('id', uuidPipe) id: string): Promise<void> {
    await this.service.remove(user, id);
  }
}
