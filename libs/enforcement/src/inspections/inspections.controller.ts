import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type Principal, Roles } from '@zhiben/auth';
import {
  createInspectionSchema,
  listInspectionsQuerySchema,
  recordInspectionSchema,
  type CreateInspection,
  type ListInspectionsQuery,
  type RecordInspection,
} from '@zhiben/contracts';
import { openApiSchema, ZodPipe } from '@zhiben/platform';
import type { Request } from 'express';
import { FilesService } from '../files/files.service';
import { BearerToken, uuidPipe } from '../http';
import { CASE_READERS, INSPECTORS } from '../roles';
import { InspectionsService } from './inspections.service';

/** Inspections: schedule, record (checklist, findings → hazards, 两个必查), sign, photos, timeline. */
@ApiTags('inspections 执法检查')
@ApiBearerAuth()
@Controller('inspections')
export class InspectionsController {
  constructor(
    private readonly inspections: InspectionsService,
    private readonly files: FilesService,
  ) {}

  @Post()
  @Roles(...INSPECTORS)
  @ApiOperation({
    summary: 'Schedule an inspection of an enterprise in the caller’s jurisdiction (≥2 inspectors)',
  })
  @ApiBody({ schema: openApiSchema(createInspectionSchema) })
  create(
    @CurrentUser() user: Principal,
    @BearerToken() token: string,
    @Body(new ZodPipe(createInspectionSchema)) body: CreateInspection,
  ) {
    return this.inspections.create(user, token, body);
  }

  @Get()
  @Roles(...CASE_READERS)
  list(
    @CurrentUser() user: Principal,
    @BearerToken() token: string,
    @Query(new ZodPipe(listInspectionsQuerySchema)) q: ListInspectionsQuery,
  ) {
    return this.inspections.list(user, token, q);
  }

  @Get(':id')
  @Roles(...CASE_READERS)
  detail(@CurrentUser() user: Principal, @BearerToken() token: string, @Param('id', uuidPipe) id: string) {
    return this.inspections.detail(user, token, id);
  }

  @Post(':id/record')
  @Roles(...INSPECTORS)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record the inspection once; findings are registered as hazards (retry-safe: same body = retry)',
  })
  @ApiBody({ schema: openApiSchema(recordInspectionSchema) })
  record(
    @CurrentUser() user: Principal,
    @BearerToken() token: string,
    @Param('id', uuidPipe) id: string,
    @Body(new ZodPipe(recordInspectionSchema)) body: RecordInspection,
  ) {
    return this.inspections.record(user, token, id, body);
  }

  @Post(':id/hazards')
  @Roles(...INSPECTORS)
  @HttpCode(200)
  @ApiOperation({ summary: 'Retry registering the findings that have no hazard yet' })
  registerHazards(
    @CurrentUser() user: Principal,
    @BearerToken() token: string,
    @Param('id', uuidPipe) id: string,
  ) {
    return this.inspections.registerHazards(user, token, id);
  }

  @Post(':id/sign')
  @Roles('inspector')
  @HttpCode(200)
  @ApiOperation({ summary: 'An inspector of the inspection signs its record' })
  sign(@CurrentUser() user: Principal, @BearerToken() token: string, @Param('id', uuidPipe) id: string) {
    return this.inspections.sign(user, token, id);
  }

  @Post(':id/photos')
  @Roles(...INSPECTORS)
  @ApiOperation({ summary: 'Upload an evidence photo (raw body: JPEG, PNG, WebP or PDF; X-File-Name)' })
  @ApiHeader({ name: 'X-File-Name', required: false })
  upload(
    @CurrentUser() user: Principal,
    @BearerToken() token: string,
    @Param('id', uuidPipe) id: string,
    @Req() req: Request,
  ) {
    return this.files.upload(user, token, 'inspection', id, uploadOf(req), 'photo');
  }

  @Get(':id/files')
  @Roles(...CASE_READERS)
  listFiles(@CurrentUser() user: Principal, @BearerToken() token: string, @Param('id', uuidPipe) id: string) {
    return this.files.list(user, token, 'inspection', id);
  }

  @Get(':id/timeline')
  @Roles(...CASE_READERS)
  timeline(@CurrentUser() user: Principal, @BearerToken() token: string, @Param('id', uuidPipe) id: string) {
    return this.inspections.timeline(user, token, id);
  }
}

export const uploadOf = (req: Request) => ({
  body: req,
  contentType: req.header('content-type'),
  contentLength: req.header('content-length'),
  fileName: req.header('x-file-name'),
});
