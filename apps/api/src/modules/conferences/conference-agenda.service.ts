import { ForbiddenException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNull, type DataSource } from 'typeorm';
import { checkConferenceCommand, isPlannedDay } from '@schakel/domain';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { conflict } from '../../common/http/domain-error';
import { AccessLogService, type CaseResource } from '../access-log/access-log.service';
import { caseSummaries } from '../cases/case-directory';
import { ProtocolsService } from '../protocols/protocols.service';
import { ConferenceLoader, inviteeView } from './conference-loader.service';
import { conferenceView } from './conference.view';
import type { CaseCipher } from '../crypto/case-cipher';
import { CaseKeysService } from '../crypto/case-keys.service';
import { confidentialityStatement } from './confidentiality';
import { ConferenceInvitee } from './entities/conference-invitee.entity';
import { ConferenceItem } from './entities/conference-item.entity';

/** The agenda as each participant may see it, and the confidentiality acknowledgement that opens it. */
@Injectable()
export class ConferenceAgendaService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly accessLog: AccessLogService,
    private readonly protocols: ProtocolsService,
    private readonly loader: ConferenceLoader,
    private readonly caseKeys: CaseKeysService,
  ) {}

  /**
   * One conference, for its chair or an invitee (404 for anyone else). Until the caller has
   * acknowledged their duty of confidentiality the agenda holds case references and stages only;
   * afterwards (and always for the chair) it adds the persons' roles, risk level and red flags. The
   * chair gets the minutes taken so far; once the conference is closed every participant gets the
   * minutes of the items they may read. What is shown is access-logged in one insert.
   */
  async detail(user: AuthenticatedUser, id: string) {
    const { conference: c, invitees } = await this.loader.load(user, id, 'read');
    const isChair = c.chairId === user.id;
    const me = invitees.find((i) => i.userId === user.id) ?? null;
    const full = isChair || me?.acknowledgedAt != null;
    const items = await this.ds.getRepository(ConferenceItem).find({ where: { conferenceId: id }, order: { position: 'ASC' } });
    const caseIds = items.map((i) => i.caseId);
    // The conference (art. 458ter) is what opens these cases to its participants, not their own case scope.
    const records = await caseSummaries(this.ds.manager, caseIds);
    const roles: { case_id: string; role: string; n: number }[] =
      full && caseIds.length
        ? await this.ds.query('SELECT case_id, role, count(*)::int AS n FROM persons WHERE case_id = ANY($1) GROUP BY case_id, role ORDER BY role', [caseIds])
        : [];
    const people = await this.loader.people(this.ds.manager, [c.chairId, ...invitees.map((i) => i.userId)]);
    const withMinutes = new Set(
      isChair
        ? caseIds
        : full && c.status === 'CLOSED'
          ? (await this.loader.readableMinutes(user, c, items, this.ds.manager, 'skip')).map((i) => i.caseId)
          : [],
    );

    const ciphers = withMinutes.size ? await this.caseKeys.ciphers([...withMinutes]) : new Map<string, CaseCipher>();
    const agenda = items.map((item) => {
      const r = records.find((x) => x.id === item.caseId)!;
      const base = { position: item.position, caseId: item.caseId, reference: r.reference, stage: r.stage };
      if (!full) return { ...base, limited: true as const };
      const details = {
        ...base,
        limited: false as const,
        persons: Object.fromEntries(roles.filter((x) => x.case_id === item.caseId).map((x) => [x.role, x.n])),
        riskLevel: r.riskLevel,
        redFlags: r.redFlags,
      };
      return withMinutes.has(item.caseId) ? { ...details, minutes: this.loader.itemMinutesView(item, ciphers.get(item.caseId)!) } : details;
    });
    if (full) {
      const reads: { caseId: string; resource: CaseResource; resourceId: string }[] = items.map((i) => ({
        caseId: i.caseId,
        resource: 'CASE',
        resourceId: id,
      }));
      for (const i of items) if (withMinutes.has(i.caseId) && i.minutes !== null) reads.push({ caseId: i.caseId, resource: 'MINUTES', resourceId: id });
      await this.accessLog.recordReads(user, reads);
    }
    const protocol = await this.protocols.findWithAgencies(c.protocolId);
    return {
      ...conferenceView(c),
      plannedForToday: isPlannedDay(c.scheduledAt),
      protocol: protocol ? { id: protocol.protocol.id, title: protocol.protocol.title, reference: protocol.protocol.reference } : null,
      chair: { userId: c.chairId, name: people.get(c.chairId)?.name ?? null, agencyId: c.chairAgencyId, agency: people.get(c.chairId)?.agency ?? null },
      myRole: isChair ? ('CHAIR' as const) : ('INVITEE' as const),
      acknowledgedAt: me?.acknowledgedAt?.toISOString() ?? null,
      confidentiality: confidentialityStatement(user.locale),
      invitees: invitees.map((i) => inviteeView(i, people)),
      agenda,
    };
  }

  /** The caller, an invitee, confirms their duty of confidentiality; repeating it changes nothing. */
  async acknowledge(user: AuthenticatedUser, id: string) {
    return this.ds.transaction(async (m) => {
      const { conference: c, invitees } = await this.loader.load(user, id, 'acknowledge', m);
      const me = invitees.find((i) => i.userId === user.id);
      if (!me) throw new ForbiddenException({ code: 'FORBIDDEN', message: 'Only an invitee acknowledges the duty of confidentiality' });
      const statement = confidentialityStatement(user.locale);
      if (!me.acknowledgedAt) {
        const refusal = checkConferenceCommand(c.status, 'acknowledge');
        if (refusal) throw conflict(refusal.code, refusal.message, { status: c.status });
        // Conditional update: of two concurrent acknowledgements the first one's time is kept.
        await m
          .getRepository(ConferenceInvitee)
          .update({ conferenceId: id, userId: user.id, acknowledgedAt: IsNull() }, { acknowledgedAt: new Date(), acknowledgement: statement.version });
      }
      const row = await m.getRepository(ConferenceInvitee).findOneByOrFail({ conferenceId: id, userId: user.id });
      return {
        conferenceId: id,
        userId: user.id,
        acknowledgedAt: row.acknowledgedAt!.toISOString(),
        statementVersion: row.acknowledgement,
        statement: statement.text,
      };
    });
  }
}
