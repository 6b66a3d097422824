import { Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { createSecretKey } from 'node:crypto';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { AuthenticatedUser } from '../../../common/auth/authenticated-user';
import { RuntimeConfig } from '../../../config/runtime-config';
import type { AccessTokenClaims } from '../token.service';
import { UserLoader } from '../user-loader.service';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(config: RuntimeConfig, private readonly users: UserLoader) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject made once: given the string, jsonwebtoken builds a key object from it on every request.
      secretOrKey: createSecretKey(Buffer.from(config.secrets.jwtSecret, 'utf8')) as unknown as string,
      audience: 'schakel-api',
      algorithms: ['HS256'],
      ignoreExpiration: false,
      passReqToCallback: true,
    });
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
