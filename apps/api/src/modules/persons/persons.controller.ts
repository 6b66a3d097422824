import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Authorize } from '../../common/auth/authorize.decorator';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { AddPersonDto, CreateRelationshipDto, PersonDataRequestDto, UpdatePersonDto } from './dto/person.dto';
import { PersonsService } from './persons.service';
import { ApiContract } from '../../common/openapi/api-contract.decorator';

@ApiTags('persons')
@Controller('cases/:id')
@ApiNotFoundResponse({ description: 'the case or person does not exist or is outside your scope' })
export class PersonsController {
  constructor(private readonly persons: PersonsService) {}

  @Authorize('create', 'Person')
  @Post('persons')
  @ApiContract('Person', 'the person as you may see it (`withheld[]` names the fields hidden from you)', 201)
  @ApiUnprocessableEntityResponse({ description: 'CASE_CLOSED, CASE_ERASED' })
  add(@CurrentUser() u: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AddPersonDto) {
    return this.persons.add(u, id, dto);
  }

  @Authorize('update', 'Person')
  @Patch('persons/:pid')
  @ApiContract('Person', 'the corrected person as you may see it')
  @ApiConflictResponse({ description: 'STALE_VERSION' })
  @ApiUnprocessableEntityResponse({ description: 'CONFIDENTIAL_ADDRESS (only its author agency changes it), CASE_CLOSED, CASE_ERASED' })
  update(@CurrentUser() u: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string, @Param('pid', ParseUUIDPipe) pid: string, @Body() dto: UpdatePersonDto) {
    return this.persons.update(u, id, pid, dto);
  }

  @Authorize('create', 'Person')
  @Post('relationships')
  @ApiContract('Relationship', 'the relationship', 201)
  @ApiConflictResponse({ description: 'RELATIONSHIP_EXISTS' })
  relate(@CurrentUser() u: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateRelationshipDto) {
    return this.persons.relate(u, id, dto);
  }

  @Authorize('read', 'Person')
  @Get('relationships')
  @ApiContract('RelationshipList', 'the relationships between the persons of the case')
  relationships(@CurrentUser() u: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.persons.relationships(u, id);
  }

  @Authorize('request', 'Person')
  @Post('persons/:pid/data-requests')
  @ApiContract('DataRequest', 'the request; the file holders answer it with a person disclosure', 201)
  request(
    @CurrentUser() u: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('pid', ParseUUIDPipe) pid: string,
    @Body() dto: PersonDataRequestDto,
  ) {
    return this.persons.request(u, id, pid, dto);
  }

  @Authorize('read', 'Person')
  @Get('data-requests')
  @ApiContract('DataRequestList', 'every request for the file holders, your own for a partner')
  requests(@CurrentUser() u: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.persons.requests(u, id);
  }
}
