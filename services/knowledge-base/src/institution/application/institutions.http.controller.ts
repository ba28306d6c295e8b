import { applyDecorators, Body, Inject, Param, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { INSTITUTION_COMMAND_ALLOWED_FROM, type InstitutionCommandType } from '@sfp/contracts';
import { Answers, Operation, Refuses } from '@sfp/service-kit';
import {
  CommandsController,
  CommandOnRecord,
  CreatesRecord,
  RecordDetail,
} from '../../shared/http/routes';
import type { Request, Response } from 'express';
import type { EventStore } from '@sfp/event-sourcing';
import { COMMANDS, EVENT_STORE, etagOf, type ContextCommands } from '@sfp/service-kit';
import type { CommandResult } from '../../application/knowledge-base-command';
import { CommandCall, dispatch, dispatchCreate, type HttpCall } from '../../http/command-dispatch';
import { assertVisible, callerOf } from '../../http/request-principal';
import { historyOf } from '../../http/stream-history';
import { CommandResultSchema } from '../../shared/http/command-answers.schema';
import { ETAG_HEADER } from '../../shared/http/schema-helpers';
import { streamIds } from '../../knowledge-base.context';
import { institutionDecider } from '../domain/institution.decider';
import { InstitutionNotFoundError } from '../domain/institution.errors';
import {
  ChangeInstitutionStatusCommand,
  type StatusChange,
} from './change-institution-status/change-institution-status.command';
import { LinkInstitutionToProgrammeCommand } from './link-institution-to-programme/link-institution-to-programme.command';
import { InstitutionDetailSchema, type InstitutionDetail } from './institution-detail.schema';
import {
  InstitutionIdParams,
  LinkProgrammeDto,
  InstitutionStatusReasonDto,
  RegisterInstitutionDto,
} from './institution.request.dto';
import { RegisterInstitutionCommand } from './register-institution/register-institution.command';
import { registrationOf } from './register-institution/register-institution.mapping';

const NOT_FOUND =
  'No institution with this id; for an integration client, also one of another department, answered as an unknown id';
const DONE = 'Done (changed: false when it was already so); ETag = the institution’s new version';

/** A command's 409: the statuses it is allowed from (the contracts' table), or a stale If-Match. */
function conflictOf(command: InstitutionCommandType): string {
  return (
    `Not allowed in the institution's status (ILLEGAL_TRANSITION: only when ` +
    `${INSTITUTION_COMMAND_ALLOWED_FROM[command].join(' or ')}), ` +
    'or If-Match is not its current version (WRONG_EXPECTED_VERSION)'
  );
}

/** The answer of a command on an institution, and its refusals. */
function InstitutionCommand(command: InstitutionCommandType): MethodDecorator {
  return applyDecorators(
    Answers(200, { description: DONE, schema: CommandResultSchema, headers: ETAG_HEADER }),
    Refuses({ 404: NOT_FOUND, 409: conflictOf(command) }),
  );
}

/** Institutions and instruments: registration and lifecycle (registered → active → suspended → closed). */
@CommandsController('institutions', 'institutions')
export class InstitutionsController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(COMMANDS) private readonly commands: ContextCommands,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}

  @Operation('registerInstitution', 'Register an institution or instrument (status: registered).')
  @Answers(201, {
    description: 'Registered',
    schema: CommandResultSchema,
    headers: {
      Location: { description: 'The new institution: /api/knowledge-base/institutions/{id}' },
      ...ETAG_HEADER,
    },
  })
  @CreatesRecord()
  register(
    @Body() dto: RegisterInstitutionDto,
    @CommandCall({ ifMatch: false }) call: HttpCall,
  ): Promise<CommandResult> {
    return dispatchCreate(
      this.commandBus,
      call,
      (institutionId, context) =>
        new RegisterInstitutionCommand(registrationOf(institutionId, dto), context),
    );
  }

  @Operation('activateInstitution', 'Activate a registered institution.')
  @InstitutionCommand('ActivateInstitution')
  @CommandOnRecord(':id/activate', { ifMatch: 'The ETag you saw; a stale one is a 409' })
  activate(@Param() { id }: InstitutionIdParams, @CommandCall() call: HttpCall) {
    return this.changeStatus(call, id, { type: 'ActivateInstitution' });
  }

  @Operation('suspendInstitution', 'Suspend an active institution, with the reason.')
  @InstitutionCommand('SuspendInstitution')
  @CommandOnRecord(':id/suspend')
  suspend(
    @Param() { id }: InstitutionIdParams,
    @Body() dto: InstitutionStatusReasonDto,
    @CommandCall() call: HttpCall,
  ) {
    return this.changeStatus(call, id, { type: 'SuspendInstitution', reason: dto.reason });
  }

  @Operation('reinstateInstitution', 'Reinstate a suspended institution (active again).')
  @InstitutionCommand('ReinstateInstitution')
  @CommandOnRecord(':id/reinstate')
  reinstate(@Param() { id }: InstitutionIdParams, @CommandCall() call: HttpCall) {
    return this.changeStatus(call, id, { type: 'ReinstateInstitution' });
  }

  @Operation(
    'closeInstitution',
    'Close an institution (from any status but closed), with the reason.',
  )
  @InstitutionCommand('CloseInstitution')
  @CommandOnRecord(':id/close')
  close(
    @Param() { id }: InstitutionIdParams,
    @Body() dto: InstitutionStatusReasonDto,
    @CommandCall() call: HttpCall,
  ) {
    return this.changeStatus(call, id, { type: 'CloseInstitution', reason: dto.reason });
  }

  @Operation(
    'linkInstitutionToProgramme',
    'Add a programme the institution takes part in (nothing changes when it already does).',
  )
  @InstitutionCommand('LinkInstitutionToProgramme')
  @CommandOnRecord(':id/programmes')
  link(
    @Param() { id }: InstitutionIdParams,
    @Body() dto: LinkProgrammeDto,
    @CommandCall() call: HttpCall,
  ) {
    return dispatch(
      this.commandBus,
      call,
      (context) =>
        new LinkInstitutionToProgrammeCommand(
          { institutionId: id, programme: dto.programme },
          context,
        ),
    );
  }

  /** Read from the institution's own stream: always current, with its whole history. */
  @Operation('getInstitution', 'An institution as its own stream says, with its whole history.')
  @Answers(200, {
    description: 'The institution and its history',
    schema: InstitutionDetailSchema,
    headers: ETAG_HEADER,
  })
  @Refuses({ 404: NOT_FOUND })
  @RecordDetail(':id')
  async detail(
    @Param() { id }: InstitutionIdParams,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<InstitutionDetail> {
    const { state, version } = await this.commands.load(
      streamIds.institution(id),
      institutionDecider,
    );
    if (state.status === 'none') throw new InstitutionNotFoundError(id);
    assertVisible(callerOf(req), state.reportingDepartment, () => new InstitutionNotFoundError(id));
    res.setHeader('ETag', etagOf(version));
    const history = historyOf(await this.events.readStream(streamIds.institution(id)));
    return { ...state, streamVersion: version, history };
  }

  private changeStatus(
    call: HttpCall,
    institutionId: string,
    change: StatusChange,
  ): Promise<CommandResult> {
    return dispatch(
      this.commandBus,
      call,
      (context) => new ChangeInstitutionStatusCommand({ institutionId, change }, context),
    );
  }
}
