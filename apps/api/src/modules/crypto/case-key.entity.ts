import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The data key of one case, wrapped by the key ring; `wrappedKey` is null once destroyed (erasure). */
@Entity({ name: 'case_keys' })
export class CaseKey {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ name: 'wrapped_key', type: 'text', nullable: true }) wrappedKey: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
  @Column({ name: 'destroyed_at', type: 'timestamptz', nullable: true }) destroyedAt: Date | null;
  @Column({ name: 'destroyed_by', type: 'uuid', nullable: true }) destroyedBy: string | null;
  /** Ring-encrypted: the DPO's reason outlives the case key. */
  @Column({ name: 'destruction_reason', type: 'text', nullable: true }) destructionReason: string | null;
}
