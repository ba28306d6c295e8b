import {
  DECENT_WORK_DEFICITS,
  FINDING_VERDICTS,
  INNOVATION_KINDS,
  LIBRARY_THEMES,
  OUTCOMES,
  RESEARCH_DESIGNS,
  RESEARCH_PROJECT_STATUSES,
  type DecentWorkDeficit,
  type FindingVerdict,
  type InnovationKind,
  type LibraryTheme,
  type Outcome,
  type ResearchDesignMethod,
  type ResearchProjectStatus,
} from '@sfp/contracts';
import { OptionalText } from '@sfp/service-kit/body-fields';
import {
  CountryFilter,
  DateBound,
  OneOrMoreOf,
  OptionalOneOf,
  PagedQueryDto,
} from '@sfp/service-kit/query-fields';

const Words = (description: string) => OptionalText(1, 200, { description, example: 'insurance' });
const ProjectIdFilter = () => OptionalText(1, 100, { description: 'Of this project only' });

/** GET /projects: filters and page of the portfolio list (sorted by title). */
export class ResearchProjectListQueryDto extends PagedQueryDto {
  @OneOrMoreOf(RESEARCH_PROJECT_STATUSES, 'One or more, comma-separated')
  status?: ResearchProjectStatus[];

  @OptionalOneOf(LIBRARY_THEMES, { description: 'Projects with this theme' })
  theme?: LibraryTheme;

  @OptionalOneOf(DECENT_WORK_DEFICITS, { description: 'Projects addressing this deficit' })
  deficit?: DecentWorkDeficit;

  @CountryFilter()
  country?: string;

  @OptionalOneOf(RESEARCH_DESIGNS, { description: 'Projects of this design' })
  design?: ResearchDesignMethod;

  @OptionalOneOf(INNOVATION_KINDS, { description: 'Projects studying this kind of innovation' })
  innovationKind?: InnovationKind;

  @Words('Words of the title, all of them')
  q?: string;
}

/** GET /milestones: the calendar between two planned dates. */
export class MilestoneCalendarQueryDto extends PagedQueryDto {
  @DateBound('Planned on or after this date')
  from?: string;

  @DateBound('Planned on or before this date')
  to?: string;

  @OptionalOneOf(['planned', 'done', 'slipping'], { description: 'Milestones in this state' })
  state?: 'planned' | 'done' | 'slipping';

  @ProjectIdFilter()
  projectId?: string;
}

/** GET /findings: the findings library (published findings only). */
export class FindingsLibraryQueryDto extends PagedQueryDto {
  @Words('Words of the project title, the hypothesis or its indicator, all of them')
  q?: string;

  @OptionalOneOf(FINDING_VERDICTS, { description: 'Findings with this verdict' })
  verdict?: FindingVerdict;

  @OptionalOneOf(OUTCOMES, { description: 'Findings on this outcome' })
  outcome?: Outcome;

  @OptionalOneOf(LIBRARY_THEMES, { description: 'Findings of projects with this theme' })
  theme?: LibraryTheme;

  @CountryFilter()
  country?: string;

  @ProjectIdFilter()
  projectId?: string;
}
