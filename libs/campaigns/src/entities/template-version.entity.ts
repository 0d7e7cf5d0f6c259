import type { CampaignTemplate } from '@zhiben/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A campaign template version saved by an admin. The shipped templates (campaigns-domain) are versions
 * too but live in code; a saved version always gets the next number, and no version is ever changed.
 */
@Entity({ name: 'template_versions' })
export class TemplateVersionEntity {
  @PrimaryColumn({ name: 'template_id', type: 'text', primaryKeyConstraintName: 'pk_template_versions' })
  templateId!: string;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'pk_template_versions' })
  version!: number;

  @Column({ type: 'jsonb' })
  body!: CampaignTemplate;

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @Column({ name: 'created_by_name', type: 'text' })
  createdByName!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
