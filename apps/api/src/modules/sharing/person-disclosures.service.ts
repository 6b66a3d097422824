import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { checkDisclosure, personDisclosureRefusal, primaryRefusal, protocolCategoriesWithContact, todayInBrussels, type Stage } from '@schakel/domain';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { unprocessable } from '../../common/http/domain-error';
import { CaseAccessService } from '../cases/case-access.service';
import { personOf } from '../cases/case-directory';
import { PersonViewsService } from '../cases/person-views.service';
import { TimelineService } from '../cases/timeline.service';
import { consentOf } from '../consent/consent-directory';
import { CaseKeysService } from '../crypto/case-keys.service';
import { recordPersonDisclosure } from '../persons/person-records';
import { LegalBasesService } from '../legal-bases/legal-bases.service';
import { protocolTerms } from '../protocols/protocol-directory';
import type { CreatePersonDisclosureDto } from './dto/person-disclosure.dto';
import { JUSTIFICATION, JUSTIFICATION_NONCE } from './justification-seal';
import { SharingLogWriter } from './sharing-log.writer';

/**
 * Opens a person's identification or contact compartment to named case agencies. The same art. 458ter
 * rules as a contribution disclosure decide (libs/domain disclosure), plus the compartment rules
 * (only the file holders share; a confidential address never leaves). Logged in the sharing log.
 */
@Injectable()
export class PersonDisclosuresService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly cases: CaseAccessService,
    private readonly personViews: PersonViewsService,
    private readonly timeline: TimelineService,
    private readonly writer: SharingLogWriter,
    private readonly caseKeys: CaseKeysService,
    private readonly legalBasisTable: LegalBasesService,
  ) {}

  async disclose(user: AuthenticatedUser, caseId: string, personId: string, dto: CreatePersonDisclosureDto) {
    return this.ds.transaction(async (m) => {
      const ctx = await this.cases.load(user, caseId, 'read', m, true);
      this.cases.assertCan(user, 'share', 'Person', ctx);
      const person = await personOf(m, caseId, personId);
      if (!person) throw new NotFoundException('No such person');
      const facts = this.personViews.facts(ctx, person, user.agencyId, await this.personViews.directorAgencyId(ctx, m), []);
      const compartmentRefusal = personDisclosureRefusal(facts, dto.categories);
      if (compartmentRefusal === 'NOT_PERSON_FILE_HOLDER') {
        throw new ForbiddenException({
          code: 'NOT_PERSON_FILE_HOLDER',
          message: "Only the referring agency and the case director's agency share a person's details",
        });
      }
      if (compartmentRefusal === 'CONFIDENTIAL_ADDRESS')
        throw unprocessable('CONFIDENTIAL_ADDRESS', 'This person has a confidential address: contact details are never disclosed');
      if (compartmentRefusal) throw unprocessable(compartmentRefusal, 'Only IDENTIFICATION and CONTACT are person data');

      const protocol = await protocolTerms(m, ctx.record.protocolId);
      const consent = dto.consentId ? await consentOf(m, caseId, dto.consentId, personId) : null;
      const refusals = checkDisclosure({
        today: todayInBrussels(),
        protocol: {
          status: protocol.status,
          validFrom: protocol.validFrom,
          validUntil: protocol.validUntil,
          signatoryAgencyIds: ctx.protocolAgencyIds,
          dataCategories: protocolCategoriesWithContact(protocol.dataCategories),
        },
        caseStage: ctx.record.stage as Stage,
        caseAgencyIds: ctx.agencyIds,
        fromAgencyId: user.agencyId,
        toAgencyIds: dto.toAgencyIds,
        categories: dto.categories,
        legalBasis: dto.legalBasis,
        justification: dto.justification ?? null,
        consent: consent
          ? {
              status: consent.status,
              validUntil: consent.validUntil,
              withdrawnAt: consent.withdrawnAt?.toISOString() ?? null,
              agencyIds: consent.scopeAgencyIds,
              dataCategories: protocolCategoriesWithContact(consent.scopeDataCategories),
            }
          : null,
      });
      const first = primaryRefusal(refusals);
      if (first) throw unprocessable(first.code, first.message, { refusals });

      const justification = dto.justification?.trim() || null;
      const consentId = dto.legalBasis === 'CONSENT' ? (dto.consentId ?? null) : null;
      const categories = [...dto.categories].sort();
      // As for contributions: the article in force on the day, kept with the log entry.
      const legalReference = (await this.legalBasisTable.table(m)).referenceOn(dto.legalBasis, todayInBrussels());
      const entry = await this.writer.append(
        m,
        {
          caseId,
          protocolId: protocol.id,
          contributionId: null,
          fromAgencyId: user.agencyId,
          fromUserId: user.id,
          toAgencyIds: [...dto.toAgencyIds].sort(),
          legalBasis: dto.legalBasis,
          categories,
          justification,
          consentId,
          legalReference,
        },
        { district: protocol.district, caseAgencyIds: ctx.agencyIds },
      );
      const cipher = await this.caseKeys.cipher(caseId, m);
      const disclosureId = await recordPersonDisclosure(m, {
        caseId,
        personId,
        fromAgencyId: user.agencyId,
        fromUserId: user.id,
        toAgencyIds: entry.toAgencyIds,
        categories,
        legalBasis: dto.legalBasis,
        consentId,
        justification: cipher.sealNullable(justification, JUSTIFICATION),
        justificationNonce: cipher.sealNullable(entry.justificationNonce, JUSTIFICATION_NONCE),
        logSeq: String(entry.seq),
        requestId: dto.requestId ?? null,
      });
      await this.timeline.record(m, caseId, user, 'DISCLOSURE', {
        personDisclosureId: disclosureId,
        personId,
        categories,
        toAgencyIds: entry.toAgencyIds,
        legalBasis: entry.legalBasis,
        seq: entry.seq,
      });
      const { justificationNonce: _nonce, ...shown } = entry;
      return { id: disclosureId, personId, ...shown, legalBasis: dto.legalBasis, categories, justification, legalReference };
    });
  }
}
