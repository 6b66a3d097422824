import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { firstRow } from '@schakel/platform';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { assertRowAccess } from '../../common/auth/row-access';
import { CaseAccessService } from '../cases/case-access.service';

/**
 * What a wide-reaching command would touch, counted before it is confirmed ("12 open cases under
 * this protocol cannot share until it is lifted"). Counts only: no reference, no content.
 */
@Injectable()
export class ConsequencesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly cases: CaseAccessService,
  ) {}

  /**
   * What closing this case leaves behind: work still open in it and sharing that stops. Only who may
   * close it (the case director, through the case's row rules) asks; outside the case: 404.
   */
  async ofCase(user: AuthenticatedUser, id: string) {
    await this.cases.load(user, id, 'transition');
    const row = firstRow(
      (await this.ds.query(
        `SELECT (SELECT count(*) FROM actions a WHERE a.case_id = $1 AND a.status = 'OPEN')::int AS open_actions,
              (SELECT count(*) FROM actions a WHERE a.case_id = $1 AND a.status = 'OPEN' AND a.due_date < (now() AT TIME ZONE 'Europe/Brussels')::date)::int AS overdue_actions,
              (SELECT count(*) FROM case_agencies ca WHERE ca.case_id = $1 AND ca.role = 'INVITED' AND ca.contribution_waived_at IS NULL
                 AND NOT EXISTS (SELECT 1 FROM contributions k WHERE k.case_id = $1 AND k.agency_id = ca.agency_id))::int AS pending_contributions,
              (SELECT count(*) FROM person_data_requests r WHERE r.case_id = $1 AND r.fulfilled_at IS NULL)::int AS open_data_requests,
              (SELECT count(*) FROM conference_items ci JOIN conferences f ON f.id = ci.conference_id WHERE ci.case_id = $1 AND f.status <> 'CLOSED')::int AS upcoming_conferences,
              (SELECT count(*) FROM consents c WHERE c.case_id = $1 AND c.status = 'GIVEN' AND c.withdrawn_at IS NULL
                 AND (c.valid_until IS NULL OR c.valid_until >= (now() AT TIME ZONE 'Europe/Brussels')::date))::int AS active_consents,
              (SELECT count(DISTINCT ca.agency_id) FROM case_agencies ca WHERE ca.case_id = $1)::int AS agencies`,
        [id],
      )) as {
        open_actions: number;
        overdue_actions: number;
        pending_contributions: number;
        open_data_requests: number;
        upcoming_conferences: number;
        active_consents: number;
        agencies: number;
      }[],
      'the case counts',
    );
    return {
      openActions: row.open_actions,
      overdueActions: row.overdue_actions,
      pendingContributions: row.pending_contributions,
      openDataRequests: row.open_data_requests,
      upcomingConferences: row.upcoming_conferences,
      activeConsents: row.active_consents,
      agencies: row.agencies,
    };
  }

  async ofProtocol(user: AuthenticatedUser, id: string) {
    const [p] = (await this.ds.query(
      `SELECT p.id, p.district, p.status, ARRAY(SELECT pa.agency_id FROM protocol_agencies pa WHERE pa.protocol_id = p.id) AS agency_ids FROM protocols p WHERE p.id = $1`,
      [id],
    )) as { id: string; district: string; status: string; agency_ids: string[] }[];
    if (!p) throw new NotFoundException('No such protocol');
    assertRowAccess(user, 'read', 'Protocol', { id: p.id, district: p.district, agencyIds: p.agency_ids, status: p.status }, 'protocol');
    const row = firstRow(
      (await this.ds.query(
        `SELECT (SELECT count(*) FROM cases c WHERE c.protocol_id = $1 AND c.stage <> 'AFGESLOTEN')::int AS open_cases,
              (SELECT count(*) FROM conferences f WHERE f.protocol_id = $1 AND f.status <> 'CLOSED')::int AS open_conferences`,
        [id],
      )) as { open_cases: number; open_conferences: number }[],
      'the protocol counts',
    );
    return { openCases: row.open_cases, openConferences: row.open_conferences, signatories: p.agency_ids.length };
  }

  async ofAgency(id: string) {
    const row = firstRow(
      (await this.ds.query(
        `SELECT EXISTS (SELECT 1 FROM agencies a WHERE a.id = $1) AS found,
              (SELECT count(*) FROM users u WHERE u.agency_id = $1 AND u.active)::int AS active_users,
              (SELECT count(*) FROM case_agencies ca JOIN cases c ON c.id = ca.case_id WHERE ca.agency_id = $1 AND c.stage <> 'AFGESLOTEN')::int AS open_cases,
              (SELECT count(*) FROM protocol_agencies pa JOIN protocols p ON p.id = pa.protocol_id WHERE pa.agency_id = $1 AND p.status = 'APPROVED')::int AS approved_protocols`,
        [id],
      )) as { found: boolean; active_users: number; open_cases: number; approved_protocols: number }[],
      'the agency counts',
    );
    if (!row.found) throw new NotFoundException('No such agency');
    return { activeUsers: row.active_users, openCases: row.open_cases, approvedProtocols: row.approved_protocols };
  }

  async ofUser(id: string) {
    const row = firstRow(
      (await this.ds.query(
        `SELECT EXISTS (SELECT 1 FROM users u WHERE u.id = $1) AS found,
              (SELECT count(*) FROM cases c WHERE c.director_id = $1 AND c.stage <> 'AFGESLOTEN')::int AS directed_cases,
              (SELECT count(*) FROM conferences f WHERE f.chair_id = $1 AND f.status <> 'CLOSED')::int AS chaired_conferences,
              (SELECT count(*) FROM refresh_tokens r WHERE r.user_id = $1 AND r.revoked_at IS NULL AND r.rotated_at IS NULL AND r.expires_at > now())::int AS sessions`,
        [id],
      )) as { found: boolean; directed_cases: number; chaired_conferences: number; sessions: number }[],
      'the user counts',
    );
    if (!row.found) throw new NotFoundException('No such user');
    return { directedOpenCases: row.directed_cases, chairedOpenConferences: row.chaired_conferences, activeSessions: row.sessions };
  }
}
