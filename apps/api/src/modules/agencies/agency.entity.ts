import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { AgencyType } from '@schakel/domain';

@Entity({ name: 'agencies' })
export class Agency {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) type: AgencyType;
  @Column({ type: 'text' }) district: string;
  @Column({ type: 'boolean', default: true }) active: boolean;
  /** May receive information under art. 422bis, like the police. */
  @Column({ name: 'emergency_service', type: 'boolean', default: false }) emergencyService: boolean;
  @VersionColumn() version: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
