import { KnowledgeBaseCommand, type Untimed } from '../../../application/knowledge-base-command';
import type { RecordGniPerCapita } from '../../domain/gni-reference.decider';

/** Adds or replaces GNI per capita values; with `onlyIfEmpty` (the seed), nothing on a table with entries. */
export class RecordGniCommand extends KnowledgeBaseCommand<Untimed<RecordGniPerCapita>> {}
