import type { Condition } from '../query/domain/analyst-query';
import type { FocalPointFunctionId } from '../report/domain/focal-point-functions';
import type { ComputedSection } from '../report/domain/progress-report';
import type { ReportPeriod } from '../report/domain/report-period';
import type { ReportingView, Row } from './reporting-view';

export interface ShapeProblem {
  field: string;
  messages: string[];
}

/** Reads the documents of a view (live, or as of an instant), narrowed by conditions on declared fields. */
export type ViewDocuments = (view: string, conditions: readonly Condition[]) => Promise<Row[]>;

/**
 * Reads, from `documents`, the documents of a view whose timestamp `field` is
 * before `instant`, as the view's document type.
 */
export function documentsBefore(documents: ViewDocuments, instant: string) {
  return async <TDoc extends object>(view: string, field: string): Promise<TDoc[]> =>
    (await documents(view, [{ field, op: 'lt', value: instant }])) as unknown as TDoc[];
}

export interface ReportSectionSource {
  function: FocalPointFunctionId;
  compute(period: ReportPeriod, documents: ViewDocuments): Promise<ComputedSection>;
}

/**
 * What one context contributes to reporting: how its public events are
 * checked, the views built from them, and the report sections computed from
 * those views. A new context plugs in by adding its plugin to the list given
 * to the runtime; no other plugin changes.
 */
export interface ReportingPlugin {
  /** The context whose public events (sfp.<context>.events) this plugin reads. */
  context: string;
  /** Problems of a consumed event's payload ([] when usable); a problem dead-letters the message. */
  shapeProblems(type: string, data: unknown): ShapeProblem[];
  views: ReadonlyArray<ReportingView<any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
  sections: readonly ReportSectionSource[];
}
