import { ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsInt, IsOptional, Min } from 'class-validator';
import { CreateProtocolDto } from './create-protocol.dto';

export class UpdateProtocolDto extends PartialType(CreateProtocolDto) {
  @ApiPropertyOptional({
    description: 'the version read; a stale one gets 409 STALE_VERSION (recommended; without it the change applies to the current version)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}
