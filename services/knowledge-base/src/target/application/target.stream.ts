import { streamIds } from '../../knowledge-base.context';
import { targetDecider } from '../domain/target.decider';

/** A target's stream and its decider. */
export const targetStream = (targetId: string) => ({
  id: targetId,
  streamId: streamIds.target(targetId),
  decider: targetDecider,
});
