import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type Principal, Roles } from '@zhiben/auth';
import {
  createInspectionPlanSchema,
  drawSchema,
  listPlansQuerySchema,
  type CreateInspectionPlan,
  type DrawInput,
  type ListPlansQuery,
} from '@zhiben/contracts';
import { openApiSchema, ZodPipe } from '@zhiben/platform';
import { BearerToken, uuidPipe } from '../http';
import { OFFICIAL_READERS } from '../roles';
import { PlansService } from './plans.service';

/** Inspection plans and the 双随机 draw (seeded, recorded, published). */
@ApiTags('plans 执法检查计划')
@ApiBearerAuth()
@Controller('plans')
export class PlansController {
  constructor(private readonly plans: PlansService) {}

  @Post()
  @Roles('inspector', 'leader', 'official')
  @ApiOperation({ summary: 'Create a department’s inspection plan' })
  @ApiBody({ schema: openApiSchema(createInspectionPlanSchema) })
  create(
    @CurrentUser() user: Principal,
    @BearerToken() token: string,
    @Body(new ZodPipe(createInspectionPlanSchema)) body: CreateInspectionPlan,
  ) {
    return this.plans.create(user, token, body);
  }

  @Get()
  @Roles(...OFFICIAL_READERS)
  list(
    @CurrentUser() user: Principal,
    @BearerToken() token: string,
    @Query(new ZodPipe(listPlansQuerySchema)) q: ListPlansQuery,
  ) {
    return this.plans.list(user, token, q);
  }

  @Get(':id')
  @Roles(...OFFICIAL_READERS)
  detail(@CurrentUser() user: Principal, @BearerToken() token: string, @Param('id', uuidPipe) id: string) {
    return this.plans.detail(user, token, id);
  }

  @Post(':id/draw')
  @Roles('inspector', 'leader', 'official')
  @ApiOperation({ summary: '双随机: draw enterprises and inspectors once, with a recorded seed; published' })
  @ApiBody({ schema: openApiSchema(drawSchema) })
  draw(
    @CurrentUser() user: Principal,
    @BearerToken() token: string,
    @Param('id', uuidPipe) id: string,
    @Body(new ZodPipe(drawSchema)) body: DrawInput,
  ) {
    return this.plans.draw(user, token, id, body);
  }
}
