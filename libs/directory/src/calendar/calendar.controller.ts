import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser, type Principal, Roles } from '@zhiben/auth';
import { calendarOverrideSchema, civilDateSchema } from '@zhiben/contracts';
import { DomainException, openApiSchema, parseOrThrow, ZodPipe } from '@zhiben/platform';
import { DataSource } from 'typeorm';
import type { z } from 'zod';
import { CalendarOverrideEntity } from './calendar-override.entity';

/** Admin overrides of the working-day calendar; libs/calendar applies them over the national data. */
@ApiTags('calendar 工作日历')
@ApiBearerAuth()
@Controller('calendar/overrides')
export class CalendarController {
  constructor(private readonly ds: DataSource) {}

  @Get()
  @Authenticated()
  async list() {
    const rows = await this.ds.getRepository(CalendarOverrideEntity).find({ order: { date: 'ASC' } });
    return {
      data: rows.map((r) => ({ date: r.date, kind: r.kind, reason: r.reason, createdBy: r.createdBy })),
    };
  }

  @Put(':date')
  @Roles('admin')
  @ApiBody({ schema: openApiSchema(calendarOverrideSchema) })
  async put(
    @CurrentUser() user: Principal,
    @Param('date') date: string,
    @Body(new ZodPipe(calendarOverrideSchema)) body: z.infer<typeof calendarOverrideSchema>,
  ) {
    const d = parseOrThrow(civilDateSchema, date, 'param');
    await this.ds
      .getRepository(CalendarOverrideEntity)
      .upsert({ date: d, kind: body.kind, reason: body.reason ?? null, createdBy: user.username }, ['date']);
    return { date: d, kind: body.kind, reason: body.reason ?? null, createdBy: user.username };
  }

  @Delete(':date')
  @Roles('admin')
  @HttpCode(204)
  async remove(@Param('date') date: string): Promise<void> {
    const d = parseOrThrow(civilDateSchema, date, 'param');
    const res = await this.ds.getRepository(CalendarOverrideEntity).delete({ date: d });
    if (!res.affected) throw DomainException.notFound('Calendar override', d);
  }
}
