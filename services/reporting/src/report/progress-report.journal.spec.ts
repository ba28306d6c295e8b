import { SqliteEventStore, type CommandContext } from '@sfp/event-sourcing';
import { assembleProgressReport } from './domain/progress-report';
import { previousReportPeriod } from './domain/previous-period';
import { parseReportPeriod } from './domain/report-period';
import {
  PROGRESS_REPORT_SUBMITTED,
  ProgressReportJournal,
  progressReportStreamId,
  REPORT_NARRATIVE_WRITTEN,
} from './progress-report.journal';
import { ReportSubmissionNotFoundError } from './progress-report.errors';
import { REPORT_LABELS } from './report-labels';

const context: CommandContext = {
  correlationId: 'c-1',
  actor: { kind: 'person', id: 'user-1' },
};

const period = parseReportPeriod('2026');
const report = assembleProgressReport({
  period,
  previousPeriod: previousReportPeriod(period),
  generatedAt: '2027-01-05T00:00:00.000Z',
  sections: [],
  previousSections: [],
  labels: REPORT_LABELS,
});

describe('the progress report journal (narratives and submissions as events, real SQLite store)', () => {
  let log: SqliteEventStore;
  let now: Date;
  let journal: ProgressReportJournal;

  beforeEach(() => {
    log = new SqliteEventStore({ filename: ':memory:' });
    now = new Date('2027-01-05T10:00:00.000Z');
    journal = new ProgressReportJournal(log, () => now);
  });
  afterEach(async () => log.close());

  it('records each narrative as an event on the period’s stream; the latest wins, as of an instant the one then', async () => {
    await journal.writeNarrative('2026', 'training', 'First.', 'ana', context);
    now = new Date('2027-01-06T10:00:00.000Z');
    await journal.writeNarrative('2026', 'training', 'Second.', 'ben', context);
    await journal.writeNarrative('2026', 'innovation', 'Pilots.', 'ben', context);
    const events = await log.readStream(progressReportStreamId('2026'));
    expect(events.map((e) => [e.type, e.data])).toEqual([
      [
        REPORT_NARRATIVE_WRITTEN,
        { period: '2026', function: 'training', text: 'First.', author: 'ana' },
      ],
      [
        REPORT_NARRATIVE_WRITTEN,
        { period: '2026', function: 'training', text: 'Second.', author: 'ben' },
      ],
      [
        REPORT_NARRATIVE_WRITTEN,
        { period: '2026', function: 'innovation', text: 'Pilots.', author: 'ben' },
      ],
    ]);
    expect(events[0]).toMatchObject({
      occurredAt: '2027-01-05T10:00:00.000Z',
      correlationId: 'c-1',
    });
    expect(await journal.narratives('2026')).toEqual({
      training: { text: 'Second.', author: 'ben', writtenAt: '2027-01-06T10:00:00.000Z' },
      innovation: { text: 'Pilots.', author: 'ben', writtenAt: '2027-01-06T10:00:00.000Z' },
    });
    expect(await journal.narratives('2026', '2027-01-05T23:00:00.000Z')).toEqual({
      training: { text: 'First.', author: 'ana', writtenAt: '2027-01-05T10:00:00.000Z' },
    });
    await journal.writeNarrative('2026', 'training', '', 'ana', context);
    expect(Object.keys(await journal.narratives('2026'))).toEqual(['innovation']);
    expect(await journal.narratives('2025')).toEqual({});
  });

  it('numbers submissions per period, stores the report whole, and gives two at once two versions', async () => {
    const [a, b] = await Promise.all([
      journal.submit('2026', report, 'First', 'ana', context),
      journal.submit('2026', report, undefined, 'ben', context),
    ]);
    expect([a.version, b.version].sort()).toEqual([1, 2]);
    const list = await journal.submissions('2026');
    expect(list.map((s) => s.version)).toEqual([1, 2]);
    const first = list.find((s) => s.submittedBy === 'ana');
    expect(first).toMatchObject({ note: 'First', submittedAt: '2027-01-05T10:00:00.000Z' });
    const stored = await journal.submission('2026', first!.version);
    expect(stored).toEqual({ ...report, submission: first });
    const events = await log.readStream(progressReportStreamId('2026'));
    expect(events.map((e) => e.type)).toEqual([
      PROGRESS_REPORT_SUBMITTED,
      PROGRESS_REPORT_SUBMITTED,
    ]);
    await expect(journal.submission('2026', 3)).rejects.toBeInstanceOf(
      ReportSubmissionNotFoundError,
    );
    expect(await journal.submissions('2027')).toEqual([]);
  });
});
