import {
  newEventId,
  WrongExpectedVersionError,
  type CommandContext,
  type EventStore,
  type RecordedEvent,
} from '@sfp/event-sourcing';
import { ReportSubmissionNotFoundError } from './progress-report.errors';
import type { FocalPointFunctionId } from './domain/focal-point-functions';
import type {
  ProgressReport,
  ReportNarrative,
  ReportSubmissionInfo,
} from './domain/progress-report';

/** The event types reporting itself records about a progress report (in its own log). */
export const REPORT_NARRATIVE_WRITTEN = 'ReportNarrativeWritten';
export const PROGRESS_REPORT_SUBMITTED = 'ProgressReportSubmitted';

export interface ReportNarrativeWrittenData {
  period: string;
  function: FocalPointFunctionId;
  /** The whole narrative as it now reads ('' clears it). */
  text: string;
  /** The username of the operator or analyst who wrote it. */
  author: string;
}

export interface ProgressReportSubmittedData extends ReportSubmissionInfo {
  period: string;
  /** The report exactly as it was when submitted (its `submission` included). */
  report: ProgressReport;
}

/** The stream of a period's narratives and submissions in reporting's log. */
export const progressReportStreamId = (period: string) => `progress-report-${period}`;

/**
 * What people add to a progress report, kept as events in reporting's own
 * log (a stream per period): the narrative of each section (the latest
 * written wins; "as of" an instant, the latest written by then) and the
 * submitted (frozen) versions, each with the full report as it was.
 */
export class ProgressReportJournal {
  constructor(
    private readonly log: EventStore,
    private readonly clock: () => Date,
  ) {}

  async writeNarrative(
    period: string,
    fn: FocalPointFunctionId,
    text: string,
    author: string,
    context: CommandContext,
  ): Promise<ReportNarrative & { period: string; function: FocalPointFunctionId }> {
    const writtenAt = this.clock().toISOString();
    const data: ReportNarrativeWrittenData = {
      period,
      function: fn,
      text,
      author,
    };
    await this.log.append(progressReportStreamId(period), 'any', [
      {
        eventId: newEventId(this.clock().getTime()),
        type: REPORT_NARRATIVE_WRITTEN,
        schemaVersion: 1,
        data,
        metadata: this.metadata(context, writtenAt),
      },
    ]);
    return { period, function: fn, text, author: data.author, writtenAt };
  }

  /** Each section's narrative as last written (by `asOf` when given); a cleared one is absent. */
  async narratives(
    period: string,
    asOf?: string,
  ): Promise<Partial<Record<FocalPointFunctionId, ReportNarrative>>> {
    const narratives: Partial<Record<FocalPointFunctionId, ReportNarrative>> = {};
    for (const event of await this.events(period)) {
      if (event.type !== REPORT_NARRATIVE_WRITTEN) continue;
      if (asOf !== undefined && event.occurredAt > asOf) continue;
      const data = event.data as ReportNarrativeWrittenData;
      if (data.text === '') delete narratives[data.function];
      else
        narratives[data.function] = {
          text: data.text,
          author: data.author,
          writtenAt: event.occurredAt,
        };
    }
    return narratives;
  }

  /**
   * Freezes the report: stores it, with its submission (the next version of
   * the period), as it is now. Two submissions at once get two versions.
   */
  async submit(
    period: string,
    report: ProgressReport,
    note: string | undefined,
    author: string,
    context: CommandContext,
  ): Promise<ReportSubmissionInfo> {
    const streamId = progressReportStreamId(period);
    for (let attempt = 0; ; attempt++) {
      const events = await this.log.readStream(streamId);
      const version = events.filter((e) => e.type === PROGRESS_REPORT_SUBMITTED).length + 1;
      const submittedAt = this.clock().toISOString();
      const submission: ReportSubmissionInfo = {
        submissionId: newEventId(this.clock().getTime()),
        version,
        submittedAt,
        submittedBy: author,
        note: note ?? null,
      };
      const data: ProgressReportSubmittedData = {
        period,
        ...submission,
        report: { ...report, submission },
      };
      try {
        await this.log.append(streamId, events.length, [
          {
            eventId: submission.submissionId,
            type: PROGRESS_REPORT_SUBMITTED,
            schemaVersion: 1,
            data,
            metadata: this.metadata(context, submittedAt),
          },
        ]);
        return submission;
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError) || attempt >= 4) throw error;
      }
    }
  }

  /** The submitted versions of a period, oldest first. */
  async submissions(period: string): Promise<ReportSubmissionInfo[]> {
    return (await this.submitted(period)).map(
      ({ submissionId, version, submittedAt, submittedBy, note }) => ({
        submissionId,
        version,
        submittedAt,
        submittedBy,
        note,
      }),
    );
  }

  /** The report exactly as submitted in that version. */
  async submission(period: string, version: number): Promise<ProgressReport> {
    const found = (await this.submitted(period)).find((s) => s.version === version);
    if (!found) throw new ReportSubmissionNotFoundError(period, version);
    return found.report;
  }

  private async submitted(period: string): Promise<ProgressReportSubmittedData[]> {
    return (await this.events(period))
      .filter((e) => e.type === PROGRESS_REPORT_SUBMITTED)
      .map((e) => e.data as ProgressReportSubmittedData);
  }

  private events(period: string): Promise<RecordedEvent[]> {
    return this.log.readStream(progressReportStreamId(period));
  }

  private metadata(context: CommandContext, occurredAt: string) {
    return {
      correlationId: context.correlationId,
      ...(context.causationId ? { causationId: context.causationId } : {}),
      actor: context.actor,
      occurredAt,
    };
  }
}
