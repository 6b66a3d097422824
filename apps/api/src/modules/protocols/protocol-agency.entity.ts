import { Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Protocol } from './protocol.entity';

/** A signatory agency of a protocol. */
@Entity({ name: 'protocol_agencies' })
export class ProtocolAgency {
  @PrimaryColumn({ name: 'protocol_id', type: 'uuid' }) protocolId: string;
  @PrimaryColumn({ name: 'agency_id', type: 'uuid' }) agencyId: string;
  @ManyToOne(() => Protocol, (p) => p.agencies, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'protocol_id' }) protocol?: Protocol;
}
