import { Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { createSecretKey, type KeyObject } from 'node:crypto';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { AuthenticatedUser } from '../../../common/auth/authenticated-user';
import type { BearerAuthenticator } from '../../../common/auth/bearer-authenticator';
import { RuntimeConfig } from '../../../config/runtime-config';
import type { AccessTokenClaims } from '../token.service';
import { UserLoader } from '../user-loader.service';
import { verifyHs256 } from './hs256';

const AUDIENCE = 'schakel-api';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') implements BearerAuthenticator {
  // A KeyObject made once: given the string, the HMAC would build a key object from it on every request.
  private readonly key: KeyObject;

  constructor(
    config: RuntimeConfig,
    private readonly users: UserLoader,
  ) {
    const key = createSecretKey(Buffer.from(config.secrets.jwtSecret, 'utf8'));
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: key as unknown as string,
      audience: AUDIENCE,
      algorithms: ['HS256'],
      ignoreExpiration: false,
      passReqToCallback: true,
    });
    this.key = key;
  }

  /**
   * The global guard's way in (BearerAuthenticator): the bearer token checked by verifyHs256, then
   * validate() as passport would call it. A missing or invalid token is passport's bare 401.
   */
  async authenticateRequest(request: { headers: Record<string, string | string[] | undefined> }): Promise<AuthenticatedUser> {
    const header = request.headers.authorization;
    // As passport-jwt's fromAuthHeaderAsBearerToken: the scheme is case-insensitive, one space-separated token.
    const match = typeof header === 'string' ? /^bearer\s+(\S+)\s*$/i.exec(header) : null;
    const claims = match ? verifyHs256(match[1]!, this.key, AUDIENCE) : null;
    if (!claims) throw new UnauthorizedException();
    return this.validate(request, claims as unknown as AccessTokenClaims);
  }

  async validate(request: object, claims: AccessTokenClaims): Promise<AuthenticatedUser> {
    if (claims.typ !== 'access') throw new UnauthorizedException('Not an access token');
    const user = await this.users.loadFor(request, claims.sub);
    if (!user) throw new UnauthorizedException('Account unavailable');
    // Deactivation and a password reset bump the version, logout lists the session as ended: both on
    // the row loaded above, so the check costs no extra query.
    if ((claims.sv ?? 0) !== user.sessionVersion || (claims.sid !== undefined && user.endedSessions[claims.sid] !== undefined)) {
      throw new UnauthorizedException({ code: 'SESSION_ENDED', message: 'This session has ended; sign in again' });
    }
    return { ...user, sessionId: claims.sid ?? null };
  }
}
