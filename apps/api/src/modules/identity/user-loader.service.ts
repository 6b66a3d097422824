import type { AgencyType } from '@schakel/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { defineAbilityFor, type AppAbility } from '@schakel/authz';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { hydrate } from '../../common/db/hydrate';
import { rawQuery } from '../../common/db/raw-query';
import { RuntimeConfig } from '../../config/runtime-config';
import { User } from './entities/user.entity';

/** The caller's account row with its agency, as one statement reads it. */
export interface LoadedAccount {
  user: User;
  agency: { name: string; type: AgencyType; district: string };
}

@Injectable()
export class UserLoader {
  /** One load per request, however many guards or handlers ask for the caller. */
  private readonly perRequest = new WeakMap<object, Promise<AuthenticatedUser | null>>();

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly config: RuntimeConfig,
  ) {}

  /** The caller of `request`, loaded at most once for it. */
  loadFor(request: object, userId: string): Promise<AuthenticatedUser | null> {
    let loaded = this.perRequest.get(request);
    if (!loaded) {
      loaded = this.load(userId);
      this.perRequest.set(request, loaded);
    }
    return loaded.then((u) => (u?.id === userId ? u : null));
  }

  /** The caller with their agency and ability; null when the account is gone or deactivated. */
  async load(userId: string): Promise<AuthenticatedUser | null> {
    const account = await this.account(userId);
    if (!account || !account.user.active) return null;
    // Checks against the account row (deactivation above; session revocation) belong here: the row
    // is already read, so they cost no query.
    const { user, agency } = account;
    const mfaEnrollmentRequired = !user.mfaEnabled && user.roles.some((r) => this.config.env.MFA_REQUIRED_ROLES.includes(r));
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      agencyId: user.agencyId,
      agencyName: agency.name,
      agencyType: agency.type,
      district: agency.district,
      roles: user.roles,
      locale: user.locale,
      mfaEnabled: user.mfaEnabled,
      mfaEnrollmentRequired,
      sessionVersion: user.sessionVersion,
      endedSessions: user.endedSessions ?? {},
      sessionId: null,
      ability: abilityFor(user.id, user.agencyId, agency.district, user.roles),
    };
  }

  /**
   * The whole users row (every column, so one added later is there too) and the agency fields, in
   * one statement: this runs on every authenticated request.
   */
  async account(userId: string): Promise<LoadedAccount | null> {
    const rows = await rawQuery<Record<string, unknown> & { agency_name: string; agency_type: AgencyType; agency_district: string }>(
      this.ds,
      'SELECT u.*, a.name AS agency_name, a.type AS agency_type, a.district AS agency_district FROM users u JOIN agencies a ON a.id = u.agency_id WHERE u.id = $1',
      [userId],
    );
    const row = rows[0];
    if (!row) return null;
    return { user: hydrate(this.ds, User, [row])[0]!, agency: { name: row.agency_name, type: row.agency_type, district: row.agency_district } };
  }
}

// Building a CASL ability costs about as much as the rest of the authentication; the same account
// facts give the same rules, so abilities are reused (bounded; an ability is never mutated).
const abilities = new Map<string, AppAbility>();
function abilityFor(id: string, agencyId: string, district: string, roles: User['roles']): AppAbility {
  const key = JSON.stringify([id, agencyId, district, roles]);
  let ability = abilities.get(key);
  if (!ability) {
    if (abilities.size >= 2000) abilities.delete(abilities.keys().next().value!);
    ability = defineAbilityFor({ id, agencyId, district, roles });
    abilities.set(key, ability);
  }
  return ability;
}
