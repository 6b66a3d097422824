import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayUnique, IsArray, IsIn, IsOptional, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';

export const EXPORT_SECTIONS = ['relationships', 'consents', 'notices', 'riskAssessments', 'disclosures', 'sharingLog', 'accessLog', 'agencies'] as const;
export type ExportSection = (typeof EXPORT_SECTIONS)[number];

export class PersonExportQuery {
  @ApiPropertyOptional({ enum: ['json', 'pdf'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'pdf'])
  format?: 'json' | 'pdf';

  @ApiPropertyOptional({
    enum: EXPORT_SECTIONS,
    isArray: true,
    description: 'sections withheld because informing the person would endanger someone (art. 15 with the Belgian limits); comma-separated',
  })
  @IsOptional()
  @Transform(({ value }) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : value,
  )
  @IsArray()
  @ArrayUnique()
  @IsIn(EXPORT_SECTIONS, { each: true, message: `restrict must list sections among ${EXPORT_SECTIONS.join(', ')}` })
  restrict?: ExportSection[];

  @ApiPropertyOptional({ description: 'required with `restrict`: why informing would endanger someone' })
  @ValidateIf((o: PersonExportQuery) => !!o.restrict?.length)
  @IsString({ message: 'restrictionReason is required with restrict' })
  @MinLength(10)
  @MaxLength(2000)
  restrictionReason?: string;
}
