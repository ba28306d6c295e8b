import { deciderSpec } from '@sfp/event-sourcing/testing';
import type { KnownInstitution } from '../../institution/domain/institution.decider';
import { exampleInstitution } from '../../institution/domain/testing/example-institution';
import {
  IllegalTransitionError,
  KnowledgeBaseRuleError,
  OutOfDepartmentScopeError,
} from '../../shared/domain/knowledge-base.errors';
import { normaliseFigures } from './normalised-figures';
import type {
  FilePerformanceReport,
  RestatePerformanceReport,
} from './performance-report.commands';
import { performanceReportDecider } from './performance-report.decider';
import {
  PerformanceReportAlreadyFiledError,
  PerformanceReportNotFoundError,
} from './performance-report.errors';
import { PerformanceReportFiled, PerformanceReportRestated } from './performance-report.events';
import { IdentityViolatedError } from './report-identities';
import { standardRatios } from './standard-ratios';
import { workedExampleA } from './testing/worked-example';

const spec = deciderSpec(performanceReportDecider);
const institution: KnownInstitution = {
  status: 'active',
  institutionId: 'inst-1',
  ...exampleInstitution,
};
const figures = workedExampleA();
const reportId = 'inst-1_2025-01-01_2025-12-31';
const file: FilePerformanceReport = {
  type: 'FilePerformanceReport',
  reportId,
  institution,
  period: figures.period,
  currency: figures.currency,
  fx: figures.fx,
  inputs: figures.inputs,
  gniPerCapitaUsd: 1_800,
  filingDepartment: 'ro-africa',
  at: '2026-02-10T08:00:00.000Z',
  by: 'operator-1',
};
const filed = PerformanceReportFiled.of({
  reportId,
  institutionId: 'inst-1',
  version: 1,
  period: figures.period,
  year: 2025,
  currency: 'USD',
  fx: figures.fx,
  inputs: figures.inputs,
  gniPerCapitaUsd: 1_800,
  ratios: standardRatios(normaliseFigures(figures), 1_800),
  institution: exampleInstitution,
  filingDepartment: 'ro-africa',
  filedBy: 'operator-1',
  filedAt: '2026-02-10T08:00:00.000Z',
});
const corrected = { ...figures.inputs, par30Balance: 66_000 };
const restate: RestatePerformanceReport = {
  type: 'RestatePerformanceReport',
  institution,
  currency: 'USD',
  fx: figures.fx,
  inputs: corrected,
  gniPerCapitaUsd: 1_800,
  reason: 'Audited PAR30 higher than the management accounts',
  at: '2026-03-01T08:00:00.000Z',
  by: 'operator-2',
};

describe('performance report decider', () => {
  it('files a report with its ratios computed from the figures', () => {
    spec.given().when(file).then([filed]);
    expect(filed.data.ratios.par30).toEqual({ value: 0.04 });
  });

  it('refuses a second report for the same period: restate it instead', () => {
    spec.given([filed]).when(file).thenThrows(PerformanceReportAlreadyFiledError);
  });

  it('refuses a report for an institution that is not active', () => {
    spec
      .given()
      .when({ ...file, institution: { ...institution, status: 'closed' } })
      .thenThrows(IllegalTransitionError);
    spec
      .given()
      .when({ ...file, institution: { ...institution, status: 'registered' } })
      .thenThrows(IllegalTransitionError);
  });

  it('refuses a period that has not ended yet', () => {
    spec
      .given()
      .when({ ...file, at: '2025-12-30T10:00:00.000Z' })
      .thenThrows(KnowledgeBaseRuleError, (e) => expect(e.field).toBe('period.end'));
  });

  it('confines an integration client to the institutions its department reports on', () => {
    spec
      .given()
      .when({ ...file, scope: 'ro-asia' })
      .thenThrows(OutOfDepartmentScopeError);
    spec
      .given()
      .when({ ...file, scope: 'ro-africa' })
      .then([filed]);
  });

  it('refuses input that breaks an identity, naming it', () => {
    spec
      .given()
      .when({ ...file, inputs: { ...figures.inputs, par30Balance: 950_000 } })
      .thenThrows(IdentityViolatedError, (e) => {
        expect(e.identity).toBe('par30-within-glp');
        expect(e.message).toContain('PAR30 balance ≤ GLP');
      });
  });

  it('a restatement is a new version with the new ratios and which of them changed; the earlier version stays in the stream', () => {
    const ratios = standardRatios(normaliseFigures({ ...figures, inputs: corrected }), 1_800);
    spec
      .given([filed])
      .when(restate)
      .then([
        PerformanceReportRestated.of({
          reportId,
          institutionId: 'inst-1',
          version: 2,
          period: figures.period,
          year: 2025,
          currency: 'USD',
          fx: figures.fx,
          inputs: corrected,
          gniPerCapitaUsd: 1_800,
          ratios,
          institution: exampleInstitution,
          previousVersion: 1,
          reason: 'Audited PAR30 higher than the management accounts',
          changedRatios: ['par30', 'riskCoverage'],
          restatedBy: 'operator-2',
          restatedAt: '2026-03-01T08:00:00.000Z',
        }),
      ]);
    expect(ratios.par30.value).toBeCloseTo(72_000 / 900_000, 12);
  });

  it('restating the same figures records nothing; restating a missing report is refused', () => {
    spec
      .given([filed])
      .when({ ...restate, inputs: figures.inputs })
      .thenNothingHappens();
    spec.given().when(restate).thenThrows(PerformanceReportNotFoundError);
  });
});
