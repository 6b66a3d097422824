import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { asSubject } from '@schakel/authz';
import { checkConferenceCommand } from '@schakel/domain';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { conflict, unprocessable } from '../../common/http/domain-error';
import { RuntimeConfig } from '../../config/runtime-config';
import { AccessLogService } from '../access-log/access-log.service';
import { TimelineService } from '../cases/timeline.service';
import { CaseKeysService } from '../crypto/case-keys.service';
import { ProtocolsService } from '../protocols/protocols.service';
import { ConferenceLoader, MINUTES, RATIONALE } from './conference-loader.service';
import { conferenceSubject, conferenceView } from './conference.view';
import type { ItemMinutesDto } from './dto/item-minutes.dto';
import { ConferenceInvitee } from './entities/conference-invitee.entity';
import { ConferenceItem } from './entities/conference-item.entity';
import { Conference } from './entities/conference.entity';
import { pdfLocales, renderMinutesPdf } from './minutes-pdf';
import { minutesHash, signMinutes } from './minutes-seal';

/** Minutes while the conference runs, the seal when it closes, and the signed PDF afterwards. */
@Injectable()
export class ConferenceMinutesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly timeline: TimelineService,
    private readonly accessLog: AccessLogService,
    private readonly caseKeys: CaseKeysService,
    private readonly protocols: ProtocolsService,
    private readonly config: RuntimeConfig,
    private readonly loader: ConferenceLoader,
  ) {}

  /** The chair records one agenda item's minutes (encrypted), attendance and decisions while the conference runs. */
  async putMinutes(user: AuthenticatedUser, id: string, caseId: string, dto: ItemMinutesDto) {
    return this.ds.transaction(async (m) => {
      const { conference: c, invitees } = await this.loader.load(user, id, 'chair', m, true);
      const refusal = checkConferenceCommand(c.status, 'minutes');
      if (refusal) throw conflict(refusal.code, refusal.message, refusal.code === 'MINUTES_LOCKED' ? { minutesHash: c.minutesHash } : { status: c.status });
      const repo = m.getRepository(ConferenceItem);
      const item = await repo.findOne({ where: { conferenceId: id, caseId }, lock: { mode: 'pessimistic_write' } });
      if (!item) throw new NotFoundException('No such agenda item');
      if (dto.version !== undefined && dto.version !== item.version) {
        throw conflict('STALE_VERSION', 'These minutes were changed since you read them; reload them', { currentVersion: item.version });
      }
      const participants = new Map<string, ConferenceInvitee | null>([[c.chairId, null], ...invitees.map((i) => [i.userId, i] as const)]);
      const strangers = dto.attendance.filter((a) => !participants.has(a.userId)).map((a) => a.userId);
      if (strangers.length) throw unprocessable('ATTENDEE_NOT_INVITED', 'Attendance lists the chair and the invitees only', { userIds: strangers });
      // Nobody takes part in a 458ter conference without having confirmed their duty of confidentiality.
      const unacknowledged = dto.attendance
        .filter((a) => a.present && participants.get(a.userId) && !participants.get(a.userId)!.acknowledgedAt)
        .map((a) => a.userId);
      if (unacknowledged.length) {
        throw unprocessable('CONFIDENTIALITY_NOT_ACKNOWLEDGED', 'A participant can be present only after acknowledging their duty of confidentiality', {
          userIds: unacknowledged,
        });
      }
      const decisions = dto.decisions ?? [];
      // Minutes and rationales are free text under the case's data key (ADR 0009).
      const cipher = await this.caseKeys.cipher(caseId, m);
      item.minutes = cipher.seal(dto.minutes, MINUTES);
      item.attendance = dto.attendance.map((a) => ({ userId: a.userId, present: a.present }));
      item.decisions = decisions.map((d) => ({ type: d.type, rationale: cipher.seal(d.rationale, RATIONALE) }));
      item.minutesBy = user.id;
      item.minutesAt = new Date();
      const saved = await repo.save(item);
      await this.timeline.record(m, caseId, user, 'CONFERENCE_MINUTES', {
        conferenceId: id,
        present: item.attendance.filter((a) => a.present).length,
        decisions: decisions.map((d) => d.type),
      });
      return { conferenceId: id, caseId, position: saved.position, ...this.loader.itemMinutesView(saved, cipher) };
    });
  }

  /**
   * Closes the conference and seals its minutes: SHA-256 over their canonical JSON (minutes-seal.ts),
   * signed with the Schakel signing key. From here on the service answers MINUTES_LOCKED and the
   * database refuses updates to the conference and its items.
   */
  async close(user: AuthenticatedUser, id: string) {
    return this.ds.transaction(async (m) => {
      const { conference: c } = await this.loader.load(user, id, 'chair', m, true);
      const refusal = checkConferenceCommand(c.status, 'close');
      if (refusal) throw conflict(refusal.code, refusal.message, { status: c.status });
      const items = await m
        .getRepository(ConferenceItem)
        .find({ where: { conferenceId: id }, order: { position: 'ASC' }, lock: { mode: 'pessimistic_write' } });
      const references = await this.loader.references(
        m,
        items.map((i) => i.caseId),
      );
      const closedAt = new Date();
      const ciphers = await this.caseKeys.ciphers(
        items.map((i) => i.caseId),
        m,
      );
      const hash = minutesHash({
        conferenceId: c.id,
        protocolId: c.protocolId,
        chairId: c.chairId,
        scheduledAt: c.scheduledAt,
        location: c.location,
        startedAt: c.startedAt!,
        closedAt,
        items: items.map((i) => this.loader.sealedItem(i, references, ciphers.get(i.caseId)!)),
      });
      const { signature, publicKey } = signMinutes(c.id, hash, this.config.secrets.signingKey);
      Object.assign(c, { status: 'CLOSED', closedAt, minutesHash: hash, minutesSignature: signature, signingPublicKey: publicKey });
      const saved = await m.getRepository(Conference).save(c);
      await this.timeline.recordMany(
        m,
        items.map((i) => i.caseId),
        user,
        'CONFERENCE_CLOSED',
        { conferenceId: id, minutesHash: hash },
      );
      return conferenceView(saved);
    });
  }

  /**
   * The signed minutes of a closed conference as a PDF, in the protocol's language regime (both
   * languages for a bilingual protocol; the reader's own language when the protocol sets none). Per
   * agenda item the reader must be the chair, have been present for that item, or belong to an
   * agency that is part of the case; a reader who may see only some items gets an extract. Each item
   * shown is access-logged.
   */
  async minutesPdf(user: AuthenticatedUser, id: string): Promise<{ file: Buffer; filename: string }> {
    const c = await this.ds.getRepository(Conference).findOneBy({ id });
    if (!c) throw new NotFoundException('No such conference');
    const invitees = await this.ds.getRepository(ConferenceInvitee).findBy({ conferenceId: id });
    const participant = user.ability.can('read', asSubject('Conference', conferenceSubject(c, invitees)));
    const items = await this.ds.getRepository(ConferenceItem).find({ where: { conferenceId: id }, order: { position: 'ASC' } });
    const visible = await this.loader.readableMinutes(user, c, items);
    if (!participant && !visible.length) throw new NotFoundException('No such conference');
    if (c.status !== 'CLOSED') throw conflict('CONFERENCE_STATE', 'Signed minutes exist once the conference is closed', { status: c.status });
    if (!visible.length)
      throw new ForbiddenException({
        code: 'FORBIDDEN',
        message: 'You attended no agenda item of this conference and your agency is part of none of its cases',
      });

    const [references, found] = [
      await this.loader.references(
        this.ds.manager,
        visible.map((i) => i.caseId),
      ),
      await this.protocols.findWithAgencies(c.protocolId),
    ];
    const people = await this.loader.people(this.ds.manager, [c.chairId, ...visible.flatMap((i) => i.attendance.map((a) => a.userId))]);
    const ciphers = await this.caseKeys.ciphers(visible.map((i) => i.caseId));
    const regime = (found?.protocol as { modalities?: { languageRegime?: string } | null } | undefined)?.modalities?.languageRegime;
    const file = await renderMinutesPdf({
      locale: user.locale,
      locales: pdfLocales(regime, user.locale),
      conferenceId: c.id,
      scheduledAt: c.scheduledAt,
      closedAt: c.closedAt!,
      location: c.location,
      protocol: { title: found?.protocol.title ?? '', reference: found?.protocol.reference ?? null },
      chair: { name: people.get(c.chairId)?.name ?? c.chairId, agency: people.get(c.chairId)?.agency ?? '' },
      items: visible.map((i) => {
        const plain = this.loader.sealedItem(i, references, ciphers.get(i.caseId)!);
        return {
          position: i.position,
          reference: plain.reference,
          minutes: plain.minutes,
          attendance: plain.attendance.map((a) => ({
            name: people.get(a.userId)?.name ?? a.userId,
            agency: people.get(a.userId)?.agency ?? '',
            present: a.present,
          })),
          decisions: plain.decisions,
        };
      }),
      totalItems: items.length,
      hash: c.minutesHash!,
      signature: c.minutesSignature!,
      publicKey: c.signingPublicKey!,
    });
    await this.accessLog.recordReads(
      user,
      visible.map((i) => ({ caseId: i.caseId, resource: 'MINUTES', resourceId: id })),
    );
    return { file, filename: `casusoverleg-${c.scheduledAt.toISOString().slice(0, 10)}-${c.id.slice(0, 8)}.pdf` };
  }
}
