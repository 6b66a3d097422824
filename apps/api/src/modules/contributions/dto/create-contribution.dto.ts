import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { CASEWORK_LIMITS as L } from '@schakel/contracts';
import { DATA_CATEGORIES, type DataCategory } from '@schakel/domain';

export class CreateContributionDto {
  @ApiProperty({ enum: DATA_CATEGORIES })
  @IsIn(DATA_CATEGORIES, { message: `category must be one of ${DATA_CATEGORIES.join(', ')}` })
  category: DataCategory;

  @ApiProperty({ description: 'what your agency knows (encrypted at rest; visible to your agency only until shared)' })
  @IsString()
  @MinLength(1)
  @MaxLength(L.contributionContentMax)
  content: string;
}
