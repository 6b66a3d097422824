import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { DATA_CATEGORIES, type DataCategory } from '@schakel/domain';

export class CreateProtocolDto {
  @ApiProperty() @IsString() @MinLength(3) @MaxLength(300)
  title: string;

  @ApiProperty({ description: 'judicial district whose prosecutor approves it' }) @IsString() @MinLength(2) @MaxLength(100)
  district: string;

  @ApiProperty() @IsString() @MinLength(10) @MaxLength(10000)
  purpose: string;

  @ApiProperty({ type: String, format: 'uuid', isArray: true, description: 'signatory agencies; yours is added if missing' })
  @IsArray() @ArrayMinSize(1) @ArrayUnique() @IsUUID('all', { each: true })
  agencyIds: string[];

  @ApiProperty({ enum: DATA_CATEGORIES, isArray: true })
  @IsArray() @ArrayMinSize(1) @ArrayUnique() @IsIn(DATA_CATEGORIES, { each: true, message: `dataCategories must each be one of ${DATA_CATEGORIES.join(', ')}` })
  dataCategories: DataCategory[];

  @ApiProperty({ minimum: 1, maximum: 600 }) @IsInt() @Min(1) @Max(600)
  retentionMonths: number;

  @ApiProperty({ example: '2026-01-01' }) @IsISO8601({ strict: true })
  validFrom: string;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2028-12-31' }) @IsOptional() @IsISO8601({ strict: true })
  validUntil?: string | null;
}
