import { ApiProperty, PartialType } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';
import { CreateProtocolDto } from './create-protocol.dto';

export class UpdateProtocolDto extends PartialType(CreateProtocolDto) {
  @ApiProperty({ description: 'the version read; a stale one gets 409 STALE_VERSION' }) @IsInt() @Min(1)
  version: number;
}
