import {
  birthYearOf,
  personCompartments,
  type CompartmentFacts,
  type CompartmentField,
  type RelationshipType,
  type RelationshipViolence,
  type WithheldReason,
} from '@schakel/domain';
import type { PersonIdentity } from './person-crypto';

export interface RelationshipView {
  id: string;
  fromPersonId: string;
  toPersonId: string;
  type: RelationshipType;
  violence: RelationshipViolence;
}

export interface PersonView extends PersonIdentity {
  birthYear: number | null;
  confidentialAddress: boolean;
  informed: boolean | null;
  consentGiven: boolean | null;
  relationships: RelationshipView[];
  /** Fields hidden from the caller (their value is null), and why. */
  withheld: CompartmentField[];
  withheldReasons: Partial<Record<CompartmentField, WithheldReason>>;
  version: number;
}

/**
 * The need-to-know compartments of one person for one caller (libs/domain person-compartments):
 * withheld fields become null and are named in `withheld`. Kept apart from loading so other gates
 * (the confidentiality acknowledgement) can wrap it.
 */
export function compartmentedPerson(
  identity: PersonIdentity,
  facts: CompartmentFacts,
  extra: Pick<PersonView, 'confidentialAddress' | 'informed' | 'consentGiven' | 'relationships' | 'version'>,
): PersonView {
  const verdict = personCompartments(facts);
  const view: PersonView = { ...identity, birthYear: birthYearOf(identity.birthDate), ...extra, withheld: [], withheldReasons: {} };
  for (const { field, reason } of verdict.withheld) {
    view[field] = null;
    view.withheld.push(field);
    view.withheldReasons[field] = reason;
  }
  return view;
}
