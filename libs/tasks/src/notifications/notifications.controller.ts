import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser, type Principal } from '@zhiben/auth';
import { ZodPipe } from '@zhiben/platform';
import { z } from 'zod';
import { uuidParam } from '../tasks/task.schemas';
import { NotificationsService } from './notifications.service';

const listQuery = z.strictObject({
  unread: z
    .enum(['true', 'false'], { message: 'unread 须为 true 或 false / unread must be true or false' })
    .optional()
    .transform((v) => v === 'true'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

@ApiTags('notifications 消息')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  /** My notifications (direct and to my role × unit), unread first. */
  @Get()
  @Authenticated()
  list(@CurrentUser() user: Principal, @Query(new ZodPipe(listQuery)) q: z.infer<typeof listQuery>) {
    return this.notifications.list(user, q);
  }

  @Post('read-all')
  @HttpCode(200)
  @Authenticated()
  readAll(@CurrentUser() user: Principal) {
    return this.notifications.markAllRead(user);
  }

  @Post(':id/read')
  @HttpCode(200)
  @Authenticated()
  read(@CurrentUser() user: Principal, @Param('id', new ZodPipe(uuidParam)) id: string) {
    return this.notifications.markRead(user, id);
  }
}
