import { useQuery } from '@tanstack/react-query';
import type {
  DeliveryChannel,
  FinancialInstrument,
  QualityApprovalRate,
  QualityApprovalRates,
  QualityDeficiencies,
  QualityPortfolioSummary,
  QualityTurnaroundSummary,
  RedFlag,
} from '@sfp/contracts';
import { BarChart } from '../../components/charts';
import { QueryState } from '../../components/feedback';
import { Figures } from '../../components/figures';
import { FilterBar, FilterInput } from '../../components/filters';
import {
  formatCount,
  formatCurrency,
  formatDate,
  formatNumber,
  formatPercent,
  label,
} from '../../components/format';
import { ListTable } from '../../components/table';
import { useRouteSearch } from '../../routing/paths';
import { QualityCsvButton } from './quality-csv-button';
import {
  CHANNEL_LABELS,
  criterionName,
  DECISION_LABELS,
  INSTRUMENT_LABELS,
  RED_FLAG_LABELS,
} from './quality-labels';
import { qualityQueries } from './quality.api';

const days = (value: number | null) =>
  value === null ? '—' : `${formatNumber(value, 1)} working days`;

/** Turnaround, approval rates, recurring deficiencies and the approved portfolio, as labels and figures. */
export function QualityReportsPage() {
  const [search, update] = useRouteSearch('qualityReports');
  const period = { from: search.get('from'), to: search.get('to') };
  const turnaround = useQuery(
    qualityQueries.report<QualityTurnaroundSummary>('turnaround', period),
  );
  const rates = useQuery(qualityQueries.report<QualityApprovalRates>('approval-rates', period));
  const deficiencies = useQuery(qualityQueries.report<QualityDeficiencies>('deficiencies', period));
  const portfolio = useQuery(qualityQueries.report<QualityPortfolioSummary>('portfolio', period));
  return (
    <main id="main">
      <h1>Quality reports</h1>
      <FilterBar label="Period">
        <FilterInput
          label="From"
          type="date"
          value={period.from ?? ''}
          onChange={(from) => update({ from: from || undefined })}
        />
        <FilterInput
          label="To"
          type="date"
          value={period.to ?? ''}
          onChange={(to) => update({ to: to || undefined })}
        />
      </FilterBar>

      <section aria-label="Turnaround">
        <div className="title-row">
          <h2>Turnaround</h2>
          <QualityCsvButton list="reports/turnaround" filters={period} />
        </div>
        <QueryState query={turnaround} what="Loading the turnaround" />
        {turnaround.data ? (
          <>
            <Figures
              items={[
                { label: 'Decisions', value: formatNumber(turnaround.data.decisions, 0) },
                { label: 'Median turnaround', value: days(turnaround.data.medianWorkingDays) },
                {
                  label: 'Within the service level',
                  value: formatPercent(turnaround.data.withinServiceLevelRate),
                },
              ]}
            />
            <ListTable
              label="Turnaround by department"
              columns={['Department', 'Decisions', 'Median', 'Within the service level']}
            >
              {turnaround.data.byDepartment.map((d) => (
                <tr key={d.department}>
                  <td>{d.department}</td>
                  <td>{formatNumber(d.decisions, 0)}</td>
                  <td>{days(d.medianWorkingDays)}</td>
                  <td>{formatPercent(d.withinServiceLevelRate)}</td>
                </tr>
              ))}
            </ListTable>
            {turnaround.data.entries.length ? (
              <ListTable
                label="Decisions"
                columns={['Proposal', 'Decision', 'Turnaround', 'Decided']}
              >
                {turnaround.data.entries.slice(0, 50).map((e) => (
                  <tr key={`${e.proposalId}-${e.version}`}>
                    <td>
                      {e.title}
                      <div className="sub">
                        {e.department} · version {e.version}
                      </div>
                    </td>
                    <td>{DECISION_LABELS[e.decision]}</td>
                    <td>
                      {formatCount(e.turnaroundWorkingDays, 'working day')}
                      <div className="sub">
                        {e.withinServiceLevel ? 'Within the service level' : 'Beyond it'}
                      </div>
                    </td>
                    <td>{formatDate(e.decidedAt)}</td>
                  </tr>
                ))}
              </ListTable>
            ) : null}
          </>
        ) : null}
      </section>

      <section aria-label="Approval rates">
        <div className="title-row">
          <h2>Approval rates</h2>
          <QualityCsvButton list="reports/approval-rates" filters={period} />
        </div>
        <QueryState query={rates} what="Loading the approval rates" />
        {rates.data ? (
          <>
            <Figures
              items={[
                { label: 'Decided', value: formatNumber(rates.data.decided, 0) },
                { label: 'Approved', value: formatPercent(rates.data.overall.approvalRate) },
              ]}
            />
            <RatesTable label="By department" rows={rates.data.byDepartment} name={(k) => k} />
            <RatesTable
              label="By instrument"
              rows={rates.data.byInstrument}
              name={(k) => INSTRUMENT_LABELS[k as FinancialInstrument] ?? label(k)}
            />
          </>
        ) : null}
      </section>

      <section aria-label="Deficiencies">
        <div className="title-row">
          <h2>Recurring deficiencies</h2>
          <QualityCsvButton list="reports/deficiencies" filters={period} />
        </div>
        <QueryState query={deficiencies} what="Loading the deficiencies" />
        {deficiencies.data ? (
          <>
            <p className="sub">
              Of {formatCount(deficiencies.data.decisions, 'decision')}: the criteria rated in the
              bottom half of the scale, and the red flags raised.
            </p>
            <BarChart
              title="Criteria rated low (share of decisions)"
              bars={deficiencies.data.criteria.map((c) => ({
                label: criterionName(c.key),
                value: c.share,
              }))}
              format={(v) => formatPercent(v, 0)}
            />
            <BarChart
              title="Red flags (share of decisions)"
              bars={deficiencies.data.redFlags.map((c) => ({
                label: RED_FLAG_LABELS[c.key as RedFlag] ?? label(c.key),
                value: c.share,
              }))}
              format={(v) => formatPercent(v, 0)}
            />
          </>
        ) : null}
      </section>

      <section aria-label="Portfolio">
        <div className="title-row">
          <h2>Approved portfolio</h2>
          <QualityCsvButton list="reports/portfolio" filters={period} />
        </div>
        <QueryState query={portfolio} what="Loading the portfolio" />
        {portfolio.data ? (
          <>
            <Figures
              items={[
                { label: 'Approved proposals', value: formatNumber(portfolio.data.proposals, 0) },
                {
                  label: 'Financial components',
                  value: formatCurrency(portfolio.data.amountUsd, 'USD'),
                },
              ]}
            />
            <BarChart
              title="By instrument (US dollars)"
              bars={portfolio.data.byInstrument.map((c) => ({
                label: INSTRUMENT_LABELS[c.key as FinancialInstrument] ?? label(c.key),
                value: c.amountUsd,
              }))}
              format={(v) => formatCurrency(v, 'USD')}
            />
            <BarChart
              title="By channel (US dollars)"
              bars={portfolio.data.byChannel.map((c) => ({
                label: CHANNEL_LABELS[c.key as DeliveryChannel] ?? label(c.key),
                value: c.amountUsd,
              }))}
              format={(v) => formatCurrency(v, 'USD')}
            />
            <BarChart
              title="By region (US dollars)"
              bars={portfolio.data.byRegion.map((c) => ({
                label: label(c.key),
                value: c.amountUsd,
              }))}
              format={(v) => formatCurrency(v, 'USD')}
            />
          </>
        ) : null}
      </section>
    </main>
  );
}

function RatesTable(props: {
  label: string;
  rows: QualityApprovalRate[];
  name: (key: string) => string;
}) {
  if (!props.rows.length) return null;
  return (
    <ListTable
      label={`Approval rates ${props.label.toLowerCase()}`}
      columns={[
        props.label.replace('By ', '').replace(/^./, (c) => c.toUpperCase()),
        'Decided',
        'Approved',
        'With conditions',
        'Revise and resubmit',
        'Rejected',
        'Approval rate',
      ]}
    >
      {props.rows.map((r) => (
        <tr key={r.key}>
          <td>{props.name(r.key)}</td>
          <td>{formatNumber(r.decided, 0)}</td>
          <td>{formatNumber(r.approved, 0)}</td>
          <td>{formatNumber(r.approvedWithConditions, 0)}</td>
          <td>{formatNumber(r.reviseAndResubmit, 0)}</td>
          <td>{formatNumber(r.rejected, 0)}</td>
          <td>{formatPercent(r.approvalRate)}</td>
        </tr>
      ))}
    </ListTable>
  );
}
