import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { HazardEntity } from './hazard.entity';

/** 销号 record (审核把关销号, 003:120): who signed the close-out off, and when. */
@Entity({ name: 'closeouts' })
export class CloseoutEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_closeouts' })
  id!: string;

  @Index('uq_closeouts_hazard', { unique: true })
  @Column({ name: 'hazard_id', type: 'uuid' })
  hazardId!: string;

  @ManyToOne(() => HazardEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'hazard_id', foreignKeyConstraintName: 'fk_closeouts_hazard' })
  hazard?: HazardEntity;

  @Column({ name: 'authority_code', type: 'text', nullable: true })
  authorityCode!: string | null;

  @Column({ name: 'authority_name', type: 'text', nullable: true })
  authorityName!: string | null;

  @Column({ name: 'approved_by', type: 'text', nullable: true })
  approvedBy!: string | null;

  @Column({ name: 'approved_by_name', type: 'text', nullable: true })
  approvedByName!: string | null;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column({ name: 'closed_at', type: 'timestamptz' })
  closedAt!: Date;

  @Index('uq_closeouts_event', { unique: true })
  @Column({ name: 'event_key', type: 'text' })
  eventKey!: string;
}
