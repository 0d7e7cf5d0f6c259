import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type Principal, Roles } from '@zhiben/auth';
import {
  CASE_STEP_NAMES,
  CASE_STEP_SCHEMAS,
  createCaseSchema,
  listCasesQuerySchema,
  recordActionSchema,
  reinspectionApplicationSchema,
  type CaseStepName,
  type CreateCase,
  type ListCasesQuery,
  type RecordAction,
  type ReinspectionApplication,
} from '@zhiben/contracts';
import { DomainException, openApiSchema, parseOrThrow, ZodPipe } from '@zhiben/platform';
import type { Request, Response } from 'express';
import { FilesService } from '../files/files.service';
import { BearerToken, checkIdempotencyKey, uuidPipe } from '../http';
import { uploadOf } from '../inspections/inspections.controller';
import { InspectionsService } from '../inspections/inspections.service';
import { CASE_OFFICIALS, CASE_READERS } from '../roles';
import { CasesService } from './cases.service';

const idempotencyHeader = ApiHeader({
  name: 'Idempotency-Key',
  required: false,
  description: 'Client key making a retried request return the first outcome (per user).',
});

/** Penalty cases: 立案, reads, orders and measures, the enterprise's 整改复查 application, step decisions. */
@ApiTags('cases 行政处罚案件')
@ApiBearerAuth()
@Controller('cases')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly inspections: InspectionsService,
    private readonly files: FilesService,
  ) {}

  @Post()
  @Roles(...CASE_OFFICIALS)
  @idempotencyHeader
  @ApiOperation({
    summary: '立案: file a case (403 outside the caller’s jurisdiction); starts enforcementCase',
  })
  @ApiBody({ schema: openApiSchema(createCaseSchema) })
  async create(
    @CurrentUser() user: Principal,
    @BearerToken() token: string,
    @Headers('idempotency-key') key: string | undefined,
    @Body(new ZodPipe(createCaseSchema)) body: CreateCase,
    @Res({ passthrough: true }) res: Response,
  ) {
    const out = await this.cases.create(user, token, body, checkIdempotencyKey(key));
    if ('replayed' in out) res.setHeader('Idempotent-Replayed', 'true');
    return out;
  }

  @Get()
  @Roles(...CASE_READERS)
  list(
    @CurrentUser() user: Principal,
    @BearerToken() token: string,
    @Query(new ZodPipe(listCasesQuerySchema)) q: ListCasesQuery,
  ) {
    return this.cases.list(user, token, q);
  }

  @Get(':id')
  @Roles(...CASE_READERS)
  detail(@CurrentUser() user: Principal, @BearerToken() token: string, @Param('id', uuidPipe) id: string) {
    return this.cases.detail(user, token, id);
  }

  @Get(':id/timeline')
  @Roles(...CASE_READERS)
  async timeline(
    @CurrentUser() user: Principal,
    @BearerToken() token: string,
    @Param('id', uuidPipe) id: string,
  ) {
    await this.cases.detail(user, token, id);
    return this.inspections.events('case', id);
  }

  @Get(':id/state')
  @Roles(...CASE_READERS)
  @ApiOperation({ summary: 'The workflow’s own view: stage, clocks, open tasks' })
  state(@CurrentUser() user: Principal, @BearerToken() token: string, @Param('id', uuidPipe) id: string) {
    return this.cases.state(user, token, id);
  }

  @Post(':id/actions')
  @Roles(...CASE_OFFICIALS)
  @idempotencyHeader
  @ApiOperation({ summary: 'Record an order or measure (orders need deadlineAt: 400 without)' })
  @ApiBody({ schema: openApiSchema(recordActionSchema) })
  recordAction(
    @CurrentUser() user: Principal,
    @BearerToken() token: string,
    @Param('id', uuidPipe) id: string,
    @Headers('idempotency-key') key: string | undefined,
    @Body(new ZodPipe(recordActionSchema)) body: RecordAction,
  ) {
    return this.cases.recordAction(user, token, id, body, checkIdempotencyKey(key));
  }

  @Post(':id/reinspection-application')
  @Roles('enterprise')
  @idempotencyHeader
  @ApiOperation({ summary: 'The enterprise applies for 整改复查 (APPLY_REINSPECTION_UPDATE)' })
  @ApiBody({ schema: openApiSchema(reinspectionApplicationSchema) })
  applyReinspection(
    @CurrentUser() user: Principal,
    @BearerToken() token: string,
    @Param('id', uuidPipe) id: string,
    @Headers('idempotency-key') key: string | undefined,
    @Body(new ZodPipe(reinspectionApplicationSchema)) body: ReinspectionApplication,
  ) {
    return this.cases.applyReinspection(user, token, id, body, checkIdempotencyKey(key));
  }

  @Post(':id/steps/:step')
  @Roles(...CASE_OFFICIALS, 'enterprise')
  @HttpCode(200)
  @idempotencyHeader
  @ApiOperation({ summary: `Complete the open task of a step: ${CASE_STEP_NAMES.join(', ')}` })
  step(
    @CurrentUser() user: Principal,
    @BearerToken() token: string,
    @Param('id', uuidPipe) id: string,
    @Param('step') step: string,
    @Headers('idempotency-key') key: string | undefined,
    @Body() raw: unknown,
  ) {
    if (!(CASE_STEP_NAMES as string[]).includes(step)) {
      throw DomainException.field(
        'step',
        `环节无效，可选：${CASE_STEP_NAMES.join('、')}`,
        `Unknown step; one of ${CASE_STEP_NAMES.join(', ')}`,
      );
    }
    const name = step as CaseStepName;
    const body = parseOrThrow(CASE_STEP_SCHEMAS[name], raw);
    return this.cases.step(user, token, id, name, body, checkIdempotencyKey(key));
  }

  @Post(':id/files')
  @Roles(...CASE_OFFICIALS, 'enterprise')
  @ApiOperation({ summary: 'Upload evidence (raw body: JPEG, PNG, WebP or PDF; X-File-Name)' })
  @ApiHeader({ name: 'X-File-Name', required: false })
  upload(
    @CurrentUser() user: Principal,
    @BearerToken() token: string,
    @Param('id', uuidPipe) id: string,
    @Req() req: Request,
  ) {
    return this.files.upload(user, token, 'case', id, uploadOf(req), 'evidence');
  }

  @Get(':id/files')
  @Roles(...CASE_READERS)
  listFiles(@CurrentUser() user: Principal, @BearerToken() token: string, @Param('id', uuidPipe) id: string) {
    return this.files.list(user, token, 'case', id);
  }
}
