import { defineEventType, type EventOf } from '@sfp/event-sourcing/domain';
import type { InstitutionDetails } from '../../institution/domain/institution-details';
import type { FxRates, PerformanceInputs, ReportPeriod } from './performance-inputs';
import type { RatioKey, Ratios } from './standard-ratios';

/** What every version of a report holds: its figures, and the ratios computed from them. */
export interface ReportVersionData {
  reportId: string;
  institutionId: string;
  /** 1 when filed, +1 per restatement. */
  version: number;
  period: ReportPeriod;
  /** The year of the period's end. */
  year: number;
  currency: string;
  fx: FxRates;
  inputs: PerformanceInputs;
  /** GNI per capita (USD) of the country and year used for depth; absent when none was recorded. */
  gniPerCapitaUsd?: number;
  ratios: Ratios;
  /** The institution as it stood when the report was filed: what peer groups and summaries need. */
  institution: InstitutionDetails;
  /** The department or office that filed this version (integration clients and people who act for one). */
  filingDepartment?: string;
}

export interface PerformanceReportFiledData extends ReportVersionData {
  filedBy: string;
  filedAt: string;
}

export class PerformanceReportFiled extends defineEventType<PerformanceReportFiledData>()({
  type: 'knowledge-base.PerformanceReportFiled',
  schemaVersion: 1,
}) {}

export interface PerformanceReportRestatedData extends ReportVersionData {
  previousVersion: number;
  reason: string;
  /** The ratios whose value or absence changed. */
  changedRatios: RatioKey[];
  restatedBy: string;
  restatedAt: string;
}

export class PerformanceReportRestated extends defineEventType<PerformanceReportRestatedData>()({
  type: 'knowledge-base.PerformanceReportRestated',
  schemaVersion: 1,
}) {}

export const PERFORMANCE_REPORT_EVENT_CLASSES = [
  PerformanceReportFiled,
  PerformanceReportRestated,
] as const;

export type PerformanceReportEvent =
  | EventOf<typeof PerformanceReportFiled>
  | EventOf<typeof PerformanceReportRestated>;
