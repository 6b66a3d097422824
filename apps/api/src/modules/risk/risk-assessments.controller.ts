import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Authorize } from '../../common/auth/authorize.decorator';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { CreateRiskAssessmentDto, ListRiskAssessmentsQuery } from './dto/risk-assessment.dto';
import { RiskAssessmentsService } from './risk-assessments.service';
import { ApiContract } from '../../common/openapi/api-contract.decorator';

@ApiTags('risk')
@Controller('cases/:id/risk-assessments')
@ApiNotFoundResponse({ description: 'the case does not exist or is outside your scope' })
export class RiskAssessmentsController {
  constructor(private readonly assessments: RiskAssessmentsService) {}

  @Authorize('create', 'RiskAssessment')
  @Post()
  @ApiBadRequestResponse({ description: 'invalid body; unknown instrument, a person not of this case or invalid answers (details per `answers.<itemKey>`)' })
  @ApiUnprocessableEntityResponse({ description: 'LEVEL_RATIONALE_REQUIRED (a level below the suggested one without a rationale), CASE_CLOSED' })
  @ApiContract('RiskAssessment', 'the judgement', 201)
  create(@CurrentUser() u: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateRiskAssessmentDto) {
    return this.assessments.create(u, id, dto);
  }

  @Authorize('read', 'RiskAssessment')
  @Get()
  @ApiContract('RiskAssessmentList', 'the judgements of the case (of one person with `personId`), newest first')
  list(@CurrentUser() u: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string, @Query() q: ListRiskAssessmentsQuery) {
    return this.assessments.list(u, id, q.personId);
  }
}
