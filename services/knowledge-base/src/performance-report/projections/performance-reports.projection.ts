import type { RecordedEvent } from '@sfp/event-sourcing';
import { defineProjection } from '@sfp/projections';
import { normaliseFigures, type NormalisedFigures } from '../domain/normalised-figures';
import type { FxRates, PerformanceInputs, ReportPeriod } from '../domain/performance-inputs';
import type {
  PerformanceReportEvent,
  ReportVersionData,
} from '../domain/performance-report.events';
import type { RatioKey, Ratios } from '../domain/standard-ratios';

export const PERFORMANCE_REPORTS_PROJECTION = 'kb-performance-reports';

export interface ReportVersionEntry {
  version: number;
  event: 'PerformanceReportFiled' | 'PerformanceReportRestated';
  at: string;
  by: string;
  reason?: string;
  changedRatios?: RatioKey[];
  filingDepartment?: string;
}

/** The current version of a report, with what peer groups, summaries and exports need. */
export interface ReportRow {
  reportId: string;
  institutionId: string;
  institutionName: string;
  kind: string;
  legalType: string;
  country: string;
  region: string;
  reportingDepartment?: string;
  programmes: string[];
  filingDepartment?: string;
  period: ReportPeriod;
  periodStart: string;
  periodEnd: string;
  year: number;
  version: number;
  currency: string;
  fx: FxRates;
  inputs: PerformanceInputs;
  gniPerCapitaUsd?: number;
  ratios: Ratios;
  /** USD, flows annualised: for portfolio aggregates. */
  figures: NormalisedFigures;
  versions: ReportVersionEntry[];
  filedAt: string;
  lastChangedAt: string;
}

function rowOf(
  d: ReportVersionData,
  previous: ReportRow | undefined,
  entry: ReportVersionEntry,
): ReportRow {
  return {
    reportId: d.reportId,
    institutionId: d.institutionId,
    institutionName: d.institution.name,
    kind: d.institution.kind,
    legalType: d.institution.legalType,
    country: d.institution.country,
    region: d.institution.region,
    ...(d.institution.reportingDepartment
      ? { reportingDepartment: d.institution.reportingDepartment }
      : {}),
    programmes: d.institution.programmes,
    ...(d.filingDepartment ? { filingDepartment: d.filingDepartment } : {}),
    period: d.period,
    periodStart: d.period.start,
    periodEnd: d.period.end,
    year: d.year,
    version: d.version,
    currency: d.currency,
    fx: d.fx,
    inputs: d.inputs,
    ...(d.gniPerCapitaUsd !== undefined ? { gniPerCapitaUsd: d.gniPerCapitaUsd } : {}),
    ratios: d.ratios,
    figures: normaliseFigures({
      period: d.period,
      currency: d.currency,
      fx: d.fx,
      inputs: d.inputs,
    }),
    versions: [...(previous?.versions ?? []), entry],
    filedAt: previous?.filedAt ?? entry.at,
    lastChangedAt: entry.at,
  };
}

const apply = async (
  recorded: RecordedEvent,
  view: {
    update: (
      id: string,
      change: (c: ReportRow | undefined) => ReportRow | undefined,
    ) => Promise<void>;
  },
) => {
  const event = { type: recorded.type, data: recorded.data } as PerformanceReportEvent;
  const d = event.data;
  const entry: ReportVersionEntry =
    event.type === 'knowledge-base.PerformanceReportFiled'
      ? {
          version: d.version,
          event: 'PerformanceReportFiled',
          at: event.data.filedAt,
          by: event.data.filedBy,
          ...(d.filingDepartment ? { filingDepartment: d.filingDepartment } : {}),
        }
      : {
          version: d.version,
          event: 'PerformanceReportRestated',
          at: event.data.restatedAt,
          by: event.data.restatedBy,
          reason: event.data.reason,
          changedRatios: event.data.changedRatios,
          ...(d.filingDepartment ? { filingDepartment: d.filingDepartment } : {}),
        };
  await view.update(d.reportId, (current) => rowOf(d, current, entry));
};

/**
 * One document per report: its current version (a restatement replaces the
 * figures and ratios, and adds to `versions`). Serves the report list and CSV,
 * peer benchmarks, the poverty outreach summary, portfolio aggregates and the
 * IRIS+ export.
 */
export const performanceReportsProjection = defineProjection<ReportRow>({
  name: PERFORMANCE_REPORTS_PROJECTION,
  version: 1,
  fields: {
    institutionId: 'string',
    region: 'string',
    legalType: 'string',
    country: 'string',
    kind: 'string',
    year: 'number',
    periodEnd: 'string',
    reportingDepartment: 'string',
    version: 'number',
  },
  handlers: {
    'knowledge-base.PerformanceReportFiled': apply,
    'knowledge-base.PerformanceReportRestated': apply,
  },
});
