import { Type, type Static } from '@sinclair/typebox';
import {
  CANCELLED_BY,
  CONSTITUENT_GROUPS,
  GLOBAL_INITIATIVES,
  ORIGINS,
  PRIORITIES,
  REFERRAL_TARGETS,
  REGIONS,
  REQUEST_KINDS,
  REQUEST_STATUSES,
  THEMES,
  type HistoryEntry,
} from '@sfp/contracts';
import { EscalationSchema } from '../../../escalation/escalation.schema';
import { IsoDateTime, StringEnum, type MutuallyAssignable } from '../../../http/schema-helpers';
import type { RequestDetail } from './request-detail.view';

const ERASABLE = 'Personal data: reads "[erased]" once the person’s data was erased';

/** Who asked, as filed. */
export const RequesterSchema = Type.Object(
  {
    personId: Type.String({ description: 'Pseudonymous id of the person' }),
    name: Type.String({ description: ERASABLE }),
    email: Type.String({ description: `The person’s e-mail address. ${ERASABLE}` }),
    origin: StringEnum(ORIGINS),
    organisation: Type.String({
      description: 'The unit, department, office or constituent organisation the person speaks for',
    }),
    constituentGroup: Type.Optional(StringEnum(CONSTITUENT_GROUPS)),
  },
  { title: 'ServiceRequestRequester' },
);

/** Who caused an event. */
export const ActorSchema = Type.Object(
  {
    kind: StringEnum(['person', 'integration-client', 'system'] as const),
    id: Type.String(),
    department: Type.Optional(
      Type.String({ description: 'The department or office the actor acts for, when known' }),
    ),
  },
  { title: 'HelpDeskActor' },
);

/** One event of the request's stream: who did what, when. */
export const HistoryEntrySchema = Type.Object(
  {
    streamVersion: Type.Integer({ minimum: 1 }),
    position: Type.Integer({ minimum: 0 }),
    event: Type.String({
      description: 'The event name without its context, e.g. ServiceRequestTriaged',
    }),
    occurredAt: IsoDateTime(),
    recordedAt: IsoDateTime(),
    actor: ActorSchema,
    correlationId: Type.String(),
    data: Type.Unknown({ description: 'The event’s data, as recorded' }),
  },
  { title: 'HelpDeskHistoryEntry' },
);

/**
 * GET /service-requests/{id}: the request as filed, where it stands, its
 * comments and its whole history. The answer of `buildRequestDetail`.
 */
export const RequestDetailSchema = Type.Object(
  {
    requestId: Type.String({ format: 'uuid' }),
    streamVersion: Type.Integer({ minimum: 1, description: 'The request’s version: its ETag' }),
    status: StringEnum(REQUEST_STATUSES),
    title: Type.String(),
    description: Type.String(),
    kind: StringEnum(REQUEST_KINDS),
    globalInitiative: Type.Optional(
      StringEnum(GLOBAL_INITIATIVES, {
        description: 'Only for a global-initiative-coordination request',
      }),
    ),
    themes: Type.Array(StringEnum(THEMES)),
    region: StringEnum(REGIONS),
    country: Type.String({ description: 'ISO 3166-1 alpha-2' }),
    priority: StringEnum(PRIORITIES),
    requester: RequesterSchema,
    department: Type.Optional(
      Type.String({ description: 'The department whose person or system filed the request' }),
    ),
    submittedAt: IsoDateTime(),
    dueAt: IsoDateTime('When the SLA expects it resolved'),
    slaBreached: Type.Boolean(),
    escalation: Type.Optional(EscalationSchema),
    assignee: Type.Optional(Type.String()),
    firstResponseAt: Type.Optional(IsoDateTime('The first triage')),
    referral: Type.Optional(
      Type.Object({
        target: StringEnum(REFERRAL_TARGETS),
        referredTo: Type.String(),
        reason: Type.String(),
        referredAt: IsoDateTime(),
      }),
    ),
    resolution: Type.Optional(
      Type.Object({
        answer: Type.String(),
        outputs: Type.Array(Type.String()),
        resolvedAt: IsoDateTime(),
        resolvedBy: Type.String(),
      }),
    ),
    closedAt: Type.Optional(IsoDateTime()),
    cancellation: Type.Optional(
      Type.Object({
        cancelledBy: StringEnum(CANCELLED_BY),
        reason: Type.String(),
        cancelledAt: IsoDateTime(),
      }),
    ),
    comments: Type.Array(
      Type.Object({
        commentId: Type.String(),
        text: Type.String(),
        author: Type.String(),
        commentedAt: IsoDateTime(),
        visibility: Type.Optional(
          StringEnum(['public', 'internal'] as const, {
            description:
              'public: a reply the requester reads (and is mailed); internal: a note for staff only',
          }),
        ),
        fromRequester: Type.Optional(
          Type.Boolean({ description: 'The requester’s own reply, through their signed link' }),
        ),
      }),
    ),
    satisfaction: Type.Optional(
      Type.Object(
        {
          rating: Type.Integer({ minimum: 1, maximum: 5 }),
          comment: Type.Optional(Type.String()),
          ratedAt: IsoDateTime(),
        },
        { description: 'The requester’s satisfaction (CSAT) after resolution, once answered' },
      ),
    ),
    history: Type.Array(HistoryEntrySchema, { description: 'Every event, oldest first' }),
  },
  { title: 'ServiceRequestDetail' },
);

// The schema describes the type the view builds, and nothing else.
const detailMatches: MutuallyAssignable<Static<typeof RequestDetailSchema>, RequestDetail> = true;
const historyMatches: MutuallyAssignable<Static<typeof HistoryEntrySchema>, HistoryEntry> = true;
void detailMatches;
void historyMatches;
