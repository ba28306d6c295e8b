import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

/** The path of a route on one research project (`/projects/{id}…`): its id, a version 4 UUID (else 400). */
export class ResearchProjectIdParams {
  @ApiProperty({ description: 'The project’s id (a version 4 UUID, as its proposal answered)' })
  @IsUUID('4')
  id!: string;
}

/** The path of a route on one milestone of a project (`/projects/{id}/milestones/{milestoneId}…`). */
export class ResearchMilestoneParams extends ResearchProjectIdParams {
  @ApiProperty({ description: 'The milestone’s id (as its planning answered)' })
  @IsUUID('4')
  milestoneId!: string;
}

export const NO_SUCH_RESEARCH_PROJECT =
  'No such research project (code RESEARCH_PROJECT_NOT_FOUND)';
