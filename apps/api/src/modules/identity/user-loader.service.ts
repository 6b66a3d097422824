import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { defineAbilityFor } from '@schakel/authz';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { RuntimeConfig } from '../../config/runtime-config';
import { User } from './entities/user.entity';

@Injectable()
export class UserLoader {
  constructor(@InjectDataSource() private readonly ds: DataSource, private readonly config: RuntimeConfig) {}

  /** The caller with their agency and ability; null when the account is gone or deactivated. */
  async load(userId: string): Promise<AuthenticatedUser | null> {
    const user = await this.ds.getRepository(User).findOne({ where: { id: userId }, relations: { agency: true } });
    if (!user || !user.active || !user.agency) return null;
    const mfaEnrollmentRequired = !user.mfaEnabled && user.roles.some((r) => this.config.env.MFA_REQUIRED_ROLES.includes(r));
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      agencyId: user.agencyId,
      agencyName: user.agency.name,
      agencyType: user.agency.type,
      district: user.agency.district,
      roles: user.roles,
      locale: user.locale,
      mfaEnabled: user.mfaEnabled,
      mfaEnrollmentRequired,
      sessionVersion: user.sessionVersion,
      endedSessions: user.endedSessions ?? {},
      sessionId: null,
      ability: defineAbilityFor({ id: user.id, agencyId: user.agencyId, district: user.agency.district, roles: user.roles }),
    };
  }
}
