import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { EnterpriseEntity } from '../enterprises/enterprise.entity';
import { OrgUnitEntity } from '../org-units/org-unit.entity';

/** Which org unit (and, for enterprise staff, which enterprise) a Keycloak user belongs to. */
@Entity({ name: 'user_assignments' })
export class UserAssignmentEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_user_assignments' })
  username!: string;

  @Column({ name: 'org_unit_id', type: 'uuid' })
  orgUnitId!: string;

  @ManyToOne(() => OrgUnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'org_unit_id', foreignKeyConstraintName: 'fk_user_assignments_org' })
  orgUnit?: OrgUnitEntity;

  @Column({ name: 'enterprise_id', type: 'uuid', nullable: true })
  enterpriseId!: string | null;

  @ManyToOne(() => EnterpriseEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'enterprise_id', foreignKeyConstraintName: 'fk_user_assignments_ent' })
  enterprise?: EnterpriseEntity | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
