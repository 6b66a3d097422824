import { Column, Entity, PrimaryColumn } from 'typeorm';

export type CaseTeamRole = 'DEPUTY';

/**
 * A deputy case director: a case director of a case agency who acts on the case like its director
 * (the director himself stays `cases.director_id`).
 */
@Entity({ name: 'case_team_members' })
export class CaseTeamMember {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' }) caseId: string;
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId: string;
  @Column({ type: 'text' }) role: CaseTeamRole;
  @Column({ name: 'added_by', type: 'uuid', nullable: true }) addedBy: string | null;
  @Column({ name: 'added_at', type: 'timestamptz', default: () => 'now()' }) addedAt: Date;
}
