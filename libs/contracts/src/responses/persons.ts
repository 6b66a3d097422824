import {
  COMPARTMENT_FIELD_NAMES,
  type CompartmentField,
  GENDER_CODES,
  PERSON_DISCLOSURE_CATEGORIES,
  PERSON_ROLES,
  RELATIONSHIP_TYPES,
  RELATIONSHIP_VIOLENCE,
} from '@schakel/domain';
import { z } from 'zod/mini';
import { int, isoDate, listOf, nullable, timestamp, uuid } from './schema';

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
