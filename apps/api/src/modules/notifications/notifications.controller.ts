import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { Authenticated } from '../../common/auth/authorize.decorator';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { ErrorBodyDto } from '../../common/http/error-body.dto';
import { ListQueryDto } from '../../common/pagination/list-query.dto';
import { EmptyBodyDto } from '../../common/validation/empty-body.dto';
import { NotificationsService } from './notifications.service';
import { ApiContract } from '../../common/openapi/api-contract.decorator';

export class ListNotificationsQuery extends ListQueryDto {
  @ApiPropertyOptional({ description: 'only unread notifications' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;
}

/** The caller's own inbox: every signed-in user has one, so the routes only touch the caller's rows. */
@ApiTags('notifications')
@Controller('me/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Authenticated()
  @Get()
  @ApiContract('NotificationPage', 'your notifications, newest first, and how many are unread')
  list(@CurrentUser() u: AuthenticatedUser, @Query() q: ListNotificationsQuery) {
    return this.notifications.list(u, q);
  }

  @Authenticated()
  @Post('read-all')
  @HttpCode(200)
  @ApiContract('NotificationsMarked', 'how many notifications were marked read')
  readAll(@CurrentUser() u: AuthenticatedUser, @Body() _body: EmptyBodyDto) {
    return this.notifications.markAllRead(u);
  }

  @Authenticated()
  @Post(':id/read')
  @HttpCode(200)
  @ApiContract('Notification', 'the notification with its `readAt`; repeating it keeps the first time')
  @ApiNotFoundResponse({ description: 'not one of your notifications', type: ErrorBodyDto })
  read(@CurrentUser() u: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string, @Body() _body: EmptyBodyDto) {
    return this.notifications.markRead(u, id);
  }
}
