import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { GenderCode, PersonRole } from '@schakel/domain';

/**
 * A person in a case. Every identity column holds AES-256-GCM ciphertext (CryptoService);
 * `blindIndex` is a keyed HMAC of the normalised name and birth date, used only to detect repeat referrals.
 */
@Entity({ name: 'persons' })
export class Person {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ type: 'text' }) role: PersonRole;
  @Column({ name: 'first_name', type: 'text' }) firstName: string;
  @Column({ name: 'last_name', type: 'text' }) lastName: string;
  @Column({ name: 'birth_date', type: 'text', nullable: true }) birthDate: string | null;
  @Column({ name: 'national_number', type: 'text', nullable: true }) nationalNumber: string | null;
  @Column({ type: 'text', nullable: true }) address: string | null;
  @Column({ type: 'text', nullable: true }) gender: string | null;
  @Column({ type: 'text', nullable: true }) phone: string | null;
  @Column({ type: 'text', nullable: true }) email: string | null;
  /** A shelter address: readable by `addressAuthorAgencyId` only, never disclosed, never printed. */
  @Column({ name: 'confidential_address', type: 'boolean', default: false }) confidentialAddress: boolean;
  @Column({ name: 'address_author_agency_id', type: 'uuid', nullable: true }) addressAuthorAgencyId: string | null;
  @Column({ name: 'created_by_agency_id', type: 'uuid', nullable: true }) createdByAgencyId: string | null;
  @Column({ type: 'boolean', nullable: true }) informed: boolean | null;
  @Column({ name: 'consent_given', type: 'boolean', nullable: true }) consentGiven: boolean | null;
  /** Non-identifying code (FEMALE|MALE|X|UNKNOWN), plaintext for statistics. */
  @Column({ name: 'gender_code', type: 'text', nullable: true }) genderCode: GenderCode | null;
  @Column({ name: 'blind_index', type: 'text' }) blindIndex: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
}
