// Innovation research as the platform host and the standalone main see it.
export { innovationResearchService } from './innovation-research.service';
export {
  INNOVATION_RESEARCH_CONTEXT,
  INNOVATION_RESEARCH_ERROR_STATUSES,
  innovationResearchEventTypes,
  researchProjectStreamId,
  partnerInstitutionStreamId,
} from './innovation-research.context';
