import { Controller, Get, NotFoundException, Query } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { Type } from '@sinclair/typebox';
import { Answers, Operation, Refuses, RequirePermission } from '@sfp/auth';
import { THEMES, type AssigneeCandidate } from '@sfp/contracts';
import { OptionalOneOf } from '@sfp/service-kit/body-fields';
import { IsOptional, IsUUID } from 'class-validator';
import { Assignees } from './assignees';

export class AssigneesQueryDto {
  @OptionalOneOf(THEMES, {
    description: 'Only the users of this theme’s team (HELP_DESK_THEME_TEAMS)',
  })
  theme?: string;

  @ApiProperty({
    required: false,
    description: 'Only the users who may handle this request (the teams of all its themes)',
  })
  @IsOptional()
  @IsUUID('4')
  requestId?: string;
}

const AssigneeCandidateSchema = Type.Object(
  {
    username: Type.String(),
    displayName: Type.String(),
    team: Type.Optional(Type.String({ description: 'The user’s team (their department)' })),
    openRequests: Type.Integer({ minimum: 0, description: 'Open requests assigned to them now' }),
  },
  { title: 'AssigneeCandidate' },
);

@ApiTags('help-desk: service requests')
@Controller('assignees')
export class AssigneesController {
  constructor(private readonly assignees: Assignees) {}

  @Get()
  @RequirePermission('records:read')
  @Operation(
    'listHelpDeskAssignees',
    'The platform users who may handle a request, with their workload.',
    'Active users with a help-desk role (operator, administrator), of the team of the theme or of the request’s themes when one is set; the least loaded first.',
  )
  @Answers(200, {
    description: 'The eligible users, each with their open requests',
    schema: Type.Array(AssigneeCandidateSchema),
  })
  @Refuses({ 404: 'No such request' })
  async list(@Query() query: AssigneesQueryDto): Promise<AssigneeCandidate[]> {
    const themes = query.requestId
      ? await this.assignees.themesOf(query.requestId)
      : query.theme
        ? [query.theme]
        : [];
    if (!themes) throw new NotFoundException('No such request');
    return this.assignees.candidates(themes);
  }
}
