import { streamIds } from '../../knowledge-base.context';
import { gniReferenceDecider } from '../domain/gni-reference.decider';

/** The GNI per capita table: one stream, one decider. */
export const gniReferenceStream = () => ({
  id: 'gni-per-capita',
  streamId: streamIds.gniReference(),
  decider: gniReferenceDecider,
});
