import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser, type Principal } from '@zhiben/auth';
import { ZodPipe } from '@zhiben/platform';
import { z } from 'zod';
import { InboxService } from './inbox.service';

const inboxQuerySchema = z.strictObject({
  view: z
    .enum(['mine', 'groups', 'watched'], {
      message: 'view 须为 mine、groups 或 watched / view must be mine, groups or watched',
    })
    .default('mine'),
  limit: z.coerce.number().int().min(1).max(200).default(25),
  cursor: z.string().max(500).optional(),
});

@ApiTags('inbox 我的待办')
@ApiBearerAuth()
@Controller('inbox')
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  @Get()
  @Authenticated()
  list(
    @CurrentUser() user: Principal,
    @Query(new ZodPipe(inboxQuerySchema)) q: z.infer<typeof inboxQuerySchema>,
  ) {
    return this.inbox.inbox(user, q);
  }
}
