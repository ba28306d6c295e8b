import { applyDecorators, Controller, ParseUUIDPipe } from '@nestjs/common';
import { ApiBadRequestResponse, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@sfp/auth';

/** The id of a request in a route (a version 4 UUID, else 400). */
export const REQUEST_ID = new ParseUUIDPipe({ version: '4' });

/**
 * A controller of service request commands, at /service-requests: operators
 * and departments with `records:write`; each answers with the new version
 * (ETag) and the position of its last event.
 */
export function ServiceRequestCommandController(): ClassDecorator {
  return applyDecorators(
    ApiTags('help-desk: service requests'),
    ApiBadRequestResponse({ description: 'Invalid input, with a message per field' }),
    RequirePermission('records:write'),
    Controller('service-requests'),
  );
}
