import { Body, Inject, Param, ParseUUIDPipe, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse } from '@nestjs/swagger';
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
import { assertInScope, callerOf } from '../../http/request-principal';
import { historyOf, type HistoryEntry } from '../../http/stream-history';
import { streamIds } from '../../knowledge-base.context';
import { institutionDecider, type KnownInstitution } from '../domain/institution.decider';
import { InstitutionNotFoundError } from '../domain/institution.errors';
import {
  ChangeInstitutionStatusCommand,
  type StatusChange,
} from './change-institution-status/change-institution-status.command';
import { LinkInstitutionToProgrammeCommand } from './link-institution-to-programme/link-institution-to-programme.command';
import {
  LinkProgrammeDto,
  InstitutionStatusReasonDto,
  RegisterInstitutionDto,
} from './institution.request.dto';
import { RegisterInstitutionCommand } from './register-institution/register-institution.command';
import { registrationOf } from './register-institution/register-institution.mapping';

const uuid = new ParseUUIDPipe({ version: '4' });

/** Institutions and instruments: registration and lifecycle (registered → active → suspended → closed). */
@CommandsController('institutions', 'institutions')
export class InstitutionsController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(COMMANDS) private readonly commands: ContextCommands,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}

  @CreatesRecord({
    description: 'Registered; Location and ETag point at the new institution',
  })
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

  @CommandOnRecord(':id/activate', { ifMatch: 'The ETag you saw; a stale one is a 409' })
  @ApiConflictResponse({ description: 'Not allowed in the current status, or a stale If-Match' })
  activate(@Param('id', uuid) id: string, @CommandCall() call: HttpCall) {
    return this.changeStatus(call, id, { type: 'ActivateInstitution' });
  }

  @CommandOnRecord(':id/suspend')
  suspend(
    @Param('id', uuid) id: string,
    @Body() dto: InstitutionStatusReasonDto,
    @CommandCall() call: HttpCall,
  ) {
    return this.changeStatus(call, id, { type: 'SuspendInstitution', reason: dto.reason });
  }

  @CommandOnRecord(':id/reinstate')
  reinstate(@Param('id', uuid) id: string, @CommandCall() call: HttpCall) {
    return this.changeStatus(call, id, { type: 'ReinstateInstitution' });
  }

  @CommandOnRecord(':id/close')
  close(
    @Param('id', uuid) id: string,
    @Body() dto: InstitutionStatusReasonDto,
    @CommandCall() call: HttpCall,
  ) {
    return this.changeStatus(call, id, { type: 'CloseInstitution', reason: dto.reason });
  }

  @CommandOnRecord(':id/programmes')
  link(
    @Param('id', uuid) id: string,
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
  @RecordDetail(':id', { description: 'The institution and its history; ETag = its version' })
  async detail(
    @Param('id', uuid) id: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<KnownInstitution & { streamVersion: number; history: HistoryEntry[] }> {
    const { state, version } = await this.commands.load(
      streamIds.institution(id),
      institutionDecider,
    );
    if (state.status === 'none') throw new InstitutionNotFoundError(id);
    assertInScope(callerOf(req), state.reportingDepartment);
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
