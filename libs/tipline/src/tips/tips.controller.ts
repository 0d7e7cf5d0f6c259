import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type Principal, Roles } from '@zhiben/auth';
import { TIP_STATUSES } from '@zhiben/contracts';
import { DomainException, ZodPipe } from '@zhiben/platform';
import type { Request } from 'express';
import { z } from 'zod';
import {
  acceptanceSchema,
  decideStepSchema,
  extensionSchema,
  feedbackSchema,
  fineSchema,
  recheckSchema,
  rewardApprovalSchema,
  staffTipSchema,
  unmaskDecisionSchema,
  unmaskRequestSchema,
  verificationSchema,
} from '../api';
import { PublicTipsService } from '../public/public.service';
import { clientAddress } from '../public/throttle';
import { TIPLINE_OPTIONS, type TiplineOptions } from '../tipline.options';
import { VaultService } from '../vault/vault.service';
import { TipsService } from './tips.service';

export const TIP_READERS = ['tip-handler', 'official', 'leader', 'auditor', 'sys-admin'] as const;
export const HANDLERS = ['tip-handler'] as const;
export const LEADERS = ['leader'] as const;

const uuid = new ParseUUIDPipe({
  exceptionFactory: () => DomainException.field('id', 'ID 须为合法的 UUID', 'The id must be a UUID'),
});
const listQuery = z.object({
  status: z.enum(TIP_STATUSES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  perPage: z.coerce.number().int().min(1).max(200).default(25),
});
const key = (k: string | undefined) => (k && /^[\x21-\x7e]{1,200}$/.test(k) ? k : null);

/** Officials: the handlers' queue, tips, the workflow steps, and the vault's unmask requests. */
@ApiTags('tips 举报办理')
@ApiBearerAuth()
@Controller()
export class TipsController {
  constructor(
    private readonly tips: TipsService,
    private readonly intake: PublicTipsService,
    private readonly vault: VaultService,
    @Inject(TIPLINE_OPTIONS) private readonly options: TiplineOptions,
  ) {}

  @Post('tips')
  @Roles('tip-handler', 'sys-admin')
  @ApiOperation({
    summary: 'Key in a tip from another channel (hotline, letter…); sys-admin may scale the clock',
  })
  create(
    @CurrentUser() user: Principal,
    @Body(new ZodPipe(staffTipSchema)) body: z.output<typeof staffTipSchema>,
  ) {
    const { channel, clockMsPerDay, ...tip } = body;
    if (clockMsPerDay !== undefined && (!this.options.allowTimeScale || !user.roles.includes('sys-admin'))) {
      throw DomainException.field(
        'clockMsPerDay',
        '仅系统管理员在测试/演示环境中可缩放流程时钟',
        'Only a system administrator, where ZHIBEN_ALLOW_TIME_SCALE is on, may scale the workflow clock',
      );
    }
    return this.intake.file(null, tip, { channel, msPerDay: clockMsPerDay });
  }

  @Get('tips')
  @Roles(...TIP_READERS)
  @ApiOperation({ summary: 'The handlers’ queue with deadline clocks (pseudonymous reporters only)' })
  list(@CurrentUser() user: Principal, @Query(new ZodPipe(listQuery)) q: z.output<typeof listQuery>) {
    return this.tips.list(user, q);
  }

  @Get('tips/:id')
  @Roles(...TIP_READERS)
  detail(@CurrentUser() user: Principal, @Param('id', uuid) id: string) {
    return this.tips.detail(user, id);
  }

  @Get('tips/:id/timeline')
  @Roles(...TIP_READERS)
  timeline(@CurrentUser() user: Principal, @Param('id', uuid) id: string) {
    return this.tips.timeline(user, id);
  }

  @Get('tips/:id/state')
  @Roles(...TIP_READERS)
  state(@CurrentUser() user: Principal, @Param('id', uuid) id: string) {
    return this.tips.state(user, id);
  }

  @Post('tips/:id/acceptance')
  @HttpCode(200)
  @Roles(...HANDLERS)
  acceptance(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Body(new ZodPipe(acceptanceSchema)) body: z.output<typeof acceptanceSchema>,
    @Headers('idempotency-key') k?: string,
  ) {
    return this.tips.acceptance(user, id, body, key(k));
  }

  @Post('tips/:id/verification')
  @HttpCode(200)
  @Roles(...HANDLERS)
  verification(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Body(new ZodPipe(verificationSchema)) body: z.output<typeof verificationSchema>,
    @Headers('idempotency-key') k?: string,
  ) {
    return this.tips.verification(user, id, body, key(k));
  }

  @Post('tips/:id/extension')
  @HttpCode(200)
  @Roles(...HANDLERS)
  extension(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Body(new ZodPipe(extensionSchema)) body: z.output<typeof extensionSchema>,
    @Headers('idempotency-key') k?: string,
  ) {
    return this.tips.extension(user, id, body.reason, key(k));
  }

  @Post('tips/:id/fine')
  @HttpCode(200)
  @Roles(...HANDLERS)
  fine(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Body(new ZodPipe(fineSchema)) body: z.output<typeof fineSchema>,
    @Headers('idempotency-key') k?: string,
  ) {
    return this.tips.fine(user, id, body, key(k));
  }

  @Post('tips/:id/feedback')
  @HttpCode(200)
  @Roles(...HANDLERS)
  feedback(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Body(new ZodPipe(feedbackSchema)) body: z.output<typeof feedbackSchema>,
    @Headers('idempotency-key') k?: string,
  ) {
    return this.tips.feedback(user, id, body, key(k));
  }

  @Post('tips/:id/reward-approval')
  @HttpCode(200)
  @Roles(...LEADERS)
  rewardApproval(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Body(new ZodPipe(rewardApprovalSchema)) body: z.output<typeof rewardApprovalSchema>,
    @Headers('idempotency-key') k?: string,
  ) {
    return this.tips.rewardApproval(user, id, body, key(k));
  }

  @Post('tips/:id/recheck')
  @HttpCode(200)
  @Roles(...LEADERS)
  recheck(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Body(new ZodPipe(recheckSchema)) body: z.output<typeof recheckSchema>,
    @Headers('idempotency-key') k?: string,
  ) {
    return this.tips.recheck(user, id, body, key(k));
  }

  @Post('tips/:id/steps/:step')
  @HttpCode(200)
  @Roles('tip-handler', 'leader', 'admin')
  @ApiOperation({ summary: 'approveExtension (leader above), breachFollowUp, payReward (finance: admin)' })
  step(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Param('step') step: string,
    @Body(new ZodPipe(decideStepSchema)) body: z.output<typeof decideStepSchema>,
    @Headers('idempotency-key') k?: string,
  ) {
    return this.tips.decideStep(user, id, step, body, key(k));
  }

  // ------------------------------------------------------------------------------------ the vault
  @Post('tips/:id/unmask-requests')
  @Roles('tip-handler', 'leader')
  @ApiOperation({ summary: 'Ask to see the reporter’s identity (reason required; a leader approves)' })
  async requestUnmask(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Body(new ZodPipe(unmaskRequestSchema)) body: z.output<typeof unmaskRequestSchema>,
  ) {
    const tip = await this.tips.get(user, id);
    return this.vault.request(user, tip, body.reason);
  }

  @Get('tips/:id/unmask-requests')
  @Roles('tip-handler', 'leader', 'auditor')
  async listUnmask(@CurrentUser() user: Principal, @Param('id', uuid) id: string) {
    await this.tips.get(user, id);
    return this.vault.list(id);
  }

  @Get('unmask-requests')
  @Roles('leader', 'auditor', 'audit-admin')
  listAllUnmask() {
    return this.vault.list();
  }

  @Post('unmask-requests/:id/decision')
  @HttpCode(200)
  @Roles(...LEADERS)
  decideUnmask(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @Body(new ZodPipe(unmaskDecisionSchema)) body: z.output<typeof unmaskDecisionSchema>,
  ) {
    return this.vault.decide(user, id, body.decision, body.comment);
  }

  @Get('unmask-requests/:id/identity')
  @Roles('tip-handler', 'leader')
  @ApiOperation({ summary: 'The identity, to the requester of an approved request (audited)' })
  reveal(@CurrentUser() user: Principal, @Param('id', uuid) id: string, @Req() req: Request) {
    return this.vault.reveal(user, id, clientAddress(req, this.options.trustedProxies));
  }

  @Get('audit')
  @Roles('auditor', 'audit-admin')
  @ApiOperation({ summary: 'The vault’s audit log (requests, decisions, reveals)' })
  audit(@Query('tipId') tipId?: string) {
    return this.vault.auditLog(tipId && /^[0-9a-f-]{36}$/.test(tipId) ? tipId : undefined);
  }
}
