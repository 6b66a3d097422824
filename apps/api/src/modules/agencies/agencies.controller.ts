import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiTags } from '@nestjs/swagger';
import { Authorize } from '../../common/auth/authorize.decorator';
import { ListQueryDto } from '../../common/pagination/list-query.dto';
import { AgenciesService } from './agencies.service';
import { CreateAgencyDto } from './dto/create-agency.dto';
import { UpdateAgencyDto } from './dto/update-agency.dto';
import { ApiContract } from '../../common/openapi/api-contract.decorator';

@ApiTags('administration')
@Controller('agencies')
export class AgenciesController {
  constructor(private readonly agencies: AgenciesService) {}

  @Authorize('read', 'Agency')
  @Get()
  @ApiContract('AgencyPage', 'the agency directory, by name')
  list(@Query() q: ListQueryDto) {
    return this.agencies.list(q);
  }

  @Authorize('read', 'Agency')
  @Get(':id')
  @ApiContract('Agency', 'the agency')
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.agencies.get(id);
  }

  @Authorize('create', 'Agency')
  @Post()
  @ApiContract('Agency', 'the new agency', 201)
  create(@Body() dto: CreateAgencyDto) {
    return this.agencies.create(dto);
  }

  @Authorize('update', 'Agency')
  @Patch(':id')
  @ApiConflictResponse({ description: 'STALE_VERSION' })
  @ApiContract('Agency', 'the updated agency')
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateAgencyDto) {
    return this.agencies.update(id, dto);
  }
}
