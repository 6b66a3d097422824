import { Controller, Get, Param, ParseUUIDPipe, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiNotFoundResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply as Response } from 'fastify';
import { Authorize } from '../../common/auth/authorize.decorator';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { ApiContractOrFile } from '../../common/openapi/api-contract.decorator';
import { PersonExportQuery } from './dto/person-export.query';
import { renderPersonExportPdf } from './person-export-pdf';
import { PersonExportService } from './person-export.service';

@ApiTags('persons')
@Controller('persons/:id/export')
export class PersonExportController {
  constructor(private readonly exports: PersonExportService) {}

  @Authorize('export', 'Person')
  @Get()
  @ApiProduces('application/json', 'application/pdf')
  @ApiContractOrFile(
    'PersonExport',
    'everything held about the person, who read it and with whom it was shared (GDPR art. 15); `?format=pdf` for a PDF; `restrict` + `restrictionReason` withhold sections',
    ['application/pdf'],
  )
  @ApiNotFoundResponse({ description: 'no such person (or erased)' })
  async export(
    @CurrentUser() u: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() q: PersonExportQuery,
    @Res({ passthrough: true }) res: Response,
  ) {
    const data = await this.exports.export(u, id, q);
    res.header('Cache-Control', 'no-store');
    if (q.format !== 'pdf') return data;
    // A confidential (shelter) address is never printed, not even in the person's own export.
    const printable = data.person.confidentialAddress
      ? { ...data, person: { ...data.person, address: data.person.address === null ? null : 'CONFIDENTIAL' } }
      : data;
    const pdf = await renderPersonExportPdf(`Schakel - ${data.case.reference}`, printable);
    return new StreamableFile(pdf, { type: 'application/pdf', disposition: `attachment; filename="schakel-person-${id.slice(0, 8)}.pdf"`, length: pdf.length });
  }
}
