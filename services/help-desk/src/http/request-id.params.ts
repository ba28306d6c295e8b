import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

/** The path of a route on one request (`/service-requests/{id}…`): its id, a version 4 UUID (else 400). */
export class RequestIdParams {
  @ApiProperty({ description: 'The request’s id (a version 4 UUID, as its submission answered)' })
  @IsUUID('4')
  id!: string;
}

/** The 404 of a route on one request: unknown, or (to a department's client) another department's. */
export const NO_SUCH_REQUEST =
  'No such request (to a department’s client, another department’s request is none)';
