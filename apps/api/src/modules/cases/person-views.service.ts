import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { CompartmentFacts, DataCategory } from '@schakel/domain';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { CryptoService } from '../crypto/crypto.service';
import { categoriesDisclosedTo, relationshipsOfCase, type RelationshipRef } from '../persons/person-records';
import type { CaseContext } from './case-access.service';
import type { PersonRecord } from './case-directory';
import { Person } from './entities/person.entity';
import { compartmentedPerson, type PersonView } from './person-compartment.view';
import { personIdentity } from './person-crypto';

/** Loads the persons of a case as the caller may see them (need-to-know compartments applied). */
@Injectable()
export class PersonViewsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly crypto: CryptoService,
  ) {}

  async viewsFor(user: AuthenticatedUser, ctx: CaseContext, m: EntityManager = this.ds.manager, only?: string): Promise<PersonView[]> {
    const caseId = ctx.record.id;
    const persons = await m.getRepository(Person).find({ where: only ? { caseId, id: only } : { caseId }, order: { createdAt: 'ASC' } });
    if (!persons.length) return [];
    const relationships = await relationshipsOfCase(m, caseId);
    const directorAgencyId = await this.directorAgencyId(ctx, m);
    const disclosed = await this.disclosedTo(caseId, user.agencyId, m);
    return this.views(user, ctx, { persons, relationships, directorAgencyId, disclosed });
  }

  /** The views of persons already read (the case detail reads them with everything else in one statement). */
  views(
    user: AuthenticatedUser,
    ctx: CaseContext,
    {
      persons,
      relationships,
      directorAgencyId,
      disclosed,
    }: { persons: Person[]; relationships: RelationshipRef[]; directorAgencyId: string | null; disclosed: Map<string, DataCategory[]> },
  ): PersonView[] {
    return persons.map((p) =>
      compartmentedPerson(personIdentity(this.crypto, p), this.facts(ctx, p, user.agencyId, directorAgencyId, disclosed.get(p.id) ?? []), {
        confidentialAddress: p.confidentialAddress,
        informed: p.informed,
        consentGiven: p.consentGiven,
        relationships: relationships
          .filter((r) => r.fromPersonId === p.id || r.toPersonId === p.id)
          .map((r) => ({ id: r.id, fromPersonId: r.fromPersonId, toPersonId: r.toPersonId, type: r.type, violence: r.violence })),
        version: p.version,
      }),
    );
  }

  /** The compartment facts of one person for an agency. */
  facts(
    ctx: CaseContext,
    p: Pick<PersonRecord, 'confidentialAddress' | 'addressAuthorAgencyId' | 'createdByAgencyId'>,
    agencyId: string,
    directorAgencyId: string | null,
    disclosedToCaller: DataCategory[],
  ): CompartmentFacts {
    return {
      callerAgencyId: agencyId,
      referringAgencyId: ctx.record.referringAgencyId,
      directorAgencyId,
      confidentialAddress: p.confidentialAddress,
      addressAuthorAgencyId: p.addressAuthorAgencyId ?? p.createdByAgencyId ?? ctx.record.referringAgencyId,
      disclosedToCaller,
    };
  }

  async directorAgencyId(ctx: CaseContext, m: EntityManager = this.ds.manager): Promise<string | null> {
    if (!ctx.record.directorId) return null;
    const [row] = (await m.query('SELECT agency_id FROM users WHERE id = $1', [ctx.record.directorId])) as { agency_id: string }[];
    return row?.agency_id ?? null;
  }

  /** Per person: the categories disclosed to this agency. */
  async disclosedTo(caseId: string, agencyId: string, m: EntityManager = this.ds.manager): Promise<Map<string, DataCategory[]>> {
    return categoriesDisclosedTo(m, caseId, agencyId);
  }
}
