import 'reflect-metadata';
import type { RecordedEvent } from '@sfp/event-sourcing';
import type { ViewWriter } from '@sfp/projections';
import { FormatRegistry, type TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { toLoggedEvent } from './consumption/public-event';
import { scriptedHistory } from '../test/support/help-desk-history';
import { scriptedKnowledgeBaseHistory } from '../test/support/knowledge-base-history';
import { helpDeskReporting } from './help-desk/help-desk.reporting-plugin';
import { knowledgeBaseReporting } from './knowledge-base/knowledge-base.reporting-plugin';
import { knowledgeOutcomesHistory } from './knowledge-base/knowledge-outcomes.fixture';
import { evaluateAnalystQuery, matchesConditions } from './query/domain/analyst-query.evaluation';
import { validateAnalystQuery } from './query/domain/analyst-query.validation';
import {
  describeView,
  ViewCatalogueSchema,
  ViewQueryAnswerSchema,
} from './query/view-answers.schema';
import { AnalystQueryDto } from './query/view-query.dto';
import type { ViewDocuments } from './registry/reporting-plugin';
import type { ReportingView, Row } from './registry/reporting-view';
import { assembleProgressReport } from './report/domain/progress-report';
import { previousReportPeriod } from './report/domain/previous-period';
import { REPORT_LABELS } from './report/report-labels';
import { parseReportPeriod, REPORT_PERIOD_PATTERN } from './report/domain/report-period';
import { ProgressReportParams } from './report/progress-report.dto';
import { ProgressReportSchema } from './report/progress-report.schema';

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
FormatRegistry.Set('date-time', (value) => ISO_DATE_TIME.test(value) && !isNaN(Date.parse(value)));

/** The answer matches the schema the route documents; on a mismatch, says where. */
function expectConforms(schema: TSchema, answer: unknown): void {
  const errors = [...Value.Errors(schema, answer)].map((e) => `${e.path}: ${e.message}`);
  expect(errors).toEqual([]);
}

const plugins = [helpDeskReporting, knowledgeBaseReporting];
const views = plugins.flatMap((p) => p.views) as ReportingView[];

/** Runs each view's projection over the scripted public events as reporting logs them, as the engine would. */
async function viewDocuments(
  sources: ReadonlyArray<[context: string, events: readonly RecordedEvent[]]>,
): Promise<Map<string, Row[]>> {
  const events = sources.flatMap(([context, published]) =>
    published.map(
      (event): RecordedEvent => ({ ...event, data: toLoggedEvent(context, event).data }),
    ),
  );
  const result = new Map<string, Row[]>();
  for (const view of views) {
    const docs = new Map<string, Row>();
    const writer = {
      position: 0,
      update: async (id: string, change: (current: Row | undefined) => Row | undefined) => {
        const next = change(docs.get(id));
        if (next !== undefined) docs.set(id, next);
      },
    } as unknown as ViewWriter<Row>;
    for (const event of events) {
      const handler = view.projection.handlers[event.type];
      if (handler) await handler(event, writer);
    }
    result.set(view.name, [...docs.values()]);
  }
  return result;
}

describe('reporting answers conform to the schemas the OpenAPI document publishes', () => {
  let documents: Map<string, Row[]>;
  beforeAll(async () => {
    documents = await viewDocuments([
      [helpDeskReporting.context, scriptedHistory().history.events],
      [knowledgeBaseReporting.context, scriptedKnowledgeBaseHistory().events],
      // Reports with figures, targets of every scope and impact assessments.
      [knowledgeBaseReporting.context, knowledgeOutcomesHistory().events],
    ]);
    expect([...documents.values()].every((docs) => docs.length > 0)).toBe(true);
  });

  it('the catalogue of every view', () => {
    expectConforms(ViewCatalogueSchema, { views: views.map(describeView) });
  });

  it('row, grouped and aggregate query answers over every view', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    for (const view of views) {
      const fields = Object.entries(view.fields);
      const groupable = fields.find(([, f]) =>
        ['string', 'boolean', 'string-list'].includes(f.type),
      );
      const number = fields.find(([, f]) => f.type === 'number');
      const timestamp = fields.find(([, f]) => f.type === 'timestamp');
      const queries: object[] = [
        {},
        { limit: 2, offset: 1 },
        ...(groupable ? [{ groupBy: [groupable[0]] }] : []),
        ...(timestamp ? [{ groupBy: [`${timestamp[0]}:quarter`] }] : []),
        ...(number ? [{ aggregates: ['count', `median:${number[0]}`, `sum:${number[0]}`] }] : []),
      ];
      for (const input of queries) {
        const query = validateAnalystQuery(view.name, view.fields, input, now);
        const docs = (documents.get(view.name) ?? []).filter((d) =>
          matchesConditions(d, query.conditions),
        );
        expectConforms(ViewQueryAnswerSchema, {
          view: view.name,
          ...evaluateAnalystQuery(docs, query),
        });
      }
    }
  });

  it('the progress report, computed by every plugin’s sections, live and as of an instant', async () => {
    const source: ViewDocuments = async (name, conditions) =>
      (documents.get(name) ?? []).filter((d) => matchesConditions(d, conditions));
    for (const label of ['2026-Q1', '2026', '2025-2026', '2030-Q4']) {
      const period = parseReportPeriod(label);
      const previousPeriod = previousReportPeriod(period);
      const sections = [];
      const previousSections = [];
      for (const plugin of plugins)
        for (const section of plugin.sections) {
          sections.push(await section.compute(period, source));
          previousSections.push(await section.compute(previousPeriod, source));
        }
      const report = assembleProgressReport({
        period,
        previousPeriod,
        generatedAt: '2026-12-01T00:00:00.000Z',
        asOf: '2026-11-30T00:00:00.000Z',
        sections,
        previousSections,
        narratives: {
          innovation: { text: 'Two pilots.', author: 'ana', writtenAt: '2026-11-01T00:00:00.000Z' },
        },
        labels: REPORT_LABELS,
      });
      expect(report.functions.some((f) => f.status === 'reported')).toBe(true);
      expectConforms(ProgressReportSchema, report);
    }
  });
});

describe('the request rules are the domain’s', () => {
  it('the period pattern accepts exactly the periods the report parses', () => {
    const candidates = [
      '1999',
      '2000',
      '2026',
      '2100',
      '2101',
      '2026-Q1',
      '2026-Q4',
      '2026-Q5',
      '2100-Q4',
      '2101-Q1',
      '1999-2000',
      '2000-2001',
      '2026-2027',
      '2026-2028',
      '2099-2100',
      '2100-2101',
      '2101-2102',
      '2027-2026',
      '26',
      '2026-',
    ];
    for (const text of candidates) {
      let parses = true;
      try {
        parseReportPeriod(text);
      } catch {
        parses = false;
      }
      expect({ text, matches: REPORT_PERIOD_PATTERN.test(text) }).toEqual({
        text,
        matches: parses,
      });
    }
  });

  it('refuses a query string the report cannot read, before reading anything', async () => {
    const problems = async (query: Record<string, unknown>) =>
      (await validate(plainToInstance(ProgressReportParams, query), { forbidUnknownValues: true }))
        .map((e) => e.property)
        .sort();
    expect(await problems({ period: '2026-Q1', asOf: '2026-03-31T23:59:59Z' })).toEqual([]);
    expect(await problems({ period: '2026-Q5', asOf: '2026-13-01', format: 'pdf' })).toEqual([
      'asOf',
      'format',
      'period',
    ]);
  });

  it('the body rules refuse the shape the domain refuses (types, bounds), and leave field names to it', async () => {
    const problems = async (body: Record<string, unknown>) =>
      (await validate(plainToInstance(AnalystQueryDto, body))).map((e) => e.property).sort();
    expect(await problems({ filter: { $where: '1' }, groupBy: ['$kind'] })).toEqual([]);
    expect(
      await problems({ filter: 'x', limit: 0, offset: -1, select: [], sort: [1], asOf: 'now' }),
    ).toEqual(['asOf', 'filter', 'limit', 'offset', 'select', 'sort']);
  });
});
