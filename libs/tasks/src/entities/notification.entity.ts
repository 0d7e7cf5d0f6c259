import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * An in-app notification (站内消息) for one user (`recipient`) or for everyone matching a candidate
 * rule (`recipient_role` × `recipient_unit`). The idempotency key makes retried senders harmless.
 */
@Entity({ name: 'notifications' })
@Unique('uq_notifications_idempotency', ['idempotencyKey'])
@Index('ix_notifications_recipient', ['recipient', 'createdAt'])
@Index('ix_notifications_group', ['recipientRole', 'recipientUnit', 'createdAt'])
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_notifications' })
  id!: string;

  @Column({ type: 'text', nullable: true })
  recipient!: string | null;

  @Column({ name: 'recipient_role', type: 'text', nullable: true })
  recipientRole!: string | null;

  @Column({ name: 'recipient_unit', type: 'text', nullable: true })
  recipientUnit!: string | null;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ name: 'task_id', type: 'uuid', nullable: true })
  taskId!: string | null;

  @Column({ name: 'message_zh', type: 'text' })
  messageZh!: string;

  @Column({ name: 'message_en', type: 'text' })
  messageEn!: string;

  @Column({ name: 'idempotency_key', type: 'text' })
  idempotencyKey!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** Read marks, per user: a group notification is read or unread for each member separately. */
@Entity({ name: 'notification_reads' })
export class NotificationReadEntity {
  @Column({
    name: 'notification_id',
    type: 'uuid',
    primary: true,
    primaryKeyConstraintName: 'pk_notification_reads',
  })
  notificationId!: string;

  @Column({ type: 'text', primary: true, primaryKeyConstraintName: 'pk_notification_reads' })
  username!: string;

  @Column({ name: 'read_at', type: 'timestamptz', default: () => 'now()' })
  readAt!: Date;
}
