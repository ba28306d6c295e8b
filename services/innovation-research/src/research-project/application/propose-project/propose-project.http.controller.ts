import { randomUUID } from 'node:crypto';
import { Body, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Answers, Operation, Refuses } from '@sfp/auth';
import type { CommandContext } from '@sfp/event-sourcing';
import { CreatingCommandRoute, ETAG_HEADER, HttpCommandContext } from '@sfp/service-kit';
import {
  DEFINITION_RULES,
  projectDefinitionOf,
  ResearchProjectDefinitionDto,
} from '../project-definition.dto';
import { ResearchCommandResultSchema } from '../research-project.answers';
import { ResearchProjectCommandController } from '../research-project.command-routes';
import { ResearchProjects, type ResearchCommandResult } from '../research-projects';

/** POST /projects: a research project put forward, in phase `proposed`. */
@ResearchProjectCommandController()
export class ProposeResearchProjectController {
  constructor(private readonly projects: ResearchProjects) {}

  @Post()
  @Operation(
    'proposeResearchProject',
    'Propose a research project: its question, hypotheses, innovation, partners, design, budget and team.',
  )
  @Answers(201, {
    description: 'Proposed: the new project’s id, version and the position of its event',
    schema: ResearchCommandResultSchema,
    headers: {
      Location: { description: 'The new project: /api/innovation-research/projects/{projectId}' },
      ...ETAG_HEADER,
    },
  })
  @Refuses({ 400: DEFINITION_RULES })
  @CreatingCommandRoute()
  async propose(
    @Body() dto: ResearchProjectDefinitionDto,
    @HttpCommandContext({ ifMatch: false }) context: CommandContext,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ResearchCommandResult> {
    const projectId = randomUUID();
    const project = projectDefinitionOf(dto);
    const result = await this.projects.run(
      projectId,
      // The partners as the knowledge base has published them when the proposal is decided.
      async () => ({
        type: 'ProposeProject',
        projectId,
        project,
        unknownPartners: await this.projects.unknownPartners(project.partnerInstitutionIds),
      }),
      context,
    );
    res.setHeader('Location', `${req.baseUrl}${req.path}/${projectId}`.replace(/\/+/g, '/'));
    return result;
  }
}
