import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { asSubject, type Action } from '@schakel/authz';
import { blindIndexInput, holdsPersonFile } from '@schakel/domain';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { conflict, unprocessable } from '../../common/http/domain-error';
import { CaseAccessService, type CaseContext } from '../cases/case-access.service';
import { countPersonsOf, insertPerson, personExists, personOf, savePerson } from '../cases/case-directory';
import { personColumns, personIdentity } from '../cases/person-crypto';
import { PersonViewsService } from '../cases/person-views.service';
import { TimelineService } from '../cases/timeline.service';
import { CaseKeysService } from '../crypto/case-keys.service';
import { CryptoService } from '../crypto/crypto.service';
import type { AddPersonDto, CreateRelationshipDto, PersonDataRequestDto, UpdatePersonDto } from './dto/person.dto';
import { PersonDataRequest, PersonRelationship } from './person-records.entity';

const IDENTITY_FIELDS = ['role', 'firstName', 'lastName', 'birthDate', 'nationalNumber', 'address', 'gender', 'phone', 'email'] as const;

/** Persons and relationships after referral (issue 12), under the need-to-know compartments (issue 10). */
@Injectable()
export class PersonsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly cases: CaseAccessService,
    private readonly views: PersonViewsService,
    private readonly crypto: CryptoService,
    private readonly caseKeys: CaseKeysService,
    private readonly timeline: TimelineService,
  ) {}

  async add(user: AuthenticatedUser, caseId: string, dto: AddPersonDto) {
    return this.ds.transaction(async (m) => {
      const ctx = await this.editable(user, caseId, 'create', m);
      const blindIndex = this.crypto.blindIndex(blindIndexInput(dto.firstName, dto.lastName, dto.birthDate ?? null));
      const personId = await insertPerson(m, {
        caseId,
        ...personColumns(this.crypto, dto),
        blindIndex,
        confidentialAddress: dto.confidentialAddress ?? false,
        createdByAgencyId: user.agencyId,
        addressAuthorAgencyId: user.agencyId,
        informed: dto.informed ?? null,
        consentGiven: dto.consentGiven ?? null,
      });
      await this.timeline.record(m, caseId, user, 'PERSON_ADDED', { personId, role: dto.role });
      return (await this.views.viewsFor(user, ctx, m, personId))[0]!;
    });
  }

  async update(user: AuthenticatedUser, caseId: string, personId: string, dto: UpdatePersonDto) {
    return this.ds.transaction(async (m) => {
      const ctx = await this.editable(user, caseId, 'update', m);
      const p = await personOf(m, caseId, personId, true);
      if (!p) throw new NotFoundException('No such person');
      if (dto.version !== undefined && dto.version !== p.version)
        throw conflict('STALE_VERSION', 'The person changed since you read it; reload it', { currentVersion: p.version });
      for (const f of ['role', 'firstName', 'lastName'] as const) {
        if (dto[f] === null)
          throw new BadRequestException({
            code: 'VALIDATION_FAILED',
            message: `Invalid request: ${f}`,
            details: [{ field: f, message: `${f} cannot be emptied` }],
          });
      }
      // A confidential address stays with the agency that recorded it: nobody else may lift it or overwrite it unseen.
      const author = p.addressAuthorAgencyId ?? p.createdByAgencyId ?? ctx.record.referringAgencyId;
      if (p.confidentialAddress && author !== user.agencyId && (dto.confidentialAddress === false || dto.address !== undefined)) {
        throw unprocessable('CONFIDENTIAL_ADDRESS', 'Only the agency that recorded this confidential address may change it');
      }
      const changed = IDENTITY_FIELDS.filter((f) => dto[f] !== undefined);
      Object.assign(p, personColumns(this.crypto, dto));
      if (dto.address !== undefined) p.addressAuthorAgencyId = user.agencyId;
      if (dto.confidentialAddress !== undefined) {
        p.addressAuthorAgencyId = p.addressAuthorAgencyId ?? author;
        p.confidentialAddress = dto.confidentialAddress;
        changed.push('confidentialAddress' as never);
      }
      if (dto.informed !== undefined) {
        p.informed = dto.informed;
        changed.push('informed' as never);
      }
      if (dto.consentGiven !== undefined) {
        p.consentGiven = dto.consentGiven;
        changed.push('consentGiven' as never);
      }
      if (dto.firstName !== undefined || dto.lastName !== undefined || dto.birthDate !== undefined) {
        const id = personIdentity(this.crypto, p);
        p.blindIndex = this.crypto.blindIndex(blindIndexInput(id.firstName, id.lastName, id.birthDate));
      }
      await savePerson(m, p);
      // The timeline names the fields that changed, never their values.
      await this.timeline.record(m, caseId, user, 'PERSON_UPDATED', { personId, fields: changed });
      return (await this.views.viewsFor(user, ctx, m, personId))[0]!;
    });
  }

  async relate(user: AuthenticatedUser, caseId: string, dto: CreateRelationshipDto) {
    return this.ds.transaction(async (m) => {
      await this.editable(user, caseId, 'create', m);
      if (dto.fromPersonId === dto.toPersonId) {
        throw new BadRequestException({
          code: 'VALIDATION_FAILED',
          message: 'Invalid request: toPersonId',
          details: [{ field: 'toPersonId', message: 'a relationship links two different persons' }],
        });
      }
      const count = await countPersonsOf(m, caseId, [dto.fromPersonId, dto.toPersonId]);
      if (count !== 2) {
        throw new BadRequestException({
          code: 'VALIDATION_FAILED',
          message: 'Invalid request: fromPersonId, toPersonId',
          details: [{ field: 'fromPersonId', message: 'both persons must belong to this case' }],
        });
      }
      const repo = m.getRepository(PersonRelationship);
      if (await repo.existsBy({ fromPersonId: dto.fromPersonId, toPersonId: dto.toPersonId, type: dto.type })) {
        throw conflict('RELATIONSHIP_EXISTS', 'This relationship is already recorded');
      }
      const r = await repo.save(repo.create({ caseId, ...dto, createdBy: user.id }));
      await this.timeline.record(m, caseId, user, 'RELATIONSHIP_ADDED', {
        relationshipId: r.id,
        fromPersonId: r.fromPersonId,
        toPersonId: r.toPersonId,
        type: r.type,
        violence: r.violence,
      });
      return {
        id: r.id,
        caseId,
        fromPersonId: r.fromPersonId,
        toPersonId: r.toPersonId,
        type: r.type,
        violence: r.violence,
        createdAt: r.createdAt.toISOString(),
      };
    });
  }

  async relationships(user: AuthenticatedUser, caseId: string) {
    const ctx = await this.cases.load(user, caseId);
    this.assertReadsPersons(user, ctx);
    const rows = await this.ds.getRepository(PersonRelationship).find({ where: { caseId }, order: { createdAt: 'ASC' } });
    return {
      items: rows.map((r) => ({
        id: r.id,
        caseId,
        fromPersonId: r.fromPersonId,
        toPersonId: r.toPersonId,
        type: r.type,
        violence: r.violence,
        createdAt: r.createdAt.toISOString(),
      })),
    };
  }

  /** A partner asks the file holders for withheld details; they answer through a person disclosure. */
  async request(user: AuthenticatedUser, caseId: string, personId: string, dto: PersonDataRequestDto) {
    return this.ds.transaction(async (m) => {
      const ctx = await this.cases.load(user, caseId, 'read', m);
      this.cases.assertCan(user, 'request', 'Person', ctx);
      this.cases.assertOpen(ctx);
      if (!(await personExists(m, caseId, personId))) throw new NotFoundException('No such person');
      const cipher = await this.caseKeys.cipher(caseId, m);
      const repo = m.getRepository(PersonDataRequest);
      const r = await repo.save(
        repo.create({
          caseId,
          personId,
          agencyId: user.agencyId,
          requestedBy: user.id,
          categories: dto.categories,
          reason: cipher.seal(dto.reason, 'person_data_requests.reason'),
          fulfilledAt: null,
        }),
      );
      await this.timeline.record(m, caseId, user, 'PERSON_DATA_REQUESTED', { requestId: r.id, personId, categories: dto.categories });
      return {
        id: r.id,
        caseId,
        personId,
        agencyId: r.agencyId,
        categories: r.categories,
        reason: dto.reason,
        createdAt: r.createdAt.toISOString(),
        fulfilledAt: null,
      };
    });
  }

  /** Open requests for the persons of a case: the holders see all, a partner its own. */
  async requests(user: AuthenticatedUser, caseId: string) {
    const ctx = await this.cases.load(user, caseId);
    this.assertReadsPersons(user, ctx);
    const directorAgencyId = await this.views.directorAgencyId(ctx);
    const holder = holdsPersonFile({ callerAgencyId: user.agencyId, referringAgencyId: ctx.record.referringAgencyId, directorAgencyId });
    const rows = await this.ds
      .getRepository(PersonDataRequest)
      .find({ where: holder ? { caseId } : { caseId, agencyId: user.agencyId }, order: { createdAt: 'ASC' } });
    const cipher = await this.caseKeys.cipher(caseId);
    return {
      items: rows.map((r) => ({
        id: r.id,
        caseId,
        personId: r.personId,
        agencyId: r.agencyId,
        categories: r.categories,
        reason: cipher.open(r.reason, 'person_data_requests.reason'),
        createdAt: r.createdAt.toISOString(),
        fulfilledAt: r.fulfilledAt?.toISOString() ?? null,
      })),
    };
  }

  private assertReadsPersons(user: AuthenticatedUser, ctx: CaseContext): void {
    if (!this.cases.canSeeContent(user, ctx))
      throw new ForbiddenException({ code: 'FORBIDDEN', message: 'You follow this referral by its reference and stage only' });
  }

  /** Case team (director) or the referring agency, on an open case that was not erased. */
  private async editable(user: AuthenticatedUser, caseId: string, action: Action, m: EntityManager): Promise<CaseContext> {
    const ctx = await this.cases.load(user, caseId, 'read', m, true);
    const subject = asSubject('Person', { caseAgencyIds: ctx.agencyIds, directorId: ctx.record.directorId, referringAgencyId: ctx.record.referringAgencyId });
    if (!user.ability.can(action, subject)) {
      throw new ForbiddenException({ code: 'FORBIDDEN', message: 'Only the case director and the referring agency change the persons of a case' });
    }
    this.cases.assertOpen(ctx);
    if (ctx.record.anonymisedAt) throw unprocessable('CASE_ERASED', 'The personal data of this case were erased');
    return ctx;
  }
}
