import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../../common/auth/authorize.decorator';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { WorkQueueDto } from './work-item';
import { WorkQueueService } from './work-queue.service';

@ApiTags('me')
@Controller('me/work-queue')
export class WorkQueueController {
  constructor(private readonly queue: WorkQueueService) {}

  // Any signed-in user: every item is computed from the caller's own roles, id, agency and CASL scope.
  @Authenticated()
  @Get()
  @ApiOperation({ summary: 'What waits for the caller, per role, each item linking to where it is done' })
  @ApiOkResponse({ type: WorkQueueDto })
  list(@CurrentUser() u: AuthenticatedUser) {
    return this.queue.forUser(u);
  }
}
