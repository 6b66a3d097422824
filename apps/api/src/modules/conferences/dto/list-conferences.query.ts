import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ListQueryDto } from '../../../common/pagination/list-query.dto';
import { CONFERENCE_STATUSES, type ConferenceStatus } from '../entities/conference.entity';

export class ListConferencesQuery extends ListQueryDto {
  @ApiPropertyOptional({ enum: CONFERENCE_STATUSES })
  @IsOptional()
  @IsIn(CONFERENCE_STATUSES, { message: `status must be one of ${CONFERENCE_STATUSES.join(', ')}` })
  status?: ConferenceStatus;
}
