import { randomUUID } from 'node:crypto';
import { Body, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Answers, Operation, Refuses } from '@sfp/auth';
import type { CommandContext } from '@sfp/event-sourcing';
import { CreatingCommandRoute, HttpCommandContext } from '@sfp/service-kit';
import { ETAG_HEADER } from '@sfp/service-kit';
import { ProgrammeCommandResultSchema } from '../programme.answers';
import { ProgrammeCommandController } from '../programme.command-routes';
import { Programmes, type ProgrammeCommandResult } from '../programmes';
import { LaunchProgrammeDto, programmeScopeOf } from './launch-programme.request.dto';

/** POST /programmes: a capacity-building programme for an organisation, a country or a region. */
@ProgrammeCommandController()
export class LaunchProgrammeController {
  constructor(private readonly programmes: Programmes) {}

  @Post()
  @Operation(
    'launchProgramme',
    'Launch a capacity-building programme: a series of offerings for one constituent organisation, country or region, over a period.',
  )
  @Answers(201, {
    description: 'Launched: the new programme’s id, version and the position of its event',
    schema: ProgrammeCommandResultSchema,
    headers: {
      Location: { description: 'The new programme: /api/training/programmes/{programmeId}' },
      ...ETAG_HEADER,
    },
  })
  @Refuses({ 400: 'The programme ends before it starts (code RULE_VIOLATED)' })
  @CreatingCommandRoute()
  async launch(
    @Body() dto: LaunchProgrammeDto,
    @HttpCommandContext({ ifMatch: false }) context: CommandContext,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProgrammeCommandResult> {
    const programmeId = randomUUID();
    const result = await this.programmes.run(
      programmeId,
      {
        type: 'LaunchProgramme',
        programmeId,
        title: dto.title,
        scope: programmeScopeOf(dto.scope),
        startsOn: dto.startsOn,
        endsOn: dto.endsOn,
      },
      context,
    );
    res.setHeader('Location', `${req.baseUrl}${req.path}/${programmeId}`.replace(/\/+/g, '/'));
    return result;
  }
}
