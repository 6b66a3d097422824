import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Authenticated, Authorize } from '../../common/auth/authorize.decorator';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { ActionsService } from './actions.service';
import { CreateActionDto, CreateEvaluationDto, UpdateActionDto } from './dto/action.dto';
import { ApiContract } from '../../common/openapi/api-contract.decorator';

@ApiTags('actions')
@Controller('cases/:id')
@ApiNotFoundResponse({ description: 'the case does not exist or is outside your scope' })
export class ActionsController {
  constructor(private readonly actions: ActionsService) {}

  @Authorize('read', 'Action')
  @Get('actions')
  @ApiContract('CaseActionList', 'the action plan of the case')
  list(@CurrentUser() u: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.actions.list(u, id);
  }

  @Authorize('create', 'Action')
  @Post('actions')
  @ApiUnprocessableEntityResponse({ description: 'AGENCY_NOT_IN_CASE, CASE_CLOSED' })
  @ApiContract('CaseAction', 'the action', 201)
  create(@CurrentUser() u: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateActionDto) {
    return this.actions.create(u, id, dto);
  }

  @Authorize('update', 'Action')
  @Patch('actions/:aid')
  @ApiConflictResponse({ description: 'STALE_VERSION' })
  @ApiForbiddenResponse({ description: 'NOT_ACTION_OWNER: only the owning agency and the case team change an action' })
  @ApiContract('CaseAction', 'the updated action')
  update(@CurrentUser() u: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string, @Param('aid', ParseUUIDPipe) aid: string, @Body() dto: UpdateActionDto) {
    return this.actions.update(u, id, aid, dto);
  }

  @Authorize('read', 'Action')
  @Get('evaluations')
  @ApiContract('EvaluationList', 'the evaluations of the case, oldest first')
  evaluations(@CurrentUser() u: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.actions.evaluations(u, id);
  }

  @Authorize('evaluate', 'Case')
  @Post('evaluations')
  @ApiConflictResponse({ description: 'WRONG_STAGE' })
  @ApiContract('RecordedEvaluation', "the evaluation, the case's stage after it and, for ESCALATE, the escalation", 201)
  evaluate(@CurrentUser() u: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateEvaluationDto) {
    return this.actions.evaluate(u, id, dto);
  }
}

@ApiTags('actions')
@Controller('me/reminders')
export class RemindersController {
  constructor(private readonly actions: ActionsService) {}

  @Authenticated()
  @Get()
  @ApiContract('Reminders', 'open actions of your agency due within a week or overdue; for a case director, cases ready for evaluation')
  reminders(@CurrentUser() u: AuthenticatedUser) {
    return this.actions.reminders(u);
  }
}
