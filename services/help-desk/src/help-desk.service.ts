import { CONTEXT_SETTINGS, defineService } from '@sfp/service-kit';
import {
  HELP_DESK_CONTEXT,
  HELP_DESK_ERROR_STATUSES,
  helpDeskEventTypes,
} from './help-desk.context';
import { HELP_DESK_TEAMS, helpDeskTeamsOf } from './escalation/help-desk-teams';
import { ATTACHMENT_CONTROLLERS, ATTACHMENT_PROVIDERS } from './attachments/attachments.parts';
import { HelpDeskSettings, SLA_POLICY, slaPolicyFromEnv } from './help-desk.settings';
import {
  NOTIFICATION_CONTROLLERS,
  NOTIFICATION_PROJECTIONS,
  NOTIFICATION_REACTORS,
  NOTIFICATION_WORKERS,
} from './notifications/notifications.parts';
import { PersonalDataErasureController } from './personal-data/personal-data-erasure.http.controller';
import { SlaChecks } from './service-request/application/check-sla/sla-checks.worker';
import { HelpDeskInboundCommands } from './service-request/application/service-request.inbound-commands';
import { requestCommandController } from './service-request/application/service-request.command-routes';
import { ServiceRequests } from './service-request/application/service-requests';
import { Assignees } from './service-request/application/assign-request/assignees';
import { AssigneesController } from './service-request/application/assign-request/assignees.http.controller';
import { Macros } from './macros/application/macros';
import {
  ApplyMacroController,
  MacrosController,
} from './macros/application/macros.http.controller';
import { assignRequest } from './service-request/application/assign-request/assign-request.use-case';
import { cancelRequest } from './service-request/application/cancel-request/cancel-request.use-case';
import { closeRequest } from './service-request/application/close-request/close-request.use-case';
import { commentOnRequest } from './service-request/application/comment-on-request/comment-on-request.use-case';
import { referRequest } from './service-request/application/refer-request/refer-request.use-case';
import { reopenRequest } from './service-request/application/reopen-request/reopen-request.use-case';
import { resolveRequest } from './service-request/application/resolve-request/resolve-request.use-case';
import { startWork } from './service-request/application/start-work/start-work.use-case';
import { triageRequest } from './service-request/application/triage-request/triage-request.use-case';
import { SubmitRequestController } from './service-request/application/submit-request/submit-request.http.controller';
import { RequestDetailController } from './service-request/projections/request-detail/request-detail.http.controller';
import { requestsProjection } from './service-request/projections/requests/requests.projection';
import { RequestsQueryController } from './service-request/projections/requests/requests.http.controller';

/** The commands on an existing request, one use case each (its folder: DTO, mapping, message). */
const REQUEST_COMMANDS = [
  triageRequest,
  assignRequest,
  startWork,
  referRequest,
  resolveRequest,
  closeRequest,
  reopenRequest,
  cancelRequest,
  commentOnRequest,
];

/** One controller per command of a service request: filing it, then each use case's route. */
export const SERVICE_REQUEST_COMMAND_CONTROLLERS = [
  SubmitRequestController,
  ...REQUEST_COMMANDS.map((useCase) => requestCommandController(useCase)),
];

/**
 * The help desk: service requests from units, departments, regional offices
 * and constituents, with SLAs, over HTTP (/api/help-desk) and by message
 * (sfp.help-desk.commands). The template a new context copies: its
 * declaration, its deciders and its use cases; the hosts do the rest.
 */
export const helpDeskService = defineService({
  context: HELP_DESK_CONTEXT,
  title: 'SFP Help Desk',
  description:
    'The help desk service on its own: service requests from units, departments, regional offices and constituents. ' +
    'Departments can also file and follow requests by message on sfp.help-desk.commands.',
  defaultPort: 3001,
  personalData: true,
  eventTypes: helpDeskEventTypes,
  errorStatuses: HELP_DESK_ERROR_STATUSES,
  settings: HelpDeskSettings,
  controllers: [
    ...SERVICE_REQUEST_COMMAND_CONTROLLERS,
    RequestsQueryController,
    RequestDetailController,
    AssigneesController,
    MacrosController,
    ApplyMacroController,
    PersonalDataErasureController,
    ...ATTACHMENT_CONTROLLERS,
    ...NOTIFICATION_CONTROLLERS,
  ],
  providers: [
    ...ATTACHMENT_PROVIDERS,
    ServiceRequests,
    Assignees,
    Macros,
    { provide: SLA_POLICY, useFactory: slaPolicyFromEnv, inject: [CONTEXT_SETTINGS] },
    { provide: HELP_DESK_TEAMS, useFactory: helpDeskTeamsOf, inject: [CONTEXT_SETTINGS] },
  ],
  projections: [requestsProjection, ...NOTIFICATION_PROJECTIONS],
  reactors: NOTIFICATION_REACTORS,
  inboundCommands: HelpDeskInboundCommands,
  workers: [SlaChecks, ...NOTIFICATION_WORKERS],
});
