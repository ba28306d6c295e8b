import { Type } from '@sinclair/typebox';
import { ESCALATION_REASONS } from '@sfp/contracts';
import { IsoDateTime, StringEnum } from '../http/schema-helpers';

/** The latest escalation of a request to its team lead (GET /service-requests/{id}). */
export const EscalationSchema = Type.Object(
  {
    reason: StringEnum(ESCALATION_REASONS, {
      description:
        'approaching: the share of the SLA set by HELP_DESK_SLA_WARNING_SHARE is used; breached: past due',
    }),
    teamLead: Type.String({ description: 'Username of the team lead it escalated to' }),
    team: Type.Optional(Type.String({ description: 'The team of the request’s themes' })),
    dueAt: IsoDateTime('The due date it escalated against'),
    escalatedAt: IsoDateTime(),
  },
  { description: 'The latest escalation in the current SLA span (a reopening clears it)' },
);
