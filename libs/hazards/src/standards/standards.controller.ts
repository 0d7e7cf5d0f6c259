import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '@zhiben/auth';
import { DomainException, ZodPipe } from '@zhiben/platform';
import { z } from 'zod';
import { findCatalogue, STANDARD_CATALOGUES, toClauseDto, toStandardDto } from './standards.registry';

const clauseQuerySchema = z.strictObject({
  group: z.string().trim().max(50).optional(),
  q: z.string().trim().max(100).optional(),
});

/** The 判定标准 catalogues (clause by clause) a hazard is judged against. */
@ApiTags('standards 判定标准')
@ApiBearerAuth()
@Controller('standards')
export class StandardsController {
  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'Major-hazard determination catalogues (重大事故隐患判定标准)' })
  list() {
    const data = STANDARD_CATALOGUES.map(toStandardDto);
    return { data, total: data.length };
  }

  @Get(':id')
  @Authenticated()
  get(@Param('id') id: string) {
    return toStandardDto(this.catalogue(id));
  }

  @Get(':id/clauses')
  @Authenticated()
  @ApiOperation({ summary: 'Clauses of a catalogue; `verified: false` marks wording still to check' })
  clauses(
    @Param('id') id: string,
    @Query(new ZodPipe(clauseQuerySchema)) q: z.infer<typeof clauseQuerySchema>,
  ) {
    const c = this.catalogue(id);
    const data = c.clauses
      .filter((k) => !q.group || k.groupId === q.group)
      .filter((k) => !q.q || k.textZh.includes(q.q) || k.id === q.q)
      .map((k) => toClauseDto(c, k));
    return { data, total: data.length };
  }

  private catalogue(id: string) {
    const c = findCatalogue(id);
    if (!c) throw DomainException.notFound('Standard catalogue', id);
    return c;
  }
}
