import type { EventStore } from '@sfp/event-sourcing';
import type { ProjectionEngine } from '@sfp/projections';
import { AsOfReplayer } from '../as-of/as-of.replayer';
import type { ReportingRegistry } from '../registry/reporting-registry';
import type { ViewDocuments } from '../registry/reporting-plugin';
import type { ReportingView, Row } from '../registry/reporting-view';
import { previousReportPeriod } from '../report/domain/previous-period';
import {
  assembleProgressReport,
  type ComputedSection,
  type ProgressReport,
} from '../report/domain/progress-report';
import { parseReportPeriod } from '../report/domain/report-period';
import { ProgressReportJournal } from '../report/progress-report.journal';
import { REPORT_LABELS } from '../report/report-labels';
import type { QueryBounds } from '../reporting.runtime';
import type { Condition, QueryResult } from './domain/analyst-query';
import { evaluateAnalystQuery, matchesConditions } from './domain/analyst-query.evaluation';
import {
  InvalidAnalystQueryError,
  isoInstant,
  validateAnalystQuery,
} from './domain/analyst-query.validation';
import { liveViewDocuments } from './live-view-documents';
import { QueryTooBroadError, UnknownViewError } from './query.errors';

export interface ViewQueryAnswer extends QueryResult {
  view: string;
  /** The instant the view was computed as of, when asked. */
  asOf?: string;
}

/**
 * The read side of reporting: analyst queries and the progress report, over
 * the views as they serve now or replayed as of an instant. Every request
 * runs under the bounds (documents read, time).
 */
export class ReportingReader {
  private readonly replayer: AsOfReplayer;
  /** The narratives and submitted versions of the progress reports (reporting's own events). */
  readonly journal: ProgressReportJournal;

  constructor(
    private readonly engine: Pick<ProjectionEngine, 'readModel'>,
    log: EventStore,
    private readonly registry: ReportingRegistry,
    private readonly bounds: QueryBounds,
    private readonly clock: () => Date,
  ) {
    this.replayer = new AsOfReplayer(log, bounds.asOfCacheEntries);
    this.journal = new ProgressReportJournal(log, clock);
  }

  catalogue(): ReportingView[] {
    return this.registry.views;
  }

  view(name: string): ReportingView {
    const view = this.registry.view(name);
    if (!view)
      throw new UnknownViewError(
        name,
        this.registry.views.map((v) => v.name),
      );
    return view;
  }

  async query(viewName: string, input: unknown): Promise<ViewQueryAnswer> {
    const view = this.view(viewName);
    const query = validateAnalystQuery(view.name, view.fields, input, this.clock());
    const docs = await this.documents(query.asOf)(view.name, query.conditions);
    return {
      view: view.name,
      ...(query.asOf ? { asOf: query.asOf } : {}),
      ...evaluateAnalystQuery(docs, query),
    };
  }

  /**
   * The progress report of a period (as of an instant, when asked): every
   * context's sections computed for the period and for the previous period
   * of the same kind, with the narratives as they stood.
   */
  async progressReport(periodText: string, asOfText?: string): Promise<ProgressReport> {
    const period = parseReportPeriod(periodText);
    const previousPeriod = previousReportPeriod(period);
    const asOf = asOfText === undefined ? undefined : this.asOfInstant(asOfText);
    const documents = this.documents(asOf);
    const sections: ComputedSection[] = [];
    const previousSections: ComputedSection[] = [];
    for (const plugin of this.registry.plugins) {
      for (const section of plugin.sections) {
        sections.push(await section.compute(period, documents));
        previousSections.push(await section.compute(previousPeriod, documents));
      }
    }
    return assembleProgressReport({
      period,
      previousPeriod,
      generatedAt: this.clock().toISOString(),
      ...(asOf ? { asOf } : {}),
      sections,
      previousSections,
      narratives: await this.journal.narratives(period.label, asOf),
      labels: REPORT_LABELS,
    });
  }

  asOfStats() {
    return this.replayer.stats();
  }

  private documents(asOf: string | undefined): ViewDocuments {
    const deadline = Date.now() + this.bounds.timeoutMs;
    return async (name: string, conditions: readonly Condition[]): Promise<Row[]> => {
      const view = this.view(name);
      if (!asOf) {
        return liveViewDocuments(this.engine, view, conditions, {
          maxScannedRows: this.bounds.maxScannedRows,
          deadline,
          timeoutMs: this.bounds.timeoutMs,
        });
      }
      const docs = await this.replayer.documents(view, asOf, deadline, this.bounds.timeoutMs);
      const rows = docs.filter((doc) => matchesConditions(doc, conditions));
      if (rows.length > this.bounds.maxScannedRows)
        throw new QueryTooBroadError(view.name, this.bounds.maxScannedRows);
      return rows;
    };
  }

  private asOfInstant(text: string): string {
    const instant = isoInstant(text);
    if (!instant || instant > this.clock().toISOString()) {
      throw new InvalidAnalystQueryError('progress-report', [
        { field: 'asOf', message: 'must be an ISO 8601 date or time, not in the future' },
      ]);
    }
    return instant;
  }
}
