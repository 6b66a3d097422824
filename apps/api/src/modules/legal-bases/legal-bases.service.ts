import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { LEGAL_BASIS_CONDITIONS, referenceOn, todayInBrussels, type LegalBasis, type LegalBasisConditions } from '@schakel/domain';
import { LegalBasisReferenceRow, LegalBasisRow } from './legal-basis.entities';

export interface LegalBasisTable {
  conditionsOf(basis: LegalBasis): LegalBasisConditions;
  referenceOn(basis: LegalBasis, day: string): string | null;
}

/** Reads the legal-bases tables; small and static, so each call reads them whole. */
@Injectable()
export class LegalBasesService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async table(m: EntityManager = this.ds.manager): Promise<LegalBasisTable> {
    const [bases, refs] = [await m.getRepository(LegalBasisRow).find(), await m.getRepository(LegalBasisReferenceRow).find()];
    return {
      conditionsOf: (basis) => bases.find((b) => b.key === basis)?.conditions ?? LEGAL_BASIS_CONDITIONS[basis],
      referenceOn: (basis, day) =>
        referenceOn(
          refs.filter((r) => r.key === basis),
          day,
        ),
    };
  }

  async list() {
    const today = todayInBrussels();
    const bases = await this.ds.getRepository(LegalBasisRow).find({ order: { position: 'ASC' } });
    const refs = await this.ds.getRepository(LegalBasisReferenceRow).find({ order: { validFrom: 'ASC' } });
    return {
      items: bases.map((b) => {
        const own = refs.filter((r) => r.key === b.key);
        return {
          key: b.key,
          reference: referenceOn(own, today),
          title: { nl: b.titleNl, fr: b.titleFr, en: b.titleEn },
          explanation: { nl: b.explanationNl, fr: b.explanationFr, en: b.explanationEn },
          conditions: b.conditions,
          references: own.map((r) => ({ code: r.code, validFrom: r.validFrom, validUntil: r.validUntil, reference: r.reference, verified: r.verified })),
        };
      }),
    };
  }
}
