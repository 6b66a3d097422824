import { Controller, Get, NotFoundException, Query, Req, Res } from '@nestjs/common';
import { ApiFoundResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply as Response, FastifyRequest as Request } from 'fastify';
import { clearCookie, setCookie } from '../../../common/http/cookies';
import { Public } from '../../../common/auth/public.decorator';
import { RuntimeConfig } from '../../../config/runtime-config';
import { setRefreshCookie } from '../refresh-cookie';
import { OidcService } from './oidc.service';
import { ApiContract } from '../../../common/openapi/api-contract.decorator';

const PENDING_COOKIE = 'schakel_oidc';

@ApiTags('auth')
@Controller('auth/oidc')
export class OidcController {
  constructor(
    private readonly oidc: OidcService,
    private readonly config: RuntimeConfig,
  ) {}

  @Public()
  @Get()
  @ApiContract('OidcStatus', 'whether single sign-on is configured')
  status() {
    return { enabled: this.oidc.enabled };
  }

  @Public()
  @Get('login')
  @ApiFoundResponse({ description: 'redirect to the identity provider' })
  async login(@Res() res: Response) {
    if (!this.oidc.enabled) throw new NotFoundException('Single sign-on is not configured');
    const { url, sealed } = await this.oidc.start();
    // Lax, not Strict: the IdP's redirect back is a cross-site top-level navigation.
    setCookie(res, PENDING_COOKIE, sealed, { httpOnly: true, sameSite: 'lax', secure: this.secure, path: '/api/v1/auth/oidc', maxAge: 600_000 });
    return res.redirect(url, 302);
  }

  @Public()
  @Get('callback')
  @ApiFoundResponse({ description: 'back to the SPA, signed in (refresh cookie) or with `?error=oidc`' })
  async callback(@Query() query: Record<string, string>, @Req() req: Request, @Res() res: Response) {
    if (!this.oidc.enabled) throw new NotFoundException('Single sign-on is not configured');
    const session = await this.oidc.finish(query, req.cookies?.[PENDING_COOKIE], req.ip ?? null);
    clearCookie(res, PENDING_COOKIE, { path: '/api/v1/auth/oidc' });
    if (!session) return res.redirect('/login?error=oidc', 302);
    setRefreshCookie(res, session.refreshCookie, this.secure, this.config.env.REFRESH_TOKEN_TTL_DAYS);
    return res.redirect('/', 302);
  }

  private get secure(): boolean {
    return this.config.env.NODE_ENV === 'production';
  }
}
