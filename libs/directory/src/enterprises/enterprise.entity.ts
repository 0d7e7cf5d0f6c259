import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { OrgUnitEntity } from '../org-units/org-unit.entity';

@Entity({ name: 'enterprises' })
@Check('ck_enterprises_size', `size IN ('above_scale','small_micro')`)
export class EnterpriseEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_enterprises' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  /** 统一社会信用代码 (GB 32100-2015), validated before it gets here. */
  @Index('uq_enterprises_credit_code', { unique: true })
  @Column({ name: 'credit_code', type: 'text' })
  creditCode!: string;

  @Index('ix_enterprises_sector')
  @Column({ type: 'text' })
  sector!: string;

  @Index('ix_enterprises_town')
  @Column({ name: 'town_id', type: 'uuid' })
  townId!: string;

  @ManyToOne(() => OrgUnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'town_id', foreignKeyConstraintName: 'fk_enterprises_town' })
  town?: OrgUnitEntity;

  @Column({ type: 'text' })
  size!: string;

  @Column({ type: 'text' })
  principal!: string;

  @Column({ name: 'principal_phone', type: 'text', nullable: true })
  principalPhone!: string | null;

  @Column({ type: 'text', nullable: true })
  address!: string | null;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
