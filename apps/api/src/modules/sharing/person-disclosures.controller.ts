import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiNotFoundResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Authorize } from '../../common/auth/authorize.decorator';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { CreatePersonDisclosureDto } from './dto/person-disclosure.dto';
import { PersonDisclosuresService } from './person-disclosures.service';
import { ApiContract } from '../../common/openapi/api-contract.decorator';

@ApiTags('sharing')
@Controller('cases/:id/persons/:pid/disclosures')
@ApiNotFoundResponse({ description: 'the case or person does not exist or is outside your scope' })
export class PersonDisclosuresController {
  constructor(private readonly disclosures: PersonDisclosuresService) {}

  @Authorize('share', 'Person')
  @Post()
  @ApiContract('PersonDisclosure', 'the sharing-log entry; the recipients now see the disclosed fields', 201)
  @ApiUnprocessableEntityResponse({
    description:
      'CONFIDENTIAL_ADDRESS, CATEGORY_NOT_PERSON_DATA, and every contribution-disclosure code (AGENCY_NOT_IN_CASE, CONSENT_MISSING, JUSTIFICATION_REQUIRED, …); 403 NOT_PERSON_FILE_HOLDER',
  })
  disclose(
    @CurrentUser() u: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('pid', ParseUUIDPipe) pid: string,
    @Body() dto: CreatePersonDisclosureDto,
  ) {
    return this.disclosures.disclose(u, id, pid, dto);
  }
}
