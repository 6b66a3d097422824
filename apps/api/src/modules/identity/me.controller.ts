import { Body, Controller, Get, HttpCode, Patch, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyRequest as Request } from 'fastify';
import { packAbility } from '@schakel/authz';
import { Authenticated } from '../../common/auth/authorize.decorator';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { EmptyBodyDto } from '../../common/validation/empty-body.dto';
import { ConfirmMfaDto } from './dto/confirm-mfa.dto';
import { UpdateMeDto } from './dto/update-me.dto';
import { MfaService } from './mfa.service';
import { UsersService } from './users.service';
import { ApiContract } from '../../common/openapi/api-contract.decorator';

@ApiTags('me')
@Controller('me')
export class MeController {
  constructor(
    private readonly mfa: MfaService,
    private readonly users: UsersService,
  ) {}

  @Authenticated({ duringMfaEnrollment: true })
  @Get()
  @ApiContract('Me', 'the caller, their agency, roles and packed CASL rules (`permissions`)')
  me(@CurrentUser() u: AuthenticatedUser) {
    return {
      id: u.id,
      email: u.email,
      displayName: u.displayName,
      agency: { id: u.agencyId, name: u.agencyName, type: u.agencyType, district: u.district },
      roles: u.roles,
      locale: u.locale,
      mfaEnabled: u.mfaEnabled,
      mfaEnrollmentRequired: u.mfaEnrollmentRequired,
      permissions: packAbility(u.ability),
    };
  }

  @Authenticated()
  @Patch()
  @ApiContract('User', 'your account; a new password ends your other sessions')
  update(@Body() dto: UpdateMeDto, @CurrentUser() u: AuthenticatedUser, @Req() req: Request) {
    return this.users.updateOwn(u, dto, req.ip ?? null);
  }

  @Authenticated({ duringMfaEnrollment: true })
  @Post('mfa/enroll')
  @HttpCode(200)
  @ApiContract('MfaEnrolment', 'show `otpauthUri` as QR code, then confirm with a code')
  enroll(@Body() _body: EmptyBodyDto, @CurrentUser() u: AuthenticatedUser) {
    return this.mfa.enroll(u.id);
  }

  @Authenticated({ duringMfaEnrollment: true })
  @Post('mfa/confirm')
  @HttpCode(200)
  @ApiContract('MfaConfirmation', 'the code matched: TOTP is required at every sign-in from now on')
  async confirm(@Body() body: ConfirmMfaDto, @CurrentUser() u: AuthenticatedUser, @Req() req: Request) {
    await this.mfa.confirm(u.id, body.code, req.ip ?? null);
    return { mfaEnabled: true as const };
  }
}
