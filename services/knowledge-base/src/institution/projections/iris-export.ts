import type { ReportRow } from '../../performance-report/projections/performance-reports.projection';

/** One IRIS+ metric value of one report. */
export interface IrisValue {
  irisId: string;
  metric: string;
  reportId: string;
  periodStart: string;
  periodEnd: string;
  value: number | null;
  unit: string;
  currency?: string;
  reason?: string;
}

/**
 * An institution's indicators with their IRIS+ metric ids (the ids the domain
 * brief gives): PI8732 active borrowers, FP2635 PAR30, FP9717 write-offs,
 * FP2392 impairment allowance, PI9250 borrowers per loan officer. Amounts in
 * the reporting currency and in USD.
 */
export function irisValues(report: ReportRow): IrisValue[] {
  const base = {
    reportId: report.reportId,
    periodStart: report.periodStart,
    periodEnd: report.periodEnd,
  };
  const ratio = (
    irisId: string,
    metric: string,
    key: 'par30' | 'borrowersPerLoanOfficer',
    unit: string,
  ): IrisValue => {
    const r = report.ratios[key];
    return {
      irisId,
      metric,
      ...base,
      value: r.value,
      unit,
      ...(r.value === null ? { reason: r.reason } : {}),
    };
  };
  const amount = (irisId: string, metric: string, local: number, endRate: boolean): IrisValue[] => [
    { irisId, metric, ...base, value: local, unit: 'currency', currency: report.currency },
    {
      irisId,
      metric,
      ...base,
      value: local / (endRate ? report.fx.periodEnd : report.fx.periodAverage),
      unit: 'currency',
      currency: 'USD',
    },
  ];
  return [
    {
      irisId: 'PI8732',
      metric: 'Active borrowers',
      ...base,
      value: report.inputs.activeBorrowers.closing,
      unit: 'people',
    },
    ratio('FP2635', 'Portfolio at risk > 30 days (incl. renegotiated loans)', 'par30', 'fraction'),
    ...amount('FP9717', 'Loans written off in the period', report.inputs.writeOffs, false),
    ...amount('FP2392', 'Impairment loss allowance', report.inputs.impairmentAllowance, true),
    ratio('PI9250', 'Borrowers per loan officer', 'borrowersPerLoanOfficer', 'people'),
  ];
}
