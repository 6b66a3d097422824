import { Body, Controller, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { FastifyReply as Response, FastifyRequest as Request } from 'fastify';
import { Authenticated } from '../../common/auth/authorize.decorator';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { Public } from '../../common/auth/public.decorator';
import { ValidateBody } from '../../common/auth/validate-body.guard';
import { EmptyBodyDto } from '../../common/validation/empty-body.dto';
import { RuntimeConfig } from '../../config/runtime-config';
import { AuthService } from './auth.service';
import { LoginDto } from './dto/login.dto';
import { MfaLoginDto } from './dto/mfa-login.dto';
import type { User } from './entities/user.entity';
import { LoginAuditService } from './login-audit.service';
import { clearRefreshCookie, REFRESH_COOKIE, setRefreshCookie } from './refresh-cookie';
import { TokenService, type IssuedSession } from './token.service';
import { ApiContract } from '../../common/openapi/api-contract.decorator';

@ApiTags('auth')
@Controller('auth')
@UseGuards(ThrottlerGuard)
@ApiTooManyRequestsResponse({ description: 'Too many requests from this address (AUTH_RATE_LIMIT_PER_MINUTE)' })
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly tokens: TokenService,
    private readonly audit: LoginAuditService,
    private readonly config: RuntimeConfig,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @UseGuards(ValidateBody(LoginDto), AuthGuard('local'))
  @ApiContract('LoginResponse', 'a token (refresh cookie set), or `{ mfaRequired: true, mfaToken }` when a TOTP code is needed next')
  @ApiUnauthorizedResponse({ description: 'INVALID_CREDENTIALS — the same answer for an unknown email, a wrong password and a locked account' })
  async login(@Body() _body: LoginDto, @Req() req: Request & { user: User }, @Res({ passthrough: true }) res: Response) {
    const outcome = await this.auth.completePasswordStep(req.user, req.ip ?? null);
    if (outcome.kind === 'mfa') return { mfaRequired: true as const, mfaToken: outcome.mfaToken };
    return this.respond(res, outcome.session);
  }

  @Public()
  @Post('mfa')
  @HttpCode(200)
  @ApiContract('TokenResponse', 'a token and the refresh cookie')
  async mfa(@Body() body: MfaLoginDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.respond(res, await this.auth.completeMfaStep(body.mfaToken, body.code, req.ip ?? null));
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiContract('TokenResponse', 'a new access token; the refresh cookie is rotated')
  async refresh(@Body() _body: EmptyBodyDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    try {
      const { userId, refreshCookie, amr, sid } = await this.tokens.rotate(req.cookies?.[REFRESH_COOKIE], req.ip ?? null);
      setRefreshCookie(res, refreshCookie, this.secure, this.config.env.REFRESH_TOKEN_TTL_DAYS);
      // The session keeps the methods it was authenticated with (a two-factor session stays one).
      return { accessToken: await this.tokens.signAccess(userId, amr, sid), expiresIn: this.tokens.accessTtl };
    } catch (e) {
      clearRefreshCookie(res, this.secure);
      throw e;
    }
  }

  @Authenticated({ duringMfaEnrollment: true })
  @Post('logout')
  @HttpCode(204)
  async logout(
    @Body() _body: EmptyBodyDto,
    @CurrentUser() user: AuthenticatedUser,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    const cookieSession = await this.tokens.revokeByCookie(req.cookies?.[REFRESH_COOKIE]);
    // The access tokens of this session stop working now, not at their expiry; other devices stay signed in.
    for (const sid of new Set([user.sessionId, cookieSession].filter((s): s is string => Boolean(s)))) await this.tokens.endSession(user.id, sid);
    await this.audit.record('LOGOUT', user.id, { ip: req.ip ?? null });
    clearRefreshCookie(res, this.secure);
  }

  private respond(res: Response, session: IssuedSession) {
    setRefreshCookie(res, session.refreshCookie, this.secure, this.config.env.REFRESH_TOKEN_TTL_DAYS);
    return { accessToken: session.accessToken, expiresIn: session.expiresIn };
  }

  private get secure(): boolean {
    return this.config.env.NODE_ENV === 'production';
  }
}
