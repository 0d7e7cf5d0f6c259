import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@zhiben/auth';
import { HAZARD_EVENT_TYPES, type HazardFileDto } from '@zhiben/contracts';
import { DomainException } from '@zhiben/platform';
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { HazardEntity, HazardFileEntity, type HazardFileKind } from '../entities';
import { HAZARDS_OPTIONS, type HazardsOptions } from '../hazards.options';
import { toFileDto } from '../hazards/hazard.mappers';
import { HazardsQueryService } from '../hazards/hazards-query.service';
import { appendEvent } from '../hazards/ledger-events';
import { ScopeResolver } from '../scope/scope.resolver';
import { resolveUploadType, safeFileName, UPLOAD_TYPES } from './file-sniff';
import { FILE_STORAGE, type FileStorage } from './file-storage';
import { spoolUpload } from './upload-reader';

const ACCEPTED = Object.keys(UPLOAD_TYPES).join(', ');

/** Evidence files: typed by their bytes, size-limited, hashed, readable only within the hazard's scope. */
@Injectable()
export class FilesService {
  constructor(
    private readonly ds: DataSource,
    private readonly query: HazardsQueryService,
    private readonly scopes: ScopeResolver,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(HAZARDS_OPTIONS) private readonly options: HazardsOptions,
  ) {}

  async upload(
    p: Principal,
    token: string,
    hazardId: string,
    req: {
      body: Readable;
      contentType: string | undefined;
      contentLength: string | undefined;
      fileName: string | undefined;
    },
    kind: HazardFileKind,
  ): Promise<HazardFileDto> {
    const { hazard } = await this.query.loadReadable(p, token, hazardId);
    if (p.roles.includes('enterprise') && hazard.enterpriseCreditCode !== p.enterpriseCreditCode) {
      throw new DomainException('OUT_OF_JURISDICTION');
    }
    const limit = this.options.uploadMaxBytes;
    const declared = Number(req.contentLength);
    if (Number.isFinite(declared) && declared > limit + 64 * 1024 * 1024) {
      // Far beyond the limit: refuse without reading it (the connection closes after the answer).
      throw this.tooLarge(limit);
    }
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
      const storageKey = `hazards/${hazard.id}/${id}`;
      await this.storage.put(storageKey, createReadStream(spooled.path), {
        contentType: type.type,
        size: spooled.size,
      });
      const fileName = safeFileName(req.fileName, type.type);
      const row = await this.ds.transaction(async (m) => {
        const saved = await m.getRepository(HazardFileEntity).save({
          id,
          hazardId: hazard.id,
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
          hazardId: hazard.id,
          eventKey: `file:${id}:uploaded`,
          type: HAZARD_EVENT_TYPES.fileUploaded,
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

  /** The file's metadata and bytes, if the caller's scope covers its hazard. */
  async open(p: Principal, token: string, fileId: string) {
    const file = await this.ds.getRepository(HazardFileEntity).findOneBy({ id: fileId });
    if (!file) throw DomainException.notFound('File', fileId);
    const hazard = await this.ds.getRepository(HazardEntity).findOneByOrFail({ id: file.hazardId });
    this.scopes.assertCanRead(await this.scopes.scopeOf(p, token), hazard);
    const object = await this.storage.open(file.storageKey);
    if (!object) throw DomainException.notFound('File content', fileId);
    return { file, ...object };
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
