import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type Principal, Roles } from '@zhiben/auth';
import {
  createReferralSchema,
  listReferralsQuerySchema,
  REFERRAL_DOCUMENT_KINDS,
  REFERRAL_STEP_NAMES,
  REFERRAL_STEP_SCHEMAS,
  referralDocumentKindSchema,
  submitReferralSchema,
  type CreateReferral,
  type ListReferralsQuery,
  type ReferralStepName,
  type SubmitReferral,
} from '@zhiben/contracts';
import { DomainException, openApiSchema, parseOrThrow, ZodPipe } from '@zhiben/platform';
import type { Request, Response } from 'express';
import { FilesService } from '../files/files.service';
import { BearerToken, checkIdempotencyKey, uuidPipe } from '../http';
import { uploadOf } from '../inspections/inspections.controller';
import { InspectionsService } from '../inspections/inspections.service';
import { CASE_OFFICIALS, OFFICIAL_READERS } from '../roles';
import { ReferralsService } from './referrals.service';

const idempotencyHeader = ApiHeader({
  name: 'Idempotency-Key',
  required: false,
  description: 'Client key making a retried request return the first outcome (per user).',
});

/** Criminal referrals (行刑衔接): never visible to enterprises. */
@ApiTags('referrals 行刑衔接')
@ApiBearerAuth()
@Controller('referrals')
export class ReferralsController {
  constructor(
    private readonly referrals: ReferralsService,
    private readonly inspections: InspectionsService,
    private readonly files: FilesService,
  ) {}

  @Post()
  @Roles(...CASE_OFFICIALS)
  @idempotencyHeader
  @ApiOperation({
    summary: 'Open a referral (by hand; the case workflow proposes them too); starts criminalReferral',
  })
  @ApiBody({ schema: openApiSchema(createReferralSchema) })
  async create(
    @CurrentUser() user: Principal,
    @BearerToken() token: string,
    @Headers('idempotency-key') key: string | undefined,
    @Body(new ZodPipe(createReferralSchema)) body: CreateReferral,
    @Res({ passthrough: true }) res: Response,
  ) {
    const out = await this.referrals.create(user, token, body, checkIdempotencyKey(key));
    if ('replayed' in out) res.setHeader('Idempotent-Replayed', 'true');
    return out;
  }

  @Get()
  @Roles(...OFFICIAL_READERS)
  list(
    @CurrentUser() user: Principal,
    @BearerToken() token: string,
    @Query(new ZodPipe(listReferralsQuerySchema)) q: ListReferralsQuery,
  ) {
    return this.referrals.list(user, token, q);
  }

  @Get('board')
  @Roles(...OFFICIAL_READERS)
  @ApiOperation({
    summary: 'The referral board: open, overdue, by stage; each deadline met, breached or running',
  })
  board(@CurrentUser() user: Principal, @BearerToken() token: string) {
    return this.referrals.board(user, token);
  }

  @Get(':id')
  @Roles(...OFFICIAL_READERS)
  detail(@CurrentUser() user: Principal, @BearerToken() token: string, @Param('id', uuidPipe) id: string) {
    return this.referrals.detail(user, token, id);
  }

  @Get(':id/timeline')
  @Roles(...OFFICIAL_READERS)
  async timeline(
    @CurrentUser() user: Principal,
    @BearerToken() token: string,
    @Param('id', uuidPipe) id: string,
  ) {
    await this.referrals.detail(user, token, id);
    return this.inspections.events('referral', id);
  }

  @Get(':id/state')
  @Roles(...OFFICIAL_READERS)
  state(@CurrentUser() user: Principal, @BearerToken() token: string, @Param('id', uuidPipe) id: string) {
    return this.referrals.state(user, token, id);
  }

  @Post(':id/documents/:kind')
  @Roles(...CASE_OFFICIALS)
  @ApiOperation({
    summary: `Upload a package document (${REFERRAL_DOCUMENT_KINDS.join(', ')}): raw body, PDF or image; X-File-Name`,
  })
  @ApiHeader({ name: 'X-File-Name', required: false })
  upload(
    @CurrentUser() user: Principal,
    @BearerToken() token: string,
    @Param('id', uuidPipe) id: string,
    @Param('kind') kind: string,
    @Req() req: Request,
  ) {
    const docKind = parseOrThrow(referralDocumentKindSchema, kind, 'param');
    return this.files.upload(user, token, 'referral', id, uploadOf(req), docKind);
  }

  @Get(':id/files')
  @Roles(...OFFICIAL_READERS)
  listFiles(@CurrentUser() user: Principal, @BearerToken() token: string, @Param('id', uuidPipe) id: string) {
    return this.files.list(user, token, 'referral', id);
  }

  @Post(':id/submit')
  @Roles(...CASE_OFFICIALS)
  @HttpCode(200)
  @idempotencyHeader
  @ApiOperation({
    summary: 'Submit the package: 400 names each missing document, a team under two, dates out of order',
  })
  @ApiBody({ schema: openApiSchema(submitReferralSchema) })
  submit(
    @CurrentUser() user: Principal,
    @BearerToken() token: string,
    @Param('id', uuidPipe) id: string,
    @Headers('idempotency-key') key: string | undefined,
    @Body(new ZodPipe(submitReferralSchema)) body: SubmitReferral,
  ) {
    return this.referrals.submit(user, token, id, body, checkIdempotencyKey(key));
  }

  @Post(':id/steps/:step')
  @Roles(...CASE_OFFICIALS)
  @HttpCode(200)
  @idempotencyHeader
  @ApiOperation({
    summary: `Record a step (liaison form, head decision…): ${REFERRAL_STEP_NAMES.join(', ')}`,
  })
  step(
    @CurrentUser() user: Principal,
    @BearerToken() token: string,
    @Param('id', uuidPipe) id: string,
    @Param('step') step: string,
    @Headers('idempotency-key') key: string | undefined,
    @Body() raw: unknown,
  ) {
    if (!(REFERRAL_STEP_NAMES as string[]).includes(step)) {
      throw DomainException.field(
        'step',
        `环节无效，可选：${REFERRAL_STEP_NAMES.join('、')}`,
        `Unknown step; one of ${REFERRAL_STEP_NAMES.join(', ')}`,
      );
    }
    const name = step as ReferralStepName;
    const body = parseOrThrow(REFERRAL_STEP_SCHEMAS[name], raw);
    return this.referrals.step(user, token, id, name, body, checkIdempotencyKey(key));
  }
}
