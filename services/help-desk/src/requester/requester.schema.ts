import { Type, type Static } from '@sinclair/typebox';
import { REQUEST_STATUSES } from '@sfp/contracts';
import { IsoDateTime, StringEnum, type MutuallyAssignable } from '../http/schema-helpers';
import type { RequesterView } from './requester.view';

/** GET /requester/{token}: the request as its requester reads it. */
export const RequesterViewSchema = Type.Object(
  {
    requestId: Type.String({ format: 'uuid' }),
    title: Type.String(),
    status: StringEnum(REQUEST_STATUSES),
    submittedAt: IsoDateTime(),
    resolvedAt: Type.Optional(IsoDateTime()),
    thread: Type.Array(
      Type.Object({
        kind: StringEnum(['request', 'reply', 'resolution'] as const),
        from: StringEnum(['requester', 'help-desk'] as const),
        text: Type.String(),
        at: IsoDateTime(),
      }),
      {
        description:
          'The request, the public replies both ways and the resolution, oldest first (no internal notes)',
      },
    ),
    canReply: Type.Boolean({
      description: 'Replies are taken while the request is open or resolved',
    }),
    canRate: Type.Boolean({
      description: 'Resolved and not rated yet: the satisfaction question is asked',
    }),
    satisfaction: Type.Optional(
      Type.Object({
        rating: Type.Integer({ minimum: 1, maximum: 5 }),
        comment: Type.Optional(Type.String()),
        ratedAt: IsoDateTime(),
      }),
    ),
    linkExpiresAt: IsoDateTime(),
  },
  { title: 'RequesterView' },
);

const viewMatches: MutuallyAssignable<Static<typeof RequesterViewSchema>, RequesterView> = true;
void viewMatches;
