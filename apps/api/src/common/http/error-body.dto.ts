import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

class ErrorDetail {
  @ApiProperty({ example: 'persons.0.lastName' }) field: string;
  @ApiProperty({ example: 'lastName must be longer than or equal to 1 characters' }) message: string;
}

/** The api.md error body, for the OpenAPI document. */
export class ErrorBodyDto {
  @ApiProperty({ example: 400 }) statusCode: number;
  @ApiProperty({ example: 'Bad Request' }) error: string;
  @ApiProperty() message: string;
  @ApiPropertyOptional({ description: 'machine-readable reason of a 409/422 (api.md "Error codes")', example: 'TRANSITION_NOT_ALLOWED' }) code?: string;
  @ApiPropertyOptional({ type: [ErrorDetail], description: 'one entry per offending field of a 400' }) details?: ErrorDetail[];
}
