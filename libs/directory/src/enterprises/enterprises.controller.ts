import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser, type Principal, Roles } from '@zhiben/auth';
import {
  createEnterpriseSchema,
  listEnterprisesQuerySchema,
  updateEnterpriseSchema,
  usccSchema,
  type CreateEnterprise,
  type ListEnterprisesQuery,
  type UpdateEnterprise,
} from '@zhiben/contracts';
import { openApiSchema, ZodPipe } from '@zhiben/platform';
import { z } from 'zod';
import { uuidPipe } from '../uuid.pipe';
import { EnterprisesService } from './enterprises.service';

const creditCodeParamsSchema = z.object({ creditCode: usccSchema });

@ApiTags('enterprises 企业')
@ApiBearerAuth()
@Controller('enterprises')
export class EnterprisesController {
  constructor(private readonly service: EnterprisesService) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'List org units within the caller’s jurisdiction' })
  list(
    @CurrentUser() user: Principal,
    @Query(new ZodPipe(listEnterprisesQuerySchema)) q: ListEnterprisesQuery,
  ) {
    return this.service.list(user, q);
  }

  @Get('by-credit-code/:creditCode/context')
  @Authenticated()
  @ApiOperation({
    summary: 'The enterprise with its town, district and the department leading its sector (行业监管部门)',
  })
  context(
    @CurrentUser() user: Principal,
    @Param(new ZodPipe(creditCodeParamsSchema)) params: { creditCode: string },
  ) {
    return this.service.context(user, params.creditCode);
  }

  @Get(':id')
  @Authenticated()
  get(@CurrentUser() user: Principal, @Param('id', uuidPipe) id: string) {
    return this.service.get(user, id);
  }

  @Post()
  @Roles('admin')
  @ApiBody({ schema: openApiSchema(createEnterpriseSchema) })
  create(@CurrentUser() user: Principal, @Body(new ZodPipe(createEnterpriseSchema)) body: CreateEnterprise) {
    return this.service.create(user, body);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiBody({ schema: openApiSchema(updateEnterpriseSchema) })
  update(
    @CurrentUser() user: Principal,
    @Param('id', uuidPipe) id: string,
    @Body(new ZodPipe(updateEnterpriseSchema)) body: UpdateEnterprise,
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
