import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser, type Principal, Roles } from '@zhiben/auth';
import { campaignTemplateSchema } from '@zhiben/contracts';
import { openApiSchema, ZodPipe } from '@zhiben/platform';
import { keyPipe, versionQuerySchema } from '../params';
import { TemplatesService } from './templates.service';

/** Campaign templates (专项行动模板): the seeds' campaigns and admin-saved versions. */
@ApiTags('templates 行动模板')
@ApiBearerAuth()
@Controller('templates')
export class TemplatesController {
  constructor(private readonly templates: TemplatesService) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'Templates with their versions (shipped and saved)' })
  list() {
    return this.templates.list();
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({ summary: 'A template: the latest version, or ?version=' })
  get(@Param('id', keyPipe) id: string, @Query(new ZodPipe(versionQuerySchema)) q: { version?: number }) {
    return this.templates.get(id, q.version);
  }

  @Post(':id/versions')
  @Roles('admin')
  @ApiOperation({ summary: 'Save an edited template as a new version (never changes an existing one)' })
  @ApiBody({ schema: openApiSchema(campaignTemplateSchema) })
  saveVersion(@CurrentUser() user: Principal, @Param('id', keyPipe) id: string, @Body() body: unknown) {
    return this.templates.saveVersion(user, id, body);
  }
}
