// A performance report's raw figures (its inputs, as filed), beside the ratios
// computed from them: money in the report's currency, people as counts,
// grouped as @sfp/contracts groups them; and who filed the report and when.
import {
  ADJUSTMENT_FIELDS,
  COUNT_FIELDS,
  COUNT_OPENING_CLOSING,
  MONEY_FLOWS,
  MONEY_OPENING_CLOSING,
  MONEY_STOCKS,
  PERFORMANCE_INPUT_LABELS,
  type PerformanceInputField,
} from '@sfp/contracts';
import { formatCurrency, formatDateTime, formatNumber, NONE } from '../../components/format';
import { ListTable } from '../../components/table';
import { useDirectory } from '../../session';
import type { PerformanceReport, ReportVersion } from './knowledge-base.api';

type Inputs = Record<string, unknown>;

const COUNTS = new Set<string>([...COUNT_FIELDS, ...COUNT_OPENING_CLOSING]);

function figure(value: unknown, key: string, currency: string): string {
  if (typeof value !== 'number') return NONE;
  return COUNTS.has(key) ? formatNumber(value, 0) : formatCurrency(value, currency);
}

/** The report's figures as filed: balances at both ends of the period, then the single values. */
export function RawFigures({ report }: { report: ReportVersion }) {
  const inputs = report.inputs as Inputs;
  const adjustments = inputs['adjustments'] as Inputs | undefined;
  const row = (key: PerformanceInputField, opening: unknown, closing: unknown) => (
    <tr key={key}>
      <th scope="row">{PERFORMANCE_INPUT_LABELS[key]}</th>
      <td>{opening === undefined ? '' : figure(opening, key, report.currency)}</td>
      <td>{figure(closing, key, report.currency)}</td>
    </tr>
  );
  const both = (key: PerformanceInputField) => {
    const value = inputs[key] as { opening?: number; closing?: number } | undefined;
    return row(key, value?.opening ?? null, value?.closing);
  };
  const single = (key: PerformanceInputField, from: Inputs = inputs) =>
    row(key, undefined, from[key]);
  return (
    <section aria-labelledby="figures-heading">
      <h2 id="figures-heading">Figures as filed</h2>
      <p className="sub">
        In {report.currency}; counts of people as numbers. The ratios above are computed from these.
      </p>
      <ListTable label="Figures as filed" columns={['Figure', 'Start of period', 'End of period']}>
        {[...MONEY_OPENING_CLOSING, ...COUNT_OPENING_CLOSING].map(both)}
        {[...MONEY_STOCKS, ...COUNT_FIELDS].map((key) => single(key))}
      </ListTable>
      <ListTable label="Flows of the period" columns={['Flow of the period', 'Amount']}>
        {MONEY_FLOWS.map((key) => (
          <tr key={key}>
            <th scope="row">{PERFORMANCE_INPUT_LABELS[key]}</th>
            <td>{figure(inputs[key], key, report.currency)}</td>
          </tr>
        ))}
        {ADJUSTMENT_FIELDS.map((key) => (
          <tr key={key}>
            <th scope="row">{PERFORMANCE_INPUT_LABELS[key]} (adjustment)</th>
            <td>{adjustments ? figure(adjustments[key], key, report.currency) : 'not given'}</td>
          </tr>
        ))}
      </ListTable>
    </section>
  );
}

/** "Filed by … on …", and for a restated report, the latest restatement and its reason. */
export function FiledBy({ report }: { report: PerformanceReport }) {
  const nameOf = useDirectory();
  const kind = report.history[0]?.actor?.kind;
  const first = report.versions[0] ?? report.current;
  const current = report.current as ReportVersion & { restatedBy?: string; restatedAt?: string };
  return (
    <p className="sub" data-testid="filed-by">
      Filed by <strong>{nameOf(kind, first.filedBy)}</strong> on {formatDateTime(first.filedAt)}
      {report.version > 1 && current.restatedBy ? (
        <>
          {' '}
          · restated by{' '}
          <strong>{nameOf(report.history.at(-1)?.actor?.kind, current.restatedBy)}</strong> on{' '}
          {formatDateTime(current.restatedAt)}
          {current.reason ? ` (${current.reason})` : ''}
        </>
      ) : null}
    </p>
  );
}
