import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser, type Principal, Roles } from '@zhiben/auth';
import {
  acceptanceApplicationSchema,
  extensionRequestSchema,
  listHazardsQuerySchema,
  listingProposalSchema,
  progressReportSchema,
  registerHazardSchema,
  submitPlanSchema,
  type AcceptanceApplication,
  type ExtensionRequest,
  type ListHazardsQuery,
  type ListingProposal,
  type ProgressReport,
  type RegisterHazard,
  type SubmitPlan,
} from '@zhiben/contracts';
import { openApiSchema, ZodPipe } from '@zhiben/platform';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { BearerToken } from '../bearer-token.decorator';
import { HAZARD_FILE_KINDS, type HazardFileKind } from '../entities';
import { FilesService } from '../files/files.service';
import { uuidPipe } from '../uuid.pipe';
import { HazardsQueryService } from './hazards-query.service';
import { checkIdempotencyKey, RegistrationService } from './registration.service';
import { SubmissionsService } from './submissions.service';

const idempotencyHeader = ApiHeader({
  name: 'Idempotency-Key',
  required: false,
  description: 'Client key making a retried request return the first outcome (per user).',
});

const uploadQuerySchema = z.strictObject({
  kind: z
    .enum(HAZARD_FILE_KINDS, {
      message: `类型须为 ${HAZARD_FILE_KINDS.join('、')} 之一 / kind must be one of ${HAZARD_FILE_KINDS.join(', ')}`,
    })
    .default('evidence'),
});

const timelineQuerySchema = z.strictObject({
  all: z
    .enum(['true', 'false'], { message: '须为 true 或 false / Must be true or false' })
    .transform((v) => v === 'true')
    .optional(),
});

/** The hazard ledger (台账): registration, reads, the enterprise's submissions, evidence files. */
@ApiTags('hazards 隐患台账')
@ApiBearerAuth()
@Controller('hazards')
export class HazardsController {
  constructor(
    private readonly registration: RegistrationService,
    private readonly query: HazardsQueryService,
    private readonly submissions: SubmissionsService,
    private readonly files: FilesService,
  ) {}

  @Post()
  @Roles('enterprise', 'official', 'inspector', 'sys-admin')
  @idempotencyHeader
  @ApiOperation({
    summary: 'Register a hazard and start its rectification workflow (enterprises: self-inspection only)',
  })
  @ApiBody({ schema: openApiSchema(registerHazardSchema) })
  async register(
    @CurrentUser() user: Principal,
    @BearerToken() token: string,
    @Headers('idempotency-key') key: string | undefined,
    @Body(new ZodPipe(registerHazardSchema)) body: RegisterHazard,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { hazard, replayed } = await this.registration.register(
      user,
      token,
      body,
      checkIdempotencyKey(key),
    );
    if (replayed) res.setHeader('Idempotent-Replayed', 'true');
    return this.query.assemble(hazard);
  }

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'List hazards within the caller’s jurisdiction' })
  list(
    @CurrentUser() user: Principal,
    @BearerToken() token: string,
    @Query(new ZodPipe(listHazardsQuerySchema)) q: ListHazardsQuery,
  ) {
    return this.query.list(user, token, q);
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({ summary: 'Hazard detail: plans, reports, listing, files and the timeline' })
  detail(@CurrentUser() user: Principal, @BearerToken() token: string, @Param('id', uuidPipe) id: string) {
    return this.query.detail(user, token, id);
  }

  @Get(':id/timeline')
  @Authenticated()
  @ApiOperation({ summary: 'The readable timeline (all=true adds the ledger’s bookkeeping events)' })
  timeline(
    @CurrentUser() user: Principal,
    @BearerToken() token: string,
    @Param('id', uuidPipe) id: string,
    @Query(new ZodPipe(timelineQuerySchema)) q: { all?: boolean },
  ) {
    return this.query.timeline(user, token, id, q.all === true);
  }

  @Post(':id/plan')
  @Roles('enterprise')
  @idempotencyHeader
  @ApiOperation({ summary: 'Submit a rectification plan version (six elements + acceptor)' })
  @ApiBody({ schema: openApiSchema(submitPlanSchema) })
  submitPlan(
    @CurrentUser() user: Principal,
    @BearerToken() token: string,
    @Param('id', uuidPipe) id: string,
    @Headers('idempotency-key') key: string | undefined,
    @Body(new ZodPipe(submitPlanSchema)) body: SubmitPlan,
  ) {
    return this.submissions.submitPlan(user, token, id, body, checkIdempotencyKey(key));
  }

  @Post(':id/progress')
  @Roles('enterprise')
  @idempotencyHeader
  @ApiBody({ schema: openApiSchema(progressReportSchema) })
  submitProgress(
    @CurrentUser() user: Principal,
    @BearerToken() token: string,
    @Param('id', uuidPipe) id: string,
    @Headers('idempotency-key') key: string | undefined,
    @Body(new ZodPipe(progressReportSchema)) body: ProgressReport,
  ) {
    return this.submissions.submitProgress(user, token, id, body, checkIdempotencyKey(key));
  }

  @Post(':id/acceptance-application')
  @Roles('enterprise')
  @idempotencyHeader
  @ApiBody({ schema: openApiSchema(acceptanceApplicationSchema) })
  applyAcceptance(
    @CurrentUser() user: Principal,
    @BearerToken() token: string,
    @Param('id', uuidPipe) id: string,
    @Headers('idempotency-key') key: string | undefined,
    @Body(new ZodPipe(acceptanceApplicationSchema)) body: AcceptanceApplication,
  ) {
    return this.submissions.applyAcceptance(user, token, id, body, checkIdempotencyKey(key));
  }

  @Post(':id/extension-request')
  @Roles('enterprise')
  @idempotencyHeader
  @ApiBody({ schema: openApiSchema(extensionRequestSchema) })
  requestExtension(
    @CurrentUser() user: Principal,
    @BearerToken() token: string,
    @Param('id', uuidPipe) id: string,
    @Headers('idempotency-key') key: string | undefined,
    @Body(new ZodPipe(extensionRequestSchema)) body: ExtensionRequest,
  ) {
    return this.submissions.requestExtension(user, token, id, body, checkIdempotencyKey(key));
  }

  @Post(':id/listing-proposal')
  @Roles('official', 'ops', 'leader', 'inspector')
  @HttpCode(202)
  @idempotencyHeader
  @ApiOperation({ summary: 'Propose listed supervision (挂牌督办) of the hazard' })
  @ApiBody({ schema: openApiSchema(listingProposalSchema) })
  proposeListing(
    @CurrentUser() user: Principal,
    @BearerToken() token: string,
    @Param('id', uuidPipe) id: string,
    @Headers('idempotency-key') key: string | undefined,
    @Body(new ZodPipe(listingProposalSchema)) body: ListingProposal,
  ) {
    return this.submissions.proposeListing(user, token, id, body, checkIdempotencyKey(key));
  }

  @Post(':id/files')
  @Roles('enterprise', 'official', 'inspector')
  @ApiOperation({
    summary:
      'Upload an evidence file as the raw request body (Content-Type image/jpeg, image/png, image/webp or ' +
      'application/pdf; X-File-Name: percent-encoded UTF-8 name). The type is checked against the bytes.',
  })
  @ApiHeader({ name: 'X-File-Name', required: false })
  upload(
    @CurrentUser() user: Principal,
    @BearerToken() token: string,
    @Param('id', uuidPipe) id: string,
    @Query(new ZodPipe(uploadQuerySchema)) q: { kind: HazardFileKind },
    @Req() req: Request,
  ) {
    return this.files.upload(
      user,
      token,
      id,
      {
        body: req,
        contentType: req.header('content-type'),
        contentLength: req.header('content-length'),
        fileName: req.header('x-file-name'),
      },
      q.kind,
    );
  }

  @Get(':id/files')
  @Authenticated()
  listFiles(@CurrentUser() user: Principal, @BearerToken() token: string, @Param('id', uuidPipe) id: string) {
    return this.query.files(user, token, id);
  }
}
