import type { KnownInstitution } from '../../institution/domain/institution.decider';
import type { FxRates, PerformanceInputs, ReportPeriod } from './performance-inputs';

interface ReportCommandBase {
  at: string;
  by: string;
  /** The institution as its stream says now (loaded by the handler). */
  institution: KnownInstitution;
  /** Set for an integration client: the only department whose institutions it may report on. */
  scope?: string;
  /** The department or office the filer acts for, recorded on the report. */
  filingDepartment?: string;
  /** GNI per capita of the institution's country in the period's year, from the reference table. */
  gniPerCapitaUsd?: number;
  currency: string;
  fx: FxRates;
  inputs: PerformanceInputs;
}

export interface FilePerformanceReport extends ReportCommandBase {
  type: 'FilePerformanceReport';
  reportId: string;
  period: ReportPeriod;
}

/** A correction: a new version of the same report (same period), the earlier ones kept. */
export interface RestatePerformanceReport extends ReportCommandBase {
  type: 'RestatePerformanceReport';
  reason: string;
}

export type PerformanceReportCommand = FilePerformanceReport | RestatePerformanceReport;
