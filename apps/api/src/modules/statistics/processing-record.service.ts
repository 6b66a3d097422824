import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LEGAL_BASES, PERSON_ROLES, todayInBrussels, type ProtocolModalities } from '@schakel/domain';
import type { DataSource } from 'typeorm';
import { ReportPdf } from './pdf-writer';
import { CATEGORY_TEXT, LEGAL_BASIS_TEXT, RECORD_TEXT as R, SECURITY_TEXT, STATUS_TEXT, SUBJECT_TEXT, type RecordLang } from './processing-record-labels';

export interface ProcessingActivity {
  protocolId: string;
  name: string;
  reference: string | null;
  district: string;
  status: string;
  validFrom: string;
  validUntil: string | null;
  purposes: string[];
  legalBases: { key: string; reference: string; label: string }[];
  dataSubjects: { key: string; label: string }[];
  dataCategories: { key: string; label: string }[];
  /** The signatory agencies: joint controllers and, among each other, the recipients. */
  recipients: { agencyId: string; name: string; type: string; district: string }[];
  retention: { months: number; description: string };
  transfersOutsideEea: string;
  /** What the prosecutor approved about how the conference works (inclusion, chair, informing, language). */
  modalities: ProtocolModalities | null;
}

export interface ProcessingRecord {
  title: string;
  lang: RecordLang;
  generatedAt: string;
  intro: string;
  securityMeasures: string[];
  activities: ProcessingActivity[];
}

/**
 * The record of processing activities (GDPR art. 30) as the DPO hands it to the supervisory
 * authority: one activity per approved (or suspended) 458ter protocol, generated from its content.
 */
@Injectable()
export class ProcessingRecordService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async build(lang: RecordLang, district?: string): Promise<ProcessingRecord> {
    const params: unknown[] = [];
    const where = district ? (params.push(district), `AND p.district = $1`) : '';
    const protocols: {
      id: string;
      title: string;
      reference: string | null;
      district: string;
      status: string;
      purpose: string;
      data_categories: string[];
      retention_months: number;
      valid_from: string;
      valid_until: string | null;
      modalities: ProtocolModalities | null;
    }[] = await this.ds.query(
      `SELECT p.id, p.title, p.reference, p.district, p.status, p.purpose, p.data_categories, p.retention_months, p.modalities,
                                  to_char(p.valid_from, 'YYYY-MM-DD') AS valid_from, to_char(p.valid_until, 'YYYY-MM-DD') AS valid_until
                           FROM protocols p WHERE p.status IN ('APPROVED', 'SUSPENDED') ${where} ORDER BY p.district, p.title, p.revision`,
      params,
    );
    const agencies: { protocol_id: string; id: string; name: string; type: string; district: string }[] = protocols.length
      ? await this.ds.query(
          `SELECT pa.protocol_id, a.id, a.name, a.type, a.district FROM protocol_agencies pa JOIN agencies a ON a.id = pa.agency_id
                             WHERE pa.protocol_id = ANY($1) ORDER BY a.name`,
          [protocols.map((p) => p.id)],
        )
      : [];
    // The legal bases as data (titles and the article in force today); the constants when a row is missing.
    const rows: { key: string; title_nl: string; title_fr: string; reference: string | null }[] = await this.ds.query(
      `SELECT b.key, b.title_nl, b.title_fr,
              (SELECT r.reference FROM legal_basis_references r WHERE r.key = b.key AND r.valid_from <= $1::date AND (r.valid_until IS NULL OR r.valid_until >= $1::date)
               ORDER BY r.valid_from DESC LIMIT 1) AS reference
       FROM legal_bases b`,
      [todayInBrussels()],
    );
    const law = new Map(rows.map((r) => [r.key, r]));
    const legalBases = LEGAL_BASES.map((key) => {
      const row = law.get(key);
      const text = LEGAL_BASIS_TEXT[key];
      return {
        key,
        reference: [row?.reference ?? text?.law, text?.gdpr].filter(Boolean).join('; ') || key,
        label: (lang === 'fr' ? row?.title_fr : row?.title_nl) ?? LEGAL_BASIS_TEXT[key]?.label[lang] ?? key,
      };
    });
    const dataSubjects = [...PERSON_ROLES, 'PROFESSIONAL'].map((key) => ({ key, label: SUBJECT_TEXT[key]?.[lang] ?? key }));
    return {
      title: R.title[lang],
      lang,
      generatedAt: new Date().toISOString(),
      intro: R.intro[lang],
      securityMeasures: SECURITY_TEXT.map((t) => t[lang]),
      activities: protocols.map((p) => ({
        protocolId: p.id,
        name: p.title,
        reference: p.reference,
        district: p.district,
        status: p.status,
        validFrom: p.valid_from,
        validUntil: p.valid_until,
        purposes: [p.purpose],
        legalBases,
        dataSubjects,
        dataCategories: p.data_categories.map((key) => ({ key, label: CATEGORY_TEXT[key]?.[lang] ?? key })),
        recipients: agencies.filter((a) => a.protocol_id === p.id).map((a) => ({ agencyId: a.id, name: a.name, type: a.type, district: a.district })),
        retention: { months: p.retention_months, description: R.retentionValue[lang].replace('{n}', String(p.retention_months)) },
        transfersOutsideEea: R.noTransfers[lang],
        modalities: p.modalities ?? null,
      })),
    };
  }

  async pdf(r: ProcessingRecord): Promise<Buffer> {
    const l = r.lang;
    const w = await ReportPdf.create(r.title);
    w.text(r.title, { bold: true, size: 16, gap: 4 });
    w.text(r.intro, { gap: 2 });
    w.text(`${R.generated[l]}: ${r.generatedAt}`, { grey: true, gap: 6 });
    if (!r.activities.length) w.text(R.none[l]);
    for (const a of r.activities) {
      w.heading(`${R.activity[l]}: ${a.name}`);
      w.row(R.reference[l], a.reference ?? '-');
      w.row(R.district[l], a.district);
      w.row(R.status[l], STATUS_TEXT[a.status]?.[l] ?? a.status);
      w.row(R.validity[l], `${a.validFrom} - ${a.validUntil ?? '...'}`);
      const list = (title: string, items: string[]) => {
        w.text(title, { bold: true });
        for (const i of items) w.text(`- ${i}`, { indent: 10 });
      };
      list(R.purposes[l], a.purposes);
      list(
        R.legalBases[l],
        a.legalBases.map((b) => `${b.label} (${b.reference})`),
      );
      list(
        R.subjects[l],
        a.dataSubjects.map((s) => s.label),
      );
      list(
        R.categories[l],
        a.dataCategories.map((c) => c.label),
      );
      list(
        R.controllers[l],
        a.recipients.map((x) => `${x.name} (${x.type}, ${x.district})`),
      );
      list(R.retention[l], [a.retention.description]);
      list(R.transfers[l], [a.transfersOutsideEea]);
      if (a.modalities) {
        list(R.modalities[l], [
          `${R.inclusion[l]}: ${a.modalities.inclusionCriteria.join('; ') || '-'}`,
          `${R.chair[l]}: ${a.modalities.chair}`,
          `${R.informing[l]}: ${a.modalities.informing}`,
          `${R.languageRegime[l]}: ${a.modalities.languageRegime}`,
          `${R.route[l]}: ${a.modalities.route}`,
        ]);
      }
    }
    w.heading(R.security[l]);
    for (const s of r.securityMeasures) w.text(`- ${s}`, { indent: 10 });
    return w.finish(`Schakel - ${R.page[l]}`);
  }
}
