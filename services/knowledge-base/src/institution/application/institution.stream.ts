import { streamIds } from '../../knowledge-base.context';
import { institutionDecider } from '../domain/institution.decider';

/** An institution's stream and its decider. */
export const institutionStream = (institutionId: string) => ({
  id: institutionId,
  streamId: streamIds.institution(institutionId),
  decider: institutionDecider,
});
