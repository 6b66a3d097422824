import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import { BearerAuthenticator } from '../../common/auth/bearer-authenticator';
import { RuntimeConfig } from '../../config/runtime-config';
import { AdminBootstrapService } from './admin-bootstrap.service';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { RateLimitStorage } from './rate-limit/rate-limit.storage';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginAuditController } from './login-audit.controller';
import { LoginAuditService } from './login-audit.service';
import { MeController } from './me.controller';
import { MfaService } from './mfa.service';
import { OidcController } from './oidc/oidc.controller';
import { OidcService } from './oidc/oidc.service';
import { JwtStrategy } from './strategies/jwt.strategy';
import { LocalStrategy } from './strategies/local.strategy';
import { TokenService } from './token.service';
import { UserLoader } from './user-loader.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [
    PassportModule,
    JwtModule.registerAsync({
      inject: [RuntimeConfig],
      useFactory: (config: RuntimeConfig) => ({ secret: config.secrets.jwtSecret, signOptions: { algorithm: 'HS256', issuer: 'schakel' } }),
    }),
    // Counted in Redis when REDIS_URL is set, so the limit holds across replicas (rate-limit.storage.ts).
    ThrottlerModule.forRootAsync({
      imports: [RateLimitModule],
      inject: [RuntimeConfig, RateLimitStorage],
      useFactory: (config: RuntimeConfig, storage: RateLimitStorage) => ({
        throttlers: [{ name: 'auth', ttl: 60_000, limit: config.env.AUTH_RATE_LIMIT_PER_MINUTE }],
        storage,
      }),
    }),
  ],
  controllers: [AuthController, OidcController, MeController, UsersController, LoginAuditController],
  providers: [
    OidcService,
    AuthService,
    TokenService,
    MfaService,
    UsersService,
    LoginAuditService,
    UserLoader,
    JwtStrategy,
    LocalStrategy,
    AdminBootstrapService,
    { provide: BearerAuthenticator, useExisting: JwtStrategy },
  ],
  exports: [LoginAuditService, UserLoader, BearerAuthenticator],
})
export class IdentityModule {}
