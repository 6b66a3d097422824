import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { DataCategory, LegalBasis, PersonDisclosureCategory, RelationshipType, RelationshipViolence } from '@schakel/domain';

/** `from` is the PARTNER/PARENT/… of `to`; ONE_WAY violence goes from `from` to `to`. */
@Entity({ name: 'person_relationships' })
export class PersonRelationship {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ name: 'from_person_id', type: 'uuid' }) fromPersonId: string;
  @Column({ name: 'to_person_id', type: 'uuid' }) toPersonId: string;
  @Column({ type: 'text' }) type: RelationshipType;
  @Column({ type: 'text' }) violence: RelationshipViolence;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
}

/** Identification or contact details of one person disclosed to named agencies (logged in the sharing log). */
@Entity({ name: 'person_disclosures' })
export class PersonDisclosure {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ name: 'person_id', type: 'uuid' }) personId: string;
  @Column({ name: 'from_agency_id', type: 'uuid' }) fromAgencyId: string;
  @Column({ name: 'from_user_id', type: 'uuid' }) fromUserId: string;
  @Column({ name: 'to_agency_ids', type: 'uuid', array: true }) toAgencyIds: string[];
  @Column({ type: 'text', array: true }) categories: DataCategory[];
  @Column({ name: 'legal_basis', type: 'text' }) legalBasis: LegalBasis;
  @Column({ name: 'consent_id', type: 'uuid', nullable: true }) consentId: string | null;
  /** Case-key ciphertext. */
  @Column({ type: 'text', nullable: true }) justification: string | null;
  /** Case-key ciphertext of the key of the justification's commitment in the sharing log. */
  @Column({ name: 'justification_nonce', type: 'text', nullable: true }) justificationNonce: string | null;
  @Column({ name: 'log_seq', type: 'bigint' }) logSeq: string;
  @Column({ name: 'request_id', type: 'uuid', nullable: true }) requestId: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
}

/** A partner asking the file holders for a person's withheld details. */
@Entity({ name: 'person_data_requests' })
export class PersonDataRequest {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ name: 'person_id', type: 'uuid' }) personId: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId: string;
  @Column({ name: 'requested_by', type: 'uuid' }) requestedBy: string;
  @Column({ type: 'text', array: true }) categories: PersonDisclosureCategory[];
  /** Case-key ciphertext. */
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
  @Column({ name: 'fulfilled_at', type: 'timestamptz', nullable: true }) fulfilledAt: Date | null;
}
