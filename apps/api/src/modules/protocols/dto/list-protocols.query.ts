import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PROTOCOL_STATUSES, type ProtocolStatus } from '@schakel/domain';
import { ListQueryDto } from '../../../common/pagination/list-query.dto';

export class ListProtocolsQuery extends ListQueryDto {
  @ApiPropertyOptional({ enum: PROTOCOL_STATUSES })
  @IsOptional()
  @IsIn(PROTOCOL_STATUSES)
  status?: ProtocolStatus;
}
