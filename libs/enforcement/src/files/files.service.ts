import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@zhiben/auth';
import {
  ENFORCEMENT_EVENT_TYPES,
  type EnforcementFileDto,
  type EnforcementFileKind,
} from '@zhiben/contracts';
import {
  FILE_STORAGE,
  resolveUploadType,
  safeFileName,
  spoolUpload,
  UPLOAD_TYPES,
  type FileStorage,
} from '@zhiben/hazards';
import { DomainException } from '@zhiben/platform';
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { RecordsService } from '../access/records.service';
import { ENFORCEMENT_OPTIONS, type EnforcementOptions } from '../enforcement.options';
import { EnforcementFileEntity } from '../entities';
import { appendEvent } from '../events';
import { toFileDto } from '../mappers';

const ACCEPTED = Object.keys(UPLOAD_TYPES).join(', ');

export type FileSubject = 'inspection' | 'case' | 'referral';

export interface UploadRequest {
  body: Readable;
  contentType: string | undefined;
  contentLength: string | undefined;
  fileName: string | undefined;
}

/**
 * Photos, evidence and referral documents: typed by their bytes (JPEG, PNG, WebP, PDF), size-limited,
 * hashed, stored like the hazard ledger's files, readable only within their record's jurisdiction.
 */
@Injectable()
export class FilesService {
  constructor(
    private readonly ds: DataSource,
    private readonly records: RecordsService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(ENFORCEMENT_OPTIONS) private readonly options: EnforcementOptions,
  ) {}

  private async subject(p: Principal, token: string, kind: FileSubject, id: string) {
    switch (kind) {
      case 'inspection':
        return (await this.records.inspection(p, token, id)).row;
      case 'case':
        return (await this.records.penaltyCase(p, token, id)).row;
      case 'referral':
        return (await this.records.referral(p, token, id)).row;
    }
  }

  async upload(
    p: Principal,
    token: string,
    subjectKind: FileSubject,
    subjectId: string,
    req: UploadRequest,
    kind: EnforcementFileKind,
  ): Promise<EnforcementFileDto> {
    const subject = await this.subject(p, token, subjectKind, subjectId);
    if (p.roles.includes('enterprise')) this.records.assertOwnEnterprise(p, subject);
    const limit = this.options.uploadMaxBytes;
    const declared = Number(req.contentLength);
    if (Number.isFinite(declared) && declared > limit + 64 * 1024 * 1024) throw this.tooLarge(limit);
    const id = randomUUID();
    const spooled = await spoolUpload(req.body, join(this.options.storageDir, 'tmp'), `${id}.upload`, limit);
    if (!spooled.ok) {
      if (spooled.reason === 'too-large') throw this.tooLarge(limit);
      throw DomainException.field('file', '文件为空', 'The file is empty');
    }
    try {
      const type = resolveUploadType(req.contentType, spooled.head);
      if (!type.ok) {
        throw DomainException.field(
          'file',
          type.reason === 'mismatch'
            ? `文件内容（${type.sniffed}）与声明的类型（${req.contentType}）不符`
            : `不支持的文件类型，只接受 JPEG、PNG、WebP 图片和 PDF 文档`,
          type.reason === 'mismatch'
            ? `File content (${type.sniffed}) does not match the declared type (${req.contentType})`
            : `Unsupported file type; accepted: ${ACCEPTED}`,
        );
      }
      const storageKey = `enforcement/${subjectKind}/${subjectId}/${id}`;
      await this.storage.put(storageKey, createReadStream(spooled.path), {
        contentType: type.type,
        size: spooled.size,
      });
      const fileName = safeFileName(req.fileName, type.type);
      const row = await this.ds.transaction(async (m) => {
        const saved = await m.getRepository(EnforcementFileEntity).save({
          id,
          subjectKind,
          subjectId,
          kind,
          fileName,
          contentType: type.type,
          sizeBytes: String(spooled.size),
          sha256: spooled.sha256,
          storageKey,
          uploadedBy: p.username,
          uploadedByName: p.name,
        });
        await appendEvent(m, {
          subject: { kind: subjectKind, id: subjectId },
          eventKey: `file:${id}:uploaded`,
          type: ENFORCEMENT_EVENT_TYPES.fileUploaded,
          summaryZh: `${p.name}上传材料「${fileName}」`,
          summaryEn: `${p.name} uploaded "${fileName}"`,
          actor: { username: p.username, name: p.name },
          data: { fileId: id, kind, sha256: spooled.sha256, sizeBytes: spooled.size },
        });
        return saved;
      });
      return toFileDto(row);
    } finally {
      await rm(spooled.path, { force: true });
    }
  }

  async list(p: Principal, token: string, subjectKind: FileSubject, subjectId: string) {
    await this.subject(p, token, subjectKind, subjectId);
    const files = await this.ds.getRepository(EnforcementFileEntity).find({
      where: { subjectKind, subjectId },
      order: { createdAt: 'ASC' },
    });
    return { data: files.map(toFileDto), total: files.length };
  }

  /** The file's metadata and bytes, if the caller may read its record. */
  async open(p: Principal, token: string, fileId: string) {
    const file = await this.ds.getRepository(EnforcementFileEntity).findOneBy({ id: fileId });
    if (!file) throw DomainException.notFound('File', fileId);
    await this.subject(p, token, file.subjectKind, file.subjectId);
    const object = await this.storage.open(file.storageKey);
    if (!object) throw DomainException.notFound('File content', fileId);
    return { file, ...object };
  }

  /** Checks that every id names a file of this record (e.g. a finding's photos, an application's evidence). */
  async assertFilesOf(
    subjectKind: FileSubject,
    subjectId: string,
    ids: string[],
    path: string,
  ): Promise<void> {
    if (ids.length === 0) return;
    const found = await this.ds.getRepository(EnforcementFileEntity).find({
      select: { id: true },
      where: ids.map((id) => ({ id, subjectKind, subjectId })),
    });
    const known = new Set(found.map((f) => f.id));
    const errors = ids
      .map((fid, i) => ({ fid, i }))
      .filter(({ fid }) => !known.has(fid))
      .map(({ i }) => ({
        path: `${path}.${i}`,
        messageZh: '文件不存在或不属于该记录',
        messageEn: 'No such file on this record',
      }));
    if (errors.length > 0)
      throw new DomainException('VALIDATION_FAILED', { detail: 'Unknown files', errors });
  }

  private tooLarge(limit: number): DomainException {
    return new DomainException('BODY_TOO_LARGE', {
      detail: `Upload exceeds ${limit} bytes`,
      errors: [
        {
          path: 'file',
          messageZh: `文件超过上限（${limit} 字节）`,
          messageEn: `The file exceeds the limit (${limit} bytes)`,
        },
      ],
    });
  }
}
