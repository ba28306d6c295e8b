import { Type, type Static } from '@sinclair/typebox';
import { type MutuallyAssignable } from '../../http/schema-helpers';
import type { ServiceRequestCommandResult } from './service-requests';

/** What every service request command answers (HTTP body; Kafka outcome). */
export const ServiceRequestCommandResultSchema = Type.Object(
  {
    requestId: Type.String({ format: 'uuid', description: 'The request’s id' }),
    streamVersion: Type.Integer({
      minimum: 1,
      description: 'The request’s version after the command: its new ETag',
    }),
    position: Type.Integer({
      minimum: 0,
      description:
        'Global position of the command’s last event (pass it as minPosition to read your writes); the current head when nothing changed',
    }),
    changed: Type.Boolean({
      description: 'Whether the command recorded anything (an idempotent repeat records nothing)',
    }),
  },
  { title: 'ServiceRequestCommandResult' },
);

// The schema describes the type the commands answer with, and nothing else.
const resultMatches: MutuallyAssignable<
  Static<typeof ServiceRequestCommandResultSchema>,
  ServiceRequestCommandResult
> = true;
void resultMatches;
