import { Controller, Get, Header, Query, StreamableFile } from '@nestjs/common';
import { ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { Authorize } from '../../common/auth/authorize.decorator';
import { ApiContractOrFile } from '../../common/openapi/api-contract.decorator';
import { ProcessingRecordService } from './processing-record.service';

export class ProcessingRecordQueryDto {
  @ApiPropertyOptional({ enum: ['json', 'pdf'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'pdf'], { message: 'format must be one of json, pdf' })
  format?: 'json' | 'pdf';

  @ApiPropertyOptional({ enum: ['nl', 'fr'], default: 'nl' })
  @IsOptional()
  @IsIn(['nl', 'fr'], { message: 'lang must be one of nl, fr' })
  lang?: 'nl' | 'fr';

  @ApiPropertyOptional({ description: 'only the protocols of this district' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  district?: string;
}

@ApiTags('processing-record')
@Controller('processing-record')
export class ProcessingRecordController {
  constructor(private readonly records: ProcessingRecordService) {}

  @Authorize('read', 'ProcessingRecord')
  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiProduces('application/json', 'application/pdf')
  @ApiContractOrFile(
    'ProcessingRecord',
    'record of processing activities (GDPR art. 30), one activity per approved or suspended protocol: purposes, legal bases, categories of persons and data, recipients, retention, security measures; `?format=pdf` for a PDF',
    ['application/pdf'],
  )
  async get(@Query() q: ProcessingRecordQueryDto) {
    const record = await this.records.build(q.lang ?? 'nl', q.district);
    if (q.format === 'pdf') {
      const file = await this.records.pdf(record);
      return new StreamableFile(file, {
        type: 'application/pdf',
        disposition: `attachment; filename="verwerkingsregister-${record.lang}.pdf"`,
        length: file.length,
      });
    }
    return record;
  }
}
