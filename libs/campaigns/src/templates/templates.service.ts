import { Injectable } from '@nestjs/common';
import type { Principal } from '@zhiben/auth';
import { CAMPAIGN_TEMPLATES } from '@zhiben/campaigns-domain';
import { campaignTemplateSchema, type CampaignTemplate } from '@zhiben/contracts';
import { DomainException, parseOrThrow } from '@zhiben/platform';
import { DataSource } from 'typeorm';
import { TemplateVersionEntity } from '../entities';
import { isUniqueViolation } from '../schema';

export interface TemplateVersionInfo {
  version: number;
  source: 'shipped' | 'saved';
  createdBy: string | null;
  createdAt: string | null;
}

/**
 * Campaign templates: the shipped ones (campaigns-domain, the seeds) and the versions admins saved. An
 * edit is always a new version (the next number, checked optimistically); no version is ever changed,
 * so a campaign keeps the exact template it was created from.
 */
@Injectable()
export class TemplatesService {
  constructor(private readonly ds: DataSource) {}

  private async saved(id?: string): Promise<TemplateVersionEntity[]> {
    return this.ds.getRepository(TemplateVersionEntity).find({
      where: id ? { templateId: id } : {},
      order: { templateId: 'ASC', version: 'ASC' },
    });
  }

  private async versionsOf(id: string): Promise<{ template: CampaignTemplate; info: TemplateVersionInfo }[]> {
    const shipped = CAMPAIGN_TEMPLATES.filter((t) => t.id === id).map((template) => ({
      template,
      info: { version: template.version, source: 'shipped' as const, createdBy: null, createdAt: null },
    }));
    const saved = (await this.saved(id)).map((r) => ({
      template: r.body,
      info: {
        version: r.version,
        source: 'saved' as const,
        createdBy: r.createdByName,
        createdAt: r.createdAt.toISOString(),
      },
    }));
    return [...shipped, ...saved].sort((a, b) => a.info.version - b.info.version);
  }

  async list() {
    const ids = [
      ...new Set([...CAMPAIGN_TEMPLATES.map((t) => t.id), ...(await this.saved()).map((r) => r.templateId)]),
    ];
    const out = [];
    for (const id of ids) {
      const versions = await this.versionsOf(id);
      const latest = versions[versions.length - 1].template;
      out.push({
        id,
        kind: latest.kind,
        titleZh: latest.titleZh,
        titleEn: latest.titleEn,
        issuer: latest.issuer,
        latestVersion: latest.version,
        versions: versions.map((v) => v.info),
      });
    }
    return { data: out, total: out.length };
  }

  /** The template at `version`, or its latest version; null when there is none. */
  async find(id: string, version?: number): Promise<CampaignTemplate | null> {
    const versions = await this.versionsOf(id);
    const hit =
      version === undefined
        ? versions[versions.length - 1]
        : versions.find((v) => v.info.version === version);
    return hit?.template ?? null;
  }

  async get(id: string, version?: number) {
    const versions = await this.versionsOf(id);
    const hit =
      version === undefined
        ? versions[versions.length - 1]
        : versions.find((v) => v.info.version === version);
    if (!hit) throw DomainException.notFound('Template', version === undefined ? id : `${id}@${version}`);
    return { ...hit.template, source: hit.info.source, versions: versions.map((v) => v.info) };
  }

  async saveVersion(p: Principal, id: string, body: unknown) {
    const template = parseOrThrow(campaignTemplateSchema, body);
    if (template.id !== id) {
      throw DomainException.field('id', `模板标识须为 ${id}`, `The template id must be ${id}`);
    }
    const versions = await this.versionsOf(id);
    if (versions.length === 0) throw DomainException.notFound('Template', id);
    const next = versions[versions.length - 1].info.version + 1;
    if (template.version !== next) {
      throw new DomainException('STALE_VERSION', {
        detail: `Expected version ${next}, got ${template.version}`,
        messageZh: `新版本号须为 ${next}（模板已有版本 1–${next - 1}，已保存的版本不可修改）`,
        messageEn: `The new version must be ${next} (versions 1–${next - 1} exist and never change)`,
      });
    }
    try {
      await this.ds.getRepository(TemplateVersionEntity).insert({
        templateId: id,
        version: next,
        body: template,
        createdBy: p.username,
        createdByName: p.name,
      });
    } catch (e) {
      if (isUniqueViolation(e)) {
        throw new DomainException('STALE_VERSION', {
          detail: `Version ${next} of ${id} was saved concurrently`,
          messageZh: '该模板刚被他人保存了新版本，请刷新后重试',
          messageEn: 'Someone else just saved a new version of this template; reload and retry',
        });
      }
      throw e;
    }
    return this.get(id, next);
  }
}
