import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { assertRowAccess } from '../../common/auth/row-access';
import { ProtocolAgency } from './protocol-agency.entity';
import { ConfidentialityStatement, ProtocolAcknowledgement } from './protocol-records.entities';
import { Protocol } from './protocol.entity';

// A protocol and every revision it amends (or that amends it) share one acknowledgement: a case
// moved to a new revision does not ask its partners to acknowledge again.
const PROTOCOL_FAMILY = `WITH RECURSIVE up(id, amends_id) AS (
    SELECT id, amends_id FROM protocols WHERE id = $1
    UNION SELECT p.id, p.amends_id FROM protocols p JOIN up ON p.id = up.amends_id
  ), down(id) AS (
    SELECT id FROM up
    UNION SELECT p.id FROM protocols p JOIN down ON p.amends_id = down.id
  ) SELECT id FROM down`;

/**
 * Confidentiality per protocol (art. 458ter §2; law of 30 July 2018 art. 9–10): each user of a
 * signatory acknowledges the versioned statement once, and the liaison and the DPO see who has access.
 */
@Injectable()
export class ProtocolConfidentialityService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async currentStatement(m: EntityManager = this.ds.manager): Promise<ConfidentialityStatement> {
    const s = await m.getRepository(ConfidentialityStatement).createQueryBuilder('s').orderBy('s.version', 'DESC').limit(1).getOne();
    if (!s) throw new Error('no confidentiality statement: run the migrations');
    return s;
  }

  async statementFor(user: AuthenticatedUser, protocolId: string) {
    const statement = await this.currentStatement();
    const acknowledgedAt = await this.acknowledgedAt(user.id, protocolId);
    return { protocolId, ...statementView(statement), acknowledgedAt: acknowledgedAt?.toISOString() ?? null };
  }

  async acknowledge(user: AuthenticatedUser, protocolId: string) {
    return this.ds.transaction(async (m) => {
      const protocol = await m.getRepository(Protocol).findOneBy({ id: protocolId });
      if (!protocol) throw new NotFoundException('No such protocol');
      const agencyIds = (await m.getRepository(ProtocolAgency).findBy({ protocolId })).map((r) => r.agencyId);
      assertRowAccess(
        user,
        'acknowledge',
        'Protocol',
        { district: protocol.district, agencyIds, status: protocol.status, approverAgencyIds: protocol.approverAgencyIds },
        'protocol',
      );
      const statement = await this.currentStatement(m);
      await m.query(`INSERT INTO protocol_acknowledgements (protocol_id, user_id, statement_version) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
        protocolId,
        user.id,
        statement.version,
      ]);
      const row = await m.getRepository(ProtocolAcknowledgement).findOneByOrFail({ protocolId, userId: user.id, statementVersion: statement.version });
      return { protocolId, userId: user.id, ...statementView(statement), acknowledgedAt: row.acknowledgedAt.toISOString() };
    });
  }

  /** When the user acknowledged the current statement for this protocol (or a revision of it); null if never. */
  async acknowledgedAt(userId: string, protocolId: string, m: EntityManager = this.ds.manager): Promise<Date | null> {
    const rows: { at: Date }[] = await m.query(
      `SELECT max(a.acknowledged_at) AS at FROM protocol_acknowledgements a
        WHERE a.user_id = $2 AND a.statement_version = (SELECT max(version) FROM confidentiality_statements)
          AND a.protocol_id IN (${PROTOCOL_FAMILY})`,
      [protocolId, userId],
    );
    return rows[0]?.at ? new Date(rows[0].at) : null;
  }

  /** Everyone at a signatory agency who can work on its cases, and when they acknowledged. */
  async accessList(user: AuthenticatedUser, protocolId: string) {
    const protocol = await this.ds.getRepository(Protocol).findOneBy({ id: protocolId });
    if (!protocol) throw new NotFoundException('No such protocol');
    const agencyIds = (await this.ds.getRepository(ProtocolAgency).findBy({ protocolId })).map((r) => r.agencyId);
    assertRowAccess(
      user,
      'read',
      'Protocol',
      { district: protocol.district, agencyIds, status: protocol.status, approverAgencyIds: protocol.approverAgencyIds },
      'protocol',
    );
    assertRowAccess(user, 'read', 'ProtocolAccessList', { district: protocol.district }, 'protocol');
    const statement = await this.currentStatement();
    const rows: {
      id: string;
      display_name: string;
      agency_id: string;
      agency_name: string;
      roles: string[];
      acknowledged_at: Date | null;
      statement_version: number | null;
    }[] = agencyIds.length
      ? await this.ds.query(
          `SELECT u.id, u.display_name, u.agency_id, a.name AS agency_name, u.roles, ack.acknowledged_at, ack.statement_version
           FROM users u JOIN agencies a ON a.id = u.agency_id
           LEFT JOIN LATERAL (
             SELECT x.acknowledged_at, x.statement_version FROM protocol_acknowledgements x
              WHERE x.user_id = u.id AND x.protocol_id IN (${PROTOCOL_FAMILY})
              ORDER BY x.statement_version DESC, x.acknowledged_at DESC LIMIT 1
           ) ack ON true
          WHERE u.agency_id = ANY($2) AND u.active AND u.roles && ARRAY['case_director','agency_member','referrer']::text[]
          ORDER BY a.name, u.display_name`,
          [protocolId, agencyIds],
        )
      : [];
    return {
      protocolId,
      statementVersion: statement.version,
      items: rows.map((r) => ({
        userId: r.id,
        displayName: r.display_name,
        agencyId: r.agency_id,
        agencyName: r.agency_name,
        roles: r.roles,
        acknowledgedAt: r.acknowledged_at ? new Date(r.acknowledged_at).toISOString() : null,
        statementVersion: r.statement_version,
        current: r.statement_version === statement.version,
      })),
    };
  }
}

function statementView(s: ConfidentialityStatement) {
  return { statementVersion: s.version, statement: { nl: s.textNl, fr: s.textFr, en: s.textEn } };
}
