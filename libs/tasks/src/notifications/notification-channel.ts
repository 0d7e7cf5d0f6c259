import { Injectable, Logger } from '@nestjs/common';

/** Someone to tell: a user, or everyone matching a candidate rule (role × org unit). */
export type NotificationRecipient = { username: string } | { role: string; orgUnitCode: string };

export type NotificationKind =
  | 'task'
  | 'assigned'
  | 'transferred'
  | 'delegated'
  | 'resolved'
  | 'reminder'
  | 'overdue'
  | 'escalation'
  | 'closed'
  | 'commented';

export interface NotificationMessage {
  /** Unique per notification: a retried sender produces the same key and nothing new. */
  idempotencyKey: string;
  kind: NotificationKind;
  taskId: string | null;
  to: NotificationRecipient;
  messageZh: string;
  messageEn: string;
}

/**
 * A way to reach people besides the in-app inbox (email, SMS, government IM). Channels get each
 * notification once, after the transaction that created it has committed, with its idempotency key so
 * the channel (or its provider) can drop duplicates.
 */
export interface NotificationChannel {
  readonly name: string;
  deliver(messages: readonly NotificationMessage[]): Promise<void>;
}

/** The pluggable channels. The in-app channel is the notifications table and is always on. */
@Injectable()
export class NotificationChannelRegistry {
  private readonly logger = new Logger('Notifications');
  private readonly channels = new Map<string, NotificationChannel>();

  register(channel: NotificationChannel): void {
    this.channels.set(channel.name, channel);
  }

  list(): NotificationChannel[] {
    return [...this.channels.values()];
  }

  /** Best effort: a failing channel is logged and never undoes the in-app notification. */
  async dispatch(messages: readonly NotificationMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await Promise.all(
      this.list().map(async (c) => {
        try {
          await c.deliver(messages);
        } catch (e) {
          this.logger.warn({ msg: 'notification channel failed', channel: c.name, error: String(e) });
        }
      }),
    );
  }
}
