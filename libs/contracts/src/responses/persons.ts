import {
  COMPARTMENT_FIELD_NAMES,
  type CompartmentField,
  GENDER_CODES,
  PERSON_DISCLOSURE_CATEGORIES,
  PERSON_ROLES,
  RELATIONSHIP_TYPES,
  RELATIONSHIP_VIOLENCE,
  RISK_LEVELS,
} from '@schakel/domain';
import { z } from 'zod/mini';
import { int, isoDate, listOf, nullable, optional, timestamp, uuid } from './schema';

// Persons of a case, their relationships and need-to-know data requests (api-extensions.md, "Privacy").

export const relationshipSchema = z.strictObject({
  id: uuid(),
  fromPersonId: uuid(),
  toPersonId: uuid(),
  type: z.enum(RELATIONSHIP_TYPES),
  violence: z.enum(RELATIONSHIP_VIOLENCE),
});
export type Relationship = z.infer<typeof relationshipSchema>;
export const relationshipListSchema = listOf(relationshipSchema);

export type PersonField = CompartmentField;
const withheldReason = z.enum(['NEED_TO_KNOW', 'CONFIDENTIAL_ADDRESS']);

/** A person as the caller may see them: withheld fields are null and named in `withheld`. */
export const personSchema = z.strictObject({
  id: uuid(),
  role: z.enum(PERSON_ROLES),
  firstName: z.string(),
  lastName: z.string(),
  birthDate: nullable(isoDate()),
  birthYear: nullable(int()),
  nationalNumber: nullable(z.string()),
  address: nullable(z.string()),
  phone: nullable(z.string()),
  email: nullable(z.string()),
  gender: nullable(z.string()),
  genderCode: nullable(z.enum(GENDER_CODES)),
  confidentialAddress: z.boolean(),
  informed: nullable(z.boolean()),
  consentGiven: nullable(z.boolean()),
  relationships: z.array(relationshipSchema),
  /** Fields hidden from the caller (null above), and why: need to know, or a confidential address. */
  withheld: z.array(z.enum(COMPARTMENT_FIELD_NAMES as [CompartmentField, ...CompartmentField[]])),
  withheldReasons: z.strictObject(
    Object.fromEntries(COMPARTMENT_FIELD_NAMES.map((f) => [f, z.optional(withheldReason)])) as Record<PersonField, z.ZodMiniOptional<typeof withheldReason>>,
  ),
  version: int(),
});
export type Person = z.infer<typeof personSchema>;

/** A partner's need-to-know request for a person's data. */
export const dataRequestSchema = z.strictObject({
  id: uuid(),
  caseId: uuid(),
  personId: uuid(),
  agencyId: uuid(),
  categories: z.array(z.enum(PERSON_DISCLOSURE_CATEGORIES)),
  reason: nullable(z.string()),
  createdAt: timestamp(),
  fulfilledAt: nullable(timestamp()),
});
export type DataRequest = z.infer<typeof dataRequestSchema>;
export const dataRequestListSchema = listOf(dataRequestSchema);

const named = z.string();
/** GET /persons/:id/export (JSON form): everything held about one person, who read it and with whom it was shared (GDPR art. 15). */
export const personExportSchema = z.strictObject({
  format: z.literal('schakel-person-export/1'),
  generatedAt: timestamp(),
  person: z.strictObject({
    id: uuid(),
    role: z.enum(PERSON_ROLES),
    firstName: z.string(),
    lastName: z.string(),
    birthDate: nullable(z.string()),
    birthYear: nullable(int()),
    nationalNumber: nullable(z.string()),
    address: nullable(z.string()),
    gender: nullable(z.string()),
    genderCode: nullable(z.enum(GENDER_CODES)),
    phone: nullable(z.string()),
    email: nullable(z.string()),
    confidentialAddress: z.boolean(),
    informed: nullable(z.boolean()),
    consentGiven: nullable(z.boolean()),
  }),
  case: z.strictObject({
    reference: z.string(),
    stage: z.string(),
    createdAt: timestamp(),
    closedAt: nullable(timestamp()),
    closureReason: nullable(z.string()),
  }),
  // Each section below is left out when it is restricted (`restrictions.sections`). Agencies are named, not referenced.
  agencies: optional(z.array(z.strictObject({ agency: named, role: z.string(), joinedAt: timestamp() }))),
  /** Other persons are named by their role only. */
  relationships: optional(
    z.array(
      z.strictObject({
        type: z.enum(RELATIONSHIP_TYPES),
        violence: z.enum(RELATIONSHIP_VIOLENCE),
        direction: z.enum(['FROM_THIS_PERSON', 'TOWARDS_THIS_PERSON']),
        otherPersonRole: nullable(z.string()),
      }),
    ),
  ),
  consents: optional(
    z.array(
      z.strictObject({
        status: z.string(),
        method: z.string(),
        agencies: z.array(named),
        dataCategories: z.array(z.string()),
        validUntil: nullable(z.string()),
        evidence: nullable(z.string()),
        recordedAt: timestamp(),
        withdrawnAt: nullable(timestamp()),
      }),
    ),
  ),
  notices: optional(
    z.array(
      z.strictObject({
        informedAt: nullable(timestamp()),
        method: nullable(z.string()),
        withheld: z.boolean(),
        reviewDate: nullable(z.string()),
        recordedAt: timestamp(),
      }),
    ),
  ),
  riskAssessments: optional(
    z.array(
      z.strictObject({
        instrument: z.string(),
        version: int(),
        level: z.enum(RISK_LEVELS),
        indicators: z.strictObject({ redFlags: z.array(z.string()), protectiveFactors: z.array(z.string()) }),
        assessedAt: timestamp(),
      }),
    ),
  ),
  disclosures: optional(
    z.array(
      z.strictObject({ at: timestamp(), from: named, to: z.array(named), categories: z.array(z.string()), legalBasis: z.string(), sharingLogSeq: int() }),
    ),
  ),
  sharingLog: optional(
    z.array(z.strictObject({ seq: int(), at: timestamp(), from: named, to: z.array(named), legalBasis: z.string(), categories: z.array(z.string()) })),
  ),
  accessLog: optional(z.array(z.strictObject({ at: timestamp(), reader: z.string(), agency: named, what: z.string() }))),
  /** The sections withheld and why (law of 30 July 2018, art. 14); null when nothing was. */
  restrictions: nullable(z.strictObject({ sections: z.array(z.string()), reason: z.string() })),
});
export type PersonExport = z.infer<typeof personExportSchema>;
