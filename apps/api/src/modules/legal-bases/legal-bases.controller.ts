import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../../common/auth/authorize.decorator';
import { LegalBasesService } from './legal-bases.service';
import { ApiContract } from '../../common/openapi/api-contract.decorator';

/** The law as data: no case content, so every signed-in user may read it. */
@ApiTags('legal-bases')
@Controller('legal-bases')
export class LegalBasesController {
  constructor(private readonly bases: LegalBasesService) {}

  @Authenticated()
  @Get()
  @ApiContract('LegalBasisList', 'the legal bases for sharing; `reference` is the article applying today')
  list() {
    return this.bases.list();
  }
}
