import { Body, Controller, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@zhiben/auth';
import { ZodPipe } from '@zhiben/platform';
import type { Request } from 'express';
import type { z } from 'zod';
import {
  claimSchema,
  credentialsSchema,
  disputeSchema,
  publicTipSchema,
  type PublicTipRequest,
} from '../api';
import { TIPLINE_OPTIONS, type TiplineOptions } from '../tipline.options';
import { PublicTipsService } from './public.service';
import { clientAddress } from './throttle';

/** The public tip line (no login): intake, photos, status, reward claim and dispute by claim code. */
@ApiTags('public 公众举报')
@Controller('public')
export class PublicTipsController {
  constructor(
    private readonly tips: PublicTipsService,
    @Inject(TIPLINE_OPTIONS) private readonly options: TiplineOptions,
  ) {}

  private address(req: Request): string {
    return clientAddress(req, this.options.trustedProxies);
  }

  @Post('photos')
  @Public()
  @ApiOperation({ summary: 'Upload a photo for a tip (raw body: JPEG, PNG or WebP; checked by content)' })
  photo(@Req() req: Request) {
    return this.tips.uploadPhoto(this.address(req), {
      body: req,
      contentType: req.header('content-type'),
      contentLength: req.header('content-length'),
    });
  }

  @Post('tips')
  @Public()
  @ApiOperation({ summary: 'File a tip, real-name or anonymous; answers the claim code once' })
  file(@Req() req: Request, @Body(new ZodPipe(publicTipSchema)) body: PublicTipRequest) {
    return this.tips.file(this.address(req), body);
  }

  @Post('status')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'The tip’s status by claim code and password' })
  status(
    @Req() req: Request,
    @Body(new ZodPipe(credentialsSchema)) body: z.output<typeof credentialsSchema>,
  ) {
    return this.tips.status(this.address(req), body.claimCode, body.password);
  }

  @Post('claim')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Claim an approved reward by claim code and password' })
  claim(@Req() req: Request, @Body(new ZodPipe(claimSchema)) body: z.output<typeof claimSchema>) {
    return this.tips.claim(this.address(req), body);
  }

  @Post('dispute')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Ask for a re-check (复查) of an unsubstantiated conclusion' })
  dispute(@Req() req: Request, @Body(new ZodPipe(disputeSchema)) body: z.output<typeof disputeSchema>) {
    return this.tips.dispute(this.address(req), body);
  }
}
