import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiConflictResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest as Request } from 'fastify';
import { Authorize } from '../../common/auth/authorize.decorator';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { CreateUserDto } from './dto/create-user.dto';
import { ListUsersQuery } from './dto/list-users.query';
import { UpdateUserDto } from './dto/update-user.dto';
import { UsersService } from './users.service';
import { ApiContract } from '../../common/openapi/api-contract.decorator';

@ApiTags('administration')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Authorize('read', 'User')
  @Get()
  @ApiContract('UserPage', 'accounts, by display name')
  list(@Query() q: ListUsersQuery) {
    return this.users.list(q);
  }

  @Authorize('read', 'User')
  @Get(':id')
  @ApiContract('User', 'the account (without secrets)')
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.users.get(id);
  }

  @Authorize('create', 'User')
  @Post()
  @ApiContract('User', 'the account (without secrets)', 201)
  @ApiConflictResponse({ description: 'EMAIL_TAKEN' })
  create(@Body() dto: CreateUserDto, @CurrentUser() actor: AuthenticatedUser, @Req() req: Request) {
    return this.users.create(dto, actor, req.ip ?? null);
  }

  @Authorize('update', 'User')
  @Patch(':id')
  @ApiConflictResponse({ description: 'STALE_VERSION' })
  @ApiContract('User', 'the updated account')
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateUserDto, @CurrentUser() actor: AuthenticatedUser, @Req() req: Request) {
    return this.users.update(id, dto, actor, req.ip ?? null);
  }
}
