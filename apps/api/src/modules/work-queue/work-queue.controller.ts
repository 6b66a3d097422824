import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../../common/auth/authorize.decorator';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { WorkQueueService } from './work-queue.service';
import { ApiContract } from '../../common/openapi/api-contract.decorator';

@ApiTags('me')
@Controller('me/work-queue')
export class WorkQueueController {
  constructor(private readonly queue: WorkQueueService) {}

  // Any signed-in user: every item is computed from the caller's own roles, id, agency and CASL scope.
  @Authenticated()
  @Get()
  @ApiOperation({ summary: 'What waits for the caller, per role, each item linking to where it is done' })
  @ApiContract('WorkQueue', 'the items waiting for you, with the day they are reckoned from')
  list(@CurrentUser() u: AuthenticatedUser) {
    return this.queue.forUser(u);
  }
}
