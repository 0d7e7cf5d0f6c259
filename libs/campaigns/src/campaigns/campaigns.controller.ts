import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser, type Principal, Roles } from '@zhiben/auth';
import { toCivilDate } from '@zhiben/calendar';
import { civilDateSchema, taskProgressSchema, type TaskProgress } from '@zhiben/contracts';
import { DomainException, ZodPipe } from '@zhiben/platform';
import type { Response } from 'express';
import { z } from 'zod';
import { BearerToken } from '../bearer-token.decorator';
import { dispatchQuerySchema, keyPipe, uuidPipe, type DispatchQuery } from '../params';
import { CAMPAIGNS_OPTIONS, type CampaignsOptions } from '../campaigns.options';
import { dispatchPdf, resolvePdfFont, type PdfFont } from '../reports/dispatch-pdf';
import { dispatchWorkbook } from '../reports/dispatch-xlsx';
import { ReportsService, reportsQuerySchema } from '../reports/reports.service';
import { TaskListsService } from '../tasks/task-lists.service';
import { formById } from '@zhiben/campaigns-domain';
import {
  CampaignsService,
  deriveCampaignSchema,
  listCampaignsQuerySchema,
  migrateCampaignSchema,
  signalEventSchema,
  submitCampaignSchema,
} from './campaigns.service';

const complianceQuerySchema = z.strictObject({ asOf: civilDateSchema.optional() });

/** Campaign instances (专项行动): plans, cascade, events, task lists, duties, reports and the dispatch table. */
@ApiTags('campaigns 专项行动')
@ApiBearerAuth()
@Controller('campaigns')
export class CampaignsController {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly tasks: TaskListsService,
    private readonly reports: ReportsService,
    @Inject(CAMPAIGNS_OPTIONS) private readonly options: CampaignsOptions,
  ) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create a campaign draft from a template version for a jurisdiction' })
  create(@CurrentUser() user: Principal, @BearerToken() token: string, @Body() body: unknown) {
    return this.campaigns.create(user, token, body);
  }

  @Get()
  @Authenticated()
  list(
    @CurrentUser() user: Principal,
    @BearerToken() token: string,
    @Query(new ZodPipe(listCampaignsQuerySchema)) q: z.infer<typeof listCampaignsQuerySchema>,
  ) {
    return this.campaigns.list(user, token, q);
  }

  @Get(':id')
  @Authenticated()
  get(@CurrentUser() user: Principal, @BearerToken() token: string, @Param('id', uuidPipe) id: string) {
    return this.campaigns.get(user, token, id);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Edit a draft (optimistic `version`)' })
  patch(
    @CurrentUser() user: Principal,
    @BearerToken() token: string,
    @Param('id', uuidPipe) id: string,
    @Body() body: unknown,
  ) {
    return this.campaigns.patch(user, token, id, body);
  }

  @Post(':id/submit')
  @Roles('admin')
  @HttpCode(202)
  @ApiOperation({ summary: 'Submit the plan for approval: starts the `campaign` workflow (outbox)' })
  submit(
    @CurrentUser() user: Principal,
    @BearerToken() token: string,
    @Param('id', uuidPipe) id: string,
    @Body(new ZodPipe(submitCampaignSchema)) body: z.infer<typeof submitCampaignSchema>,
  ) {
    return this.campaigns.submit(user, token, id, body ?? {});
  }

  @Post(':id/events/:eventKey')
  @Roles('admin', 'leader')
  @HttpCode(202)
  @ApiOperation({ summary: 'Signal that an event ending a stage happened (e.g. 党的二十大结束)' })
  signal(
    @CurrentUser() user: Principal,
    @BearerToken() token: string,
    @Param('id', uuidPipe) id: string,
    @Param('eventKey', keyPipe) eventKey: string,
    @Body(new ZodPipe(signalEventSchema)) body: z.infer<typeof signalEventSchema>,
  ) {
    return this.campaigns.signalEvent(user, token, id, eventKey, body ?? {});
  }

  @Post(':id/migrate')
  @Roles('admin')
  @ApiOperation({ summary: 'Move the campaign to a newer template version (recorded in the timeline)' })
  migrate(
    @CurrentUser() user: Principal,
    @BearerToken() token: string,
    @Param('id', uuidPipe) id: string,
    @Body(new ZodPipe(migrateCampaignSchema)) body: z.infer<typeof migrateCampaignSchema>,
  ) {
    return this.campaigns.migrate(user, token, id, body);
  }

  @Post(':id/derive')
  @Roles('admin')
  @ApiOperation({ summary: 'Cascade: a participating unit drafts its own plan from this one' })
  derive(
    @CurrentUser() user: Principal,
    @BearerToken() token: string,
    @Param('id', uuidPipe) id: string,
    @Body(new ZodPipe(deriveCampaignSchema)) body: z.infer<typeof deriveCampaignSchema>,
  ) {
    return this.campaigns.derive(user, token, id, body ?? {});
  }

  @Get(':id/timeline')
  @Authenticated()
  timeline(@CurrentUser() user: Principal, @BearerToken() token: string, @Param('id', uuidPipe) id: string) {
    return this.campaigns.timeline(user, token, id);
  }

  // ------------------------------------------------------------------------------------ task lists

  @Get(':id/task-items')
  @Authenticated()
  taskItems(@CurrentUser() user: Principal, @BearerToken() token: string, @Param('id', uuidPipe) id: string) {
    return this.tasks.items(user, token, id);
  }

  @Post(':id/task-items/:itemId/progress')
  @Roles('official', 'admin', 'leader', 'inspector', 'enterprise')
  @ApiOperation({ summary: 'The assigned unit reports progress or completion (with evidence)' })
  progress(
    @CurrentUser() user: Principal,
    @BearerToken() token: string,
    @Param('id', uuidPipe) id: string,
    @Param('itemId', keyPipe) itemId: string,
    @Body(new ZodPipe(taskProgressSchema)) body: TaskProgress,
  ) {
    return this.tasks.progress(user, token, id, itemId, body);
  }

  @Post(':id/duties/:dutyId/records')
  @Roles('official', 'admin', 'leader', 'inspector', 'enterprise')
  @ApiOperation({ summary: 'Record one occurrence of an "at least N per period" duty' })
  record(
    @CurrentUser() user: Principal,
    @BearerToken() token: string,
    @Param('id', uuidPipe) id: string,
    @Param('dutyId', keyPipe) dutyId: string,
    @Body() body: unknown,
  ) {
    return this.tasks.record(user, token, id, dutyId, body);
  }

  @Get(':id/duties/compliance')
  @Authenticated()
  compliance(
    @CurrentUser() user: Principal,
    @BearerToken() token: string,
    @Param('id', uuidPipe) id: string,
    @Query(new ZodPipe(complianceQuerySchema)) q: { asOf?: string },
  ) {
    return this.tasks.compliance(user, token, id, q.asOf);
  }

  // --------------------------------------------------------------------------------------- reports

  @Get(':id/reports')
  @Authenticated()
  @ApiOperation({ summary: 'Who has reported and who is late (scoped)' })
  listReports(
    @CurrentUser() user: Principal,
    @BearerToken() token: string,
    @Param('id', uuidPipe) id: string,
    @Query(new ZodPipe(reportsQuerySchema)) q: z.infer<typeof reportsQuerySchema>,
  ) {
    return this.reports.list(user, token, id, q);
  }

  @Get(':id/dispatch')
  @Authenticated()
  @ApiOperation({ summary: 'The aggregated dispatch table of a unit’s subtree, with drill-down' })
  dispatch(
    @CurrentUser() user: Principal,
    @BearerToken() token: string,
    @Param('id', uuidPipe) id: string,
    @Query(new ZodPipe(dispatchQuerySchema)) q: DispatchQuery,
  ) {
    return this.reports.dispatch(user, token, id, q);
  }

  @Get(':id/dispatch.xlsx')
  @Authenticated()
  @ApiOperation({ summary: 'The aggregated dispatch table as .xlsx, laid out like the seed form' })
  async dispatchXlsx(
    @CurrentUser() user: Principal,
    @BearerToken() token: string,
    @Param('id', uuidPipe) id: string,
    @Query(new ZodPipe(dispatchQuerySchema)) q: DispatchQuery,
    @Res() res: Response,
  ) {
    const table = await this.reports.dispatch(user, token, id, q);
    const form = formById(table.form.id);
    if (!form) throw new DomainException('INTERNAL', { detail: `Form ${table.form.id} missing` });
    const buf = await dispatchWorkbook(form, table.tree, {
      unitName: table.unit.name,
      occurrenceKey: q.occurrenceKey,
      generatedOn: toCivilDate(new Date()),
    });
    const name = `${form.titleZh}-${table.unit.name}-${q.occurrenceKey}.xlsx`;
    res.setHeader('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader(
      'content-disposition',
      `attachment; filename="dispatch-${q.occurrenceKey}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
    );
    res.end(buf);
  }

  @Get(':id/dispatch.pdf')
  @Authenticated()
  @ApiOperation({ summary: 'The aggregated dispatch table as PDF (A4), laid out like the seed form' })
  async dispatchPdf(
    @CurrentUser() user: Principal,
    @BearerToken() token: string,
    @Param('id', uuidPipe) id: string,
    @Query(new ZodPipe(dispatchQuerySchema)) q: DispatchQuery,
    @Res() res: Response,
  ) {
    let font: PdfFont;
    try {
      font = resolvePdfFont(this.options.pdfFont);
    } catch (e) {
      throw new DomainException('UNAVAILABLE', { detail: (e as Error).message });
    }
    const table = await this.reports.dispatch(user, token, id, q);
    const form = formById(table.form.id);
    if (!form) throw new DomainException('INTERNAL', { detail: `Form ${table.form.id} missing` });
    const buf = await dispatchPdf(
      form,
      table.tree,
      {
        unitName: table.unit.name,
        occurrenceKey: q.occurrenceKey,
        generatedOn: toCivilDate(new Date()),
      },
      font,
    );
    const name = `${form.titleZh}-${table.unit.name}-${q.occurrenceKey}.pdf`;
    res.setHeader('content-type', 'application/pdf');
    res.setHeader(
      'content-disposition',
      `attachment; filename="dispatch-${q.occurrenceKey}.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`,
    );
    res.end(buf);
  }
}
