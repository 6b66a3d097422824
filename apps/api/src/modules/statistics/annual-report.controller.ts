import { Controller, Get, Header, Query, StreamableFile } from '@nestjs/common';
import { ApiForbiddenResponse, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { todayInBrussels } from '@schakel/domain';
import { Authorize } from '../../common/auth/authorize.decorator';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { ApiContractOrFile } from '../../common/openapi/api-contract.decorator';
import { ErrorBodyDto } from '../../common/http/error-body.dto';
import { AnnualReportService } from './annual-report.service';

export const REPORT_FORMATS = ['json', 'csv', 'pdf'] as const;

export class AnnualReportQueryDto {
  @ApiPropertyOptional({ description: 'DPO: any district (omit for all); others: their own (another → 403 DISTRICT_NOT_ALLOWED)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  district?: string;

  @ApiPropertyOptional({ example: 2026, description: 'calendar year (Europe/Brussels); default the current year' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'year must be a whole number' })
  @Min(2000, { message: 'year must be 2000 or later' })
  @Max(2100, { message: 'year must be 2100 or earlier' })
  year?: number;

  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(REPORT_FORMATS, { message: `format must be one of ${REPORT_FORMATS.join(', ')}` })
  format?: (typeof REPORT_FORMATS)[number];

  @ApiPropertyOptional({ enum: ['nl', 'fr', 'en'], description: 'accepted for symmetry with other exports; CSV and PDF are always bilingual NL/FR' })
  @IsOptional()
  @IsIn(['nl', 'fr', 'en'], { message: 'lang must be one of nl, fr, en' })
  lang?: string;
}

@ApiTags('statistics')
@Controller('statistics')
export class AnnualReportController {
  constructor(private readonly reports: AnnualReportService) {}

  @Authorize('read', 'Statistics')
  @Get('annual-report')
  @Header('Cache-Control', 'no-store')
  @ApiProduces('application/json', 'text/csv', 'application/pdf')
  @ApiContractOrFile(
    'AnnualReport',
    'annual steering report of a district: referrals, inclusions, closures by reason, victims and alleged perpetrators by gender, children, language, measures, median days per chain step; small cells and their complements are `null`; `?format=csv|pdf` for a file',
    ['text/csv', 'application/pdf'],
  )
  @ApiForbiddenResponse({ description: 'DISTRICT_NOT_ALLOWED', type: ErrorBodyDto })
  async annualReport(@CurrentUser() u: AuthenticatedUser, @Query() q: AnnualReportQueryDto) {
    const year = q.year ?? Number(todayInBrussels().slice(0, 4));
    const report = await this.reports.build(u, { district: q.district, year });
    const name = `jaarverslag-${(report.district ?? 'alle').replace(/[^A-Za-z0-9-]/g, '_')}-${year}`;
    if (q.format === 'csv') {
      // A byte-order mark so spreadsheet programs read the accents as UTF-8.
      const file = Buffer.from(`\ufeff${this.reports.csv(report)}`, 'utf8');
      return new StreamableFile(file, { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="${name}.csv"`, length: file.length });
    }
    if (q.format === 'pdf') {
      const file = await this.reports.pdf(report);
      return new StreamableFile(file, { type: 'application/pdf', disposition: `attachment; filename="${name}.pdf"`, length: file.length });
    }
    return report;
  }
}
