import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type Principal, Roles } from '@zhiben/auth';
import type { Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { BearerToken, uuidPipe } from '../http';
import { CASE_READERS } from '../roles';
import { FilesService } from './files.service';

const INLINE = new Set(['image/jpeg', 'image/png', 'image/webp']);

@ApiTags('files 附件')
@ApiBearerAuth()
@Controller('files')
export class FilesController {
  constructor(private readonly files: FilesService) {}

  /** Streams a file to a caller who may read its inspection, case or referral. */
  @Get(':id')
  @Roles(...CASE_READERS)
  async download(
    @CurrentUser() user: Principal,
    @BearerToken() token: string,
    @Param('id', uuidPipe) id: string,
    @Res() res: Response,
  ): Promise<void> {
    const { file, stream, size } = await this.files.open(user, token, id);
    const disposition = INLINE.has(file.contentType) ? 'inline' : 'attachment';
    const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
    res.status(200);
    res.setHeader('content-type', file.contentType);
    res.setHeader('content-length', String(size));
    res.setHeader(
      'content-disposition',
      `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    );
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('cache-control', 'private, max-age=0, no-store');
    res.setHeader('content-security-policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'");
    res.setHeader('x-file-sha256', file.sha256);
    await pipeline(stream, res).catch(() => res.destroy());
  }
}
