import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@zhiben/auth';
import { DomainException } from '@zhiben/platform';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { inTransaction, withSql } from '../store/sql';
import { appendHistory } from '../store/task.store';
import { loadVisibleTask } from '../tasks/task-context';
import type { AttachmentView } from '../tasks/task-query.service';
import { ATTACHMENT_STORAGE, type AttachmentStorage } from './attachment.storage';
import { checkAttachment } from './attachment.rules';

@Injectable()
export class TaskAttachmentsService {
  constructor(
    private readonly ds: DataSource,
    @Inject(ATTACHMENT_STORAGE) private readonly storage: AttachmentStorage,
  ) {}

  async upload(
    p: Principal,
    taskId: string,
    file: { name?: string; contentType?: string; bytes?: Buffer },
  ): Promise<AttachmentView> {
    const contentType = checkAttachment(file.name, file.contentType, file.bytes);
    const bytes = file.bytes!;
    const name = file.name!;
    const id = randomUUID();
    const storageKey = `tasks/${taskId}/${id}`;
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    return inTransaction(this.ds, async (sql) => {
      const { task } = await loadVisibleTask(sql, p, taskId);
      if (task.status === 'closed') {
        throw new DomainException('CONFLICT', {
          detail: `task ${taskId} is closed`,
          messageZh: '任务已关闭，不能再上传附件',
          messageEn: 'The task is closed; attachments can no longer be added',
        });
      }
      await this.storage.put(storageKey, bytes);
      const row = (await sql.one<{ createdAt: Date }>(
        `INSERT INTO tasks.task_attachments (id, task_id, name, size, content_type, storage_key, sha256, uploaded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING created_at AS "createdAt"`,
        [id, taskId, name, bytes.length, contentType, storageKey, sha256, p.username],
      ))!;
      await appendHistory(sql, {
        taskId,
        actor: p.username,
        actorName: p.name,
        action: 'attached',
        changes: { attachmentId: id, name, size: bytes.length, contentType },
      });
      return {
        id,
        name,
        size: bytes.length,
        contentType,
        sha256,
        uploadedBy: p.username,
        createdAt: row.createdAt.toISOString(),
      };
    });
  }

  async download(
    p: Principal,
    taskId: string,
    attachmentId: string,
  ): Promise<{ name: string; contentType: string; bytes: Buffer }> {
    const row = await withSql(this.ds, async (sql) => {
      await loadVisibleTask(sql, p, taskId);
      return sql.one<{ name: string; contentType: string; storageKey: string }>(
        `SELECT name, content_type AS "contentType", storage_key AS "storageKey"
           FROM tasks.task_attachments WHERE id = $1 AND task_id = $2`,
        [attachmentId, taskId],
      );
    });
    if (!row) throw DomainException.notFound('attachment', attachmentId);
    return { name: row.name, contentType: row.contentType, bytes: await this.storage.get(row.storageKey) };
  }
}
