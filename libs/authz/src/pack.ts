import { createMongoAbility } from '@casl/ability';
import { packRules, unpackRules, type PackRule } from '@casl/ability/extra';
import type { AppAbility } from './define-ability';

/** The rules as sent in GET /me `permissions`. */
export function packAbility(ability: AppAbility): PackRule<never>[] {
  return packRules(ability.rules as never) as PackRule<never>[];
}

/** Rebuilds the ability in the SPA from `permissions`. */
export function abilityFromPacked(packed: PackRule<never>[]): AppAbility {
  return createMongoAbility(unpackRules(packed as never) as never, {
    detectSubjectType: (o) => (o as { __typename: string }).__typename,
  }) as unknown as AppAbility;
}
