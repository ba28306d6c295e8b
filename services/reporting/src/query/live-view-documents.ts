import type { ProjectionEngine } from '@sfp/projections';
import type { Condition } from './domain/analyst-query';
import { matchesConditions } from './domain/analyst-query.evaluation';
import type { ReportingView, Row } from '../registry/reporting-view';
import { QueryTimeoutError, QueryTooBroadError } from './query.errors';
import { storeFilterOf } from './store-filter';

const PAGE = 1_000;

/**
 * Reads the documents of a view as it serves now: the conditions on indexed
 * fields go to the store, the rest are checked here. Bounded: past
 * `maxScannedRows` documents or the deadline it stops with a clear error.
 */
export async function liveViewDocuments<TDoc extends object>(
  engine: Pick<ProjectionEngine, 'readModel'>,
  view: ReportingView<TDoc>,
  conditions: readonly Condition[],
  bounds: { maxScannedRows: number; deadline: number; timeoutMs: number },
): Promise<Row[]> {
  const model = engine.readModel<Row>(view.projection.name);
  const filter = storeFilterOf(view.fields, conditions);
  const rows: Row[] = [];
  let scanned = 0;
  let cursor: string | undefined;
  do {
    if (Date.now() > bounds.deadline) throw new QueryTimeoutError(view.name, bounds.timeoutMs);
    const page = await model.find({ filter, limit: PAGE, ...(cursor ? { cursor } : {}) });
    scanned += page.items.length;
    if (scanned > bounds.maxScannedRows)
      throw new QueryTooBroadError(view.name, bounds.maxScannedRows);
    for (const item of page.items)
      if (matchesConditions(item.data, conditions)) rows.push(item.data);
    cursor = page.nextCursor;
  } while (cursor);
  return rows;
}
