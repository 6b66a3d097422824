import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { RuntimeConfig } from '../../config/runtime-config';
import { createAgency } from '../agencies/agency-directory';
import { User } from './entities/user.entity';
import { hashPassword } from './passwords';

export const DEV_ADMIN = { email: 'admin@schakel.local', password: 'Schakel-dev-admin-2026' };

/**
 * Creates the first administrator from ADMIN_EMAIL/ADMIN_PASSWORD when no user exists (or, with
 * DEV_SEED on a laptop, a documented development administrator). Serialised with a table lock so
 * two replicas starting together create one.
 */
@Injectable()
export class AdminBootstrapService implements OnApplicationBootstrap {
  private readonly logger = new Logger('AdminBootstrap');
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly config: RuntimeConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const env = this.config.env;
    const creds = env.ADMIN_EMAIL && env.ADMIN_PASSWORD ? { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD } : env.DEV_SEED ? DEV_ADMIN : null;
    if (!creds) return;
    const created = await this.ds.transaction(async (m) => {
      await m.query('LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE');
      if ((await m.getRepository(User).count()) > 0) return false;
      const agency = await createAgency(m, { name: 'Schakel — beheer', type: 'OTHER', district: 'ALL', active: true });
      await m.getRepository(User).save(
        m.getRepository(User).create({
          email: creds.email.toLowerCase(),
          displayName: 'Administrator',
          agencyId: agency.id,
          roles: ['admin'],
          locale: 'nl',
          passwordHash: await hashPassword(creds.password),
          active: true,
          mfaEnabled: false,
        }),
      );
      return true;
    });
    if (created)
      this.logger.log(
        creds === DEV_ADMIN ? `development administrator created: ${DEV_ADMIN.email} (see README)` : 'first administrator created from ADMIN_EMAIL',
      );
  }
}
