import type { Decider } from '@sfp/event-sourcing/domain';
import type { KnownInstitution } from '../../institution/domain/institution.decider';
import { institutionDetailsOf } from '../../institution/domain/institution-details';
import {
  assertNever,
  IllegalTransitionError,
  KnowledgeBaseRuleError,
  OutOfDepartmentScopeError,
} from '../../shared/domain/knowledge-base.errors';
import { normaliseFigures } from './normalised-figures';
import type { FxRates, PerformanceInputs, ReportFigures, ReportPeriod } from './performance-inputs';
import type { PerformanceReportCommand } from './performance-report.commands';
import {
  PerformanceReportAlreadyFiledError,
  PerformanceReportNotFoundError,
} from './performance-report.errors';
import {
  PerformanceReportFiled,
  PerformanceReportRestated,
  type PerformanceReportEvent,
  type ReportVersionData,
} from './performance-report.events';
import { assertIdentities } from './report-identities';
import { periodYear } from './report-period';
import { RATIO_KEYS, standardRatios, type RatioKey, type Ratios } from './standard-ratios';

export interface FiledReport {
  status: 'filed';
  reportId: string;
  institutionId: string;
  period: ReportPeriod;
  version: number;
  currency: string;
  fx: FxRates;
  inputs: PerformanceInputs;
  ratios: Ratios;
}

export type PerformanceReportState = { status: 'none' } | FiledReport;

export const performanceReportDecider: Decider<
  PerformanceReportState,
  PerformanceReportCommand,
  PerformanceReportEvent
> = {
  initialState: () => ({ status: 'none' }),
  decide,
  evolve,
};

function decide(
  command: PerformanceReportCommand,
  state: PerformanceReportState,
): PerformanceReportEvent[] {
  checkScope(command.institution, command.scope);
  switch (command.type) {
    case 'FilePerformanceReport': {
      if (state.status !== 'none') throw new PerformanceReportAlreadyFiledError(state.reportId);
      if (command.institution.status !== 'active') {
        throw new IllegalTransitionError(
          'FilePerformanceReport',
          `an institution ${command.institution.status}`,
          ['active'],
        );
      }
      const figures: ReportFigures = {
        period: command.period,
        currency: command.currency,
        fx: command.fx,
        inputs: command.inputs,
      };
      assertIdentities(figures);
      checkNotFuture(command.period, command.at);
      return [
        PerformanceReportFiled.of({
          ...versionData(command.reportId, 1, figures, command),
          filedBy: command.by,
          filedAt: command.at,
        }),
      ];
    }
    case 'RestatePerformanceReport': {
      if (state.status === 'none') throw new PerformanceReportNotFoundError();
      const figures: ReportFigures = {
        period: state.period,
        currency: command.currency,
        fx: command.fx,
        inputs: command.inputs,
      };
      assertIdentities(figures);
      if (
        state.currency === command.currency &&
        sameJson(state.fx, command.fx) &&
        sameJson(state.inputs, command.inputs)
      ) {
        return []; // the same figures again: nothing to restate
      }
      const data = versionData(state.reportId, state.version + 1, figures, command);
      return [
        PerformanceReportRestated.of({
          ...data,
          previousVersion: state.version,
          reason: command.reason,
          changedRatios: changedRatios(state.ratios, data.ratios),
          restatedBy: command.by,
          restatedAt: command.at,
        }),
      ];
    }
    default:
      return assertNever(command);
  }
}

export function evolve(
  _state: PerformanceReportState,
  event: PerformanceReportEvent,
): PerformanceReportState {
  switch (event.type) {
    case 'knowledge-base.PerformanceReportFiled':
    case 'knowledge-base.PerformanceReportRestated': {
      const d = event.data;
      return {
        status: 'filed',
        reportId: d.reportId,
        institutionId: d.institutionId,
        period: d.period,
        version: d.version,
        currency: d.currency,
        fx: d.fx,
        inputs: d.inputs,
        ratios: d.ratios,
      };
    }
    default:
      return assertNever(event);
  }
}

function versionData(
  reportId: string,
  version: number,
  figures: ReportFigures,
  command: PerformanceReportCommand,
): ReportVersionData {
  return {
    reportId,
    institutionId: command.institution.institutionId,
    version,
    period: figures.period,
    year: periodYear(figures.period),
    currency: figures.currency,
    fx: figures.fx,
    inputs: figures.inputs,
    ...(command.gniPerCapitaUsd !== undefined ? { gniPerCapitaUsd: command.gniPerCapitaUsd } : {}),
    ratios: standardRatios(normaliseFigures(figures), command.gniPerCapitaUsd),
    institution: institutionDetailsOf(command.institution),
    ...(command.filingDepartment ? { filingDepartment: command.filingDepartment } : {}),
  };
}

function checkScope(institution: KnownInstitution, scope: string | undefined): void {
  if (scope !== undefined && institution.reportingDepartment !== scope) {
    throw new OutOfDepartmentScopeError(scope, institution.reportingDepartment);
  }
}

function checkNotFuture(period: ReportPeriod, at: string): void {
  if (period.end > at.slice(0, 10)) {
    throw new KnowledgeBaseRuleError(
      `The period ends ${period.end}, after today (${at.slice(0, 10)}): report a period once it has ended`,
      'period.end',
    );
  }
}

function changedRatios(before: Ratios, after: Ratios): RatioKey[] {
  return RATIO_KEYS.filter((key) => before[key].value !== after[key].value);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}
