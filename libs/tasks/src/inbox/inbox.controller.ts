import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser, type Principal } from '@zhiben/auth';
import { ZodPipe } from '@zhiben/platform';
import { z } from 'zod';
import { InboxService } from './inbox.service';

const bool = (name: string) =>
  z
    .enum(['true', 'false'], { message: `${name} 须为 true 或 false / ${name} must be true or false` })
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true'));

export const inboxQuerySchema = z.strictObject({
  view: z
    .enum(['mine', 'groups', 'watched'], {
      message: 'view 须为 mine、groups 或 watched / view must be mine, groups or watched',
    })
    .default('mine'),
  limit: z.coerce.number().int().min(1).max(200).default(25),
  cursor: z.string().max(500).optional(),
  status: z
    .enum(['active', 'open', 'claimed', 'closed'], {
      message: 'status 须为 active、open、claimed 或 closed / status must be active, open, claimed or closed',
    })
    .default('active'),
  type: z.string().min(1).max(200).optional(),
  priority: z
    .enum(['low', 'normal', 'high', 'urgent'], {
      message: 'priority 须为 low、normal、high 或 urgent / priority must be low, normal, high or urgent',
    })
    .optional(),
  dueBefore: z.iso
    .datetime({ offset: true, message: 'dueBefore 须为 ISO 时间 / dueBefore must be an ISO date-time' })
    .optional(),
  overdue: bool('overdue'),
  campaignId: z.string().min(1).max(100).optional(),
  orgUnitCode: z.string().min(1).max(200).optional(),
  q: z.string().min(1).max(100).optional(),
});

@ApiTags('inbox 我的待办')
@ApiBearerAuth()
@Controller('inbox')
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  /**
   * My tasks (`mine`), my groups' tasks by role × org unit (`groups`), tasks I watch (`watched`);
   * filters narrow the view, never widen it.
   */
  @Get()
  @Authenticated()
  list(
    @CurrentUser() user: Principal,
    @Query(new ZodPipe(inboxQuerySchema)) q: z.infer<typeof inboxQuerySchema>,
  ) {
    return this.inbox.inbox(user, q);
  }
}
