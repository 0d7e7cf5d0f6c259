import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser, type Principal, Roles } from '@zhiben/auth';
import { BearerToken } from '../bearer-token.decorator';
import { reportIdPipe } from '../params';
import { ReportsService } from './reports.service';

/** One unit's report (月度调度表…): read, save a draft, submit for the leader's review and signature. */
@ApiTags('reports 报表')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get(':reportId')
  @Authenticated()
  @ApiOperation({ summary: 'The report with its values; pre-filled figures are marked' })
  get(
    @CurrentUser() user: Principal,
    @BearerToken() token: string,
    @Param('reportId', reportIdPipe) id: string,
  ) {
    return this.reports.get(user, token, id);
  }

  @Put(':reportId/values')
  @Roles('official', 'admin', 'leader', 'inspector', 'enterprise')
  @ApiOperation({ summary: 'Save the unit’s draft (rows may stay empty; constraints still apply)' })
  save(
    @CurrentUser() user: Principal,
    @BearerToken() token: string,
    @Param('reportId', reportIdPipe) id: string,
    @Body() body: unknown,
  ) {
    return this.reports.saveDraft(user, token, id, body);
  }

  @Post(':reportId/submit')
  @Roles('official', 'admin', 'leader', 'inspector', 'enterprise')
  @ApiOperation({ summary: 'Submit the figures: completes the open fillReport task of the report workflow' })
  submit(
    @CurrentUser() user: Principal,
    @BearerToken() token: string,
    @Param('reportId', reportIdPipe) id: string,
    @Body() body: unknown,
  ) {
    return this.reports.submit(user, token, id, body);
  }
}
