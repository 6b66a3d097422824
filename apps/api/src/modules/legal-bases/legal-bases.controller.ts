import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../../common/auth/authorize.decorator';
import { LegalBasesService } from './legal-bases.service';

/** The law as data: no case content, so every signed-in user may read it. */
@ApiTags('legal-bases')
@Controller('legal-bases')
export class LegalBasesController {
  constructor(private readonly bases: LegalBasesService) {}

  @Authenticated()
  @Get()
  @ApiOkResponse({ description: '`{ items: [{ key, reference, title: { nl, fr, en }, explanation: { nl, fr, en }, conditions, references[] }] }`; `reference` is the article applying today' })
  list() {
    return this.bases.list();
  }
}
