import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** One prosecution office's approval of a submitted protocol, with its reference and motivation. */
@Entity({ name: 'protocol_approvals' })
export class ProtocolApproval {
  @PrimaryColumn({ name: 'protocol_id', type: 'uuid' }) protocolId: string;
  @PrimaryColumn({ name: 'agency_id', type: 'uuid' }) agencyId: string;
  @Column({ name: 'approved_by', type: 'uuid' }) approvedBy: string;
  @Column({ name: 'approved_at', type: 'timestamptz', default: () => 'now()' }) approvedAt: Date;
  @Column({ type: 'text' }) reference: string;
  @Column({ type: 'text' }) motivation: string;
}

/** The protocol's own history: submissions, approvals, rejections, suspensions and their lifting, with reasons. */
@Entity({ name: 'protocol_events' })
export class ProtocolEvent {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ name: 'protocol_id', type: 'uuid' }) protocolId: string;
  @Column({ type: 'timestamptz', default: () => 'now()' }) at: Date;
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId: string | null;
  @Column({ type: 'text' }) type: string;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ type: 'jsonb', default: () => "'{}'" }) detail: Record<string, unknown>;
}

/** A versioned confidentiality statement (458ter §2) that users acknowledge per protocol. */
@Entity({ name: 'confidentiality_statements' })
export class ConfidentialityStatement {
  @PrimaryColumn({ type: 'int' }) version: number;
  @Column({ name: 'text_nl', type: 'text' }) textNl: string;
  @Column({ name: 'text_fr', type: 'text' }) textFr: string;
  @Column({ name: 'text_en', type: 'text' }) textEn: string;
  @Column({ name: 'valid_from', type: 'timestamptz' }) validFrom: Date;
}

@Entity({ name: 'protocol_acknowledgements' })
export class ProtocolAcknowledgement {
  @PrimaryColumn({ name: 'protocol_id', type: 'uuid' }) protocolId: string;
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId: string;
  @PrimaryColumn({ name: 'statement_version', type: 'int' }) statementVersion: number;
  @Column({ name: 'acknowledged_at', type: 'timestamptz', default: () => 'now()' }) acknowledgedAt: Date;
}
