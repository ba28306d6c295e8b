import { offeringCommand } from '../offering.command-routes';
import { RecordTestScoresDto } from './record-test-scores.request.dto';

/** Pre- and post-test scores of one enrolment (again: replaces them). POST /offerings/:id/scores */
export const recordTestScores = offeringCommand({
  path: 'scores',
  commandType: 'RecordTestScores',
  summary: 'Record the pre- and post-test scores of one enrolled participant, in per cent.',
  done: 'Scores recorded',
  dto: RecordTestScoresDto,
  alsoNotFound: 'no such enrolment in it (code ENROLMENT_NOT_FOUND)',
  command: (dto) => ({
    type: 'RecordTestScores',
    enrolmentId: dto.enrolmentId,
    ...(dto.preTest !== undefined ? { preTest: dto.preTest } : {}),
    ...(dto.postTest !== undefined ? { postTest: dto.postTest } : {}),
  }),
});
