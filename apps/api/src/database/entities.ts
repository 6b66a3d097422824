import { Agency } from '../modules/agencies/agency.entity';
import { LoginAudit } from '../modules/identity/entities/login-audit.entity';
import { RefreshToken } from '../modules/identity/entities/refresh-token.entity';
import { User } from '../modules/identity/entities/user.entity';

// Every TypeORM entity, listed explicitly so the same list works from TS sources (tests) and the build.
export const ENTITIES: Function[] = [Agency, User, RefreshToken, LoginAudit];
