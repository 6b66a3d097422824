import type { AddressInfo } from 'node:net';
import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { SMTPServer } from 'smtp-server';
import { addDays, notificationLabel, todayInBrussels } from '@schakel/domain';
import { NOTIFICATION_JOBS, QUEUE_NAMES } from '@schakel/platform';
import { loadWorkerConfig } from '../src/worker-config';
import { WorkerModule } from '../src/worker.module';
import { withClient } from '../../../tools/test/test-database';
import { auth } from '../../api/test/support/sessions';
import { startTestApp, TEST_SIGNING_KEY, type TestApp } from '../../api/test/support/test-app';
import { buildWorld, referralBody, type World } from '../../api/test/support/world';

interface Mail {
  to: string;
  raw: string;
  text: string;
}

/** Undoes quoted-printable soft breaks and escapes, so names with accents are compared as written. */
function decodeQuotedPrintable(raw: string): string {
  const body = raw.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const hex = body[i] === '=' ? body.slice(i + 1, i + 3) : '';
    if (/^[0-9A-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(body[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

/**
 * Every notification event, from the API through the worker's BullMQ job to a real SMTP server
 * (smtp-server, started here): each mail names its event and a reference, never a person.
 */
describe('notification e-mail through the worker and SMTP', () => {
  let t: TestApp;
  let w: World;
  let worker: INestApplicationContext;
  let smtp: SMTPServer;
  const mails: Mail[] = [];
  const http = () => t.http();

  const waitForMail = async (to: string, type: string, timeoutMs = 20000): Promise<Mail> => {
    const label = notificationLabel(type, 'nl');
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const found = mails.find((m) => m.to === to && m.text.includes(label));
      if (found) return found;
      await new Promise((r) => setTimeout(r, 150));
    }
    throw new Error(`no ${type} mail to ${to} within ${timeoutMs} ms (got ${mails.length} mails)`);
  };

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          for (const rcpt of session.envelope.rcptTo) mails.push({ to: rcpt.address, raw, text: decodeQuotedPrintable(raw) });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
    const smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
    t = await startTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '10000', SMTP_URL: smtpUrl, PUBLIC_URL: 'https://schakel.example.be' });
    w = await buildWorld(t);
    const config = loadWorkerConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: t.db.url,
      SIGNING_KEY: TEST_SIGNING_KEY,
      SMTP_URL: smtpUrl,
      PUBLIC_URL: 'https://schakel.example.be',
    });
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false });
    await worker.init();
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it('sends each event to the SMTP server, with a reference and a link but no name', async () => {
    const today = todayInBrussels();
    // New referral → the case directors of the signatory agencies.
    const referral = await http().post('/api/v1/referrals').set(auth(w.referrer.token)).send(referralBody(w.protocolId)).expect(201);
    const caseId: string = referral.body.caseId;
    const newReferral = await waitForMail(w.director.email, 'NEW_REFERRAL');
    expect(newReferral.text).toContain(referral.body.reference);
    expect(newReferral.text).toContain(`https://schakel.example.be/cases/${caseId}`);

    // Invitation to a case → the invited agency's partners.
    await http().post(`/api/v1/cases/${caseId}/transitions`).set(auth(w.director.token)).send({ to: 'DOSSIERVORMING', reason: 'accepted' }).expect(200);
    await http().post(`/api/v1/cases/${caseId}/agencies`).set(auth(w.director.token)).send({ agencyId: w.agencies.caw }).expect(201);
    await waitForMail(w.cawMember.email, 'CASE_INVITATION');

    // Conference scheduled → the invitees.
    const conf = await http()
      .post('/api/v1/conferences')
      .set(auth(w.director.token))
      .send({
        protocolId: w.protocolId,
        scheduledAt: '2030-03-04T14:00:00+01:00',
        location: 'FJC',
        caseIds: [caseId],
        inviteeUserIds: [w.cawMember.id],
      })
      .expect(201);
    expect((await waitForMail(w.cawMember.email, 'CONFERENCE_SCHEDULED')).text).toContain(`/conferences/${conf.body.id}`);

    // The daily scan: an overdue action, a withheld notice due for review, a consent about to end, protocols ending in 60 and 30 days.
    await http()
      .post(`/api/v1/cases/${caseId}/actions`)
      .set(auth(w.director.token))
      .send({ description: 'Safety plan with Élise', ownerAgencyId: w.agencies.caw, dueDate: addDays(today, -2), measure: 'SAFETY_PLAN' })
      .expect(201);
    const detail = await http().get(`/api/v1/cases/${caseId}`).set(auth(w.director.token)).expect(200);
    const victim = detail.body.persons[0].id;
    await http()
      .post(`/api/v1/cases/${caseId}/notices`)
      .set(auth(w.director.token))
      .send({ personId: detail.body.persons[1].id, withheld: true, justification: 'Informing him now would endanger the victim.', reviewDate: today })
      .expect(201);
    await http()
      .post(`/api/v1/cases/${caseId}/consents`)
      .set(auth(w.cawMember.token))
      .send({
        personId: victim,
        status: 'GIVEN',
        method: 'WRITTEN',
        scope: { agencyIds: [w.agencies.caw], dataCategories: ['WELFARE_SUPPORT'] },
        validUntil: addDays(today, 5),
      })
      .expect(201);
    for (const days of [45, 20]) {
      const p = await http()
        .post('/api/v1/protocols')
        .set(auth(w.director.token))
        .send({
          title: `Ending in ${days} days`,
          district: 'Antwerpen',
          purpose: 'A protocol close to its end date',
          agencyIds: [w.agencies.police],
          dataCategories: ['IDENTIFICATION'],
          retentionMonths: 12,
          validFrom: '2026-01-01',
          validUntil: addDays(today, days),
        })
        .expect(201);
      await http().post(`/api/v1/protocols/${p.body.id}/submit`).set(auth(w.director.token)).send({}).expect(200);
      // A motivation is required once approvals are motivated (second round); older builds refuse the unknown field.
      const approve = (body: Record<string, string>) => http().post(`/api/v1/protocols/${p.body.id}/approve`).set(auth(w.liaison.token)).send(body);
      const res = await approve({ reference: `PK/2026/${days}`, motivation: 'Lawful and proportionate' });
      if (res.status === 400) await approve({ reference: `PK/2026/${days}` }).expect(200);
      else expect(res.status).toBe(200);
    }
    const queue = worker.get<Queue>(getQueueToken(QUEUE_NAMES.notifications));
    await queue.add(NOTIFICATION_JOBS.scan, {});
    await waitForMail(w.cawMember.email, 'ACTION_OVERDUE');
    await waitForMail(w.director.email, 'NOTICE_REVIEW_DUE');
    await waitForMail(w.cawMember.email, 'CONSENT_EXPIRING');
    const expiring = async () => mails.filter((m) => m.to === w.liaison.email && m.text.includes(notificationLabel('PROTOCOL_EXPIRING', 'nl')));
    await waitForMail(w.liaison.email, 'PROTOCOL_EXPIRING');
    await waitForMail(w.director.email, 'PROTOCOL_EXPIRING');
    const deadline = Date.now() + 10000;
    while ((await expiring()).length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 150));
    expect((await expiring()).map((m) => m.text).join('\n')).toEqual(expect.stringContaining('PK/2026/45'));
    expect((await expiring()).map((m) => m.text).join('\n')).toEqual(expect.stringContaining('PK/2026/20'));

    // No person of the family, and no professional's name, in any mail.
    const users = await http().get('/api/v1/users?limit=200').set(auth(w.admin.token)).expect(200);
    const names = ['Élise', 'Elise', 'Van den Broeck', 'Janssens', 'Marc', 'Noor', ...users.body.items.map((u: { displayName: string }) => u.displayName)];
    for (const mail of mails) for (const name of names) expect([name, mail.text.includes(name) || mail.raw.includes(name)]).toEqual([name, false]);
    expect(mails.length).toBeGreaterThanOrEqual(8);

    // Scanning again notifies nobody twice (measured once every queued mail went out).
    const pending = async () =>
      (await withClient(t.db.url, (c) => c.query('SELECT count(*)::int AS n FROM notifications WHERE emailed_at IS NULL'))).rows[0].n as number;
    const until = Date.now() + 20000;
    while ((await pending()) > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
    expect(await pending()).toBe(0);
    const rows = async () => (await withClient(t.db.url, (c) => c.query('SELECT count(*)::int AS n FROM notifications'))).rows[0].n as number;
    const [before, beforeRows] = [mails.length, await rows()];
    await queue.add(NOTIFICATION_JOBS.scan, {});
    await new Promise((r) => setTimeout(r, 2500));
    expect(await rows()).toBe(beforeRows);
    expect(mails.length).toBe(before);
  });

  it('keeps the notifications in the inbox too, marked as e-mailed only in the database', async () => {
    const inbox = await http().get('/api/v1/me/notifications').set(auth(w.cawMember.token)).expect(200);
    expect(inbox.body.items.map((n: { type: string }) => n.type)).toEqual(
      expect.arrayContaining(['CASE_INVITATION', 'CONFERENCE_SCHEDULED', 'ACTION_OVERDUE', 'CONSENT_EXPIRING']),
    );
    for (const n of inbox.body.items) expect(Object.keys(n).sort()).toEqual(['caseId', 'caseReference', 'createdAt', 'id', 'readAt', 'subjectId', 'type']);
  });
});
