import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Empty, QueryState } from '../../components/feedback';
import { formatCurrency, formatNumber, formatPercent, NONE } from '../../components/format';
import { ListTable } from '../../components/table';
import { href } from '../../routing/paths';
import { CsvButton } from './csv-button';
import { researchQueries } from './research.api';
import { INNOVATION_KIND_LABELS } from './research-labels';

const ratio = (value: number | null) => (value === null ? NONE : formatNumber(value, 2));

/** NPV and B/C of every project with a recorded analysis, and by innovation kind. */
export function CostBenefitSummaryPage() {
  const summary = useQuery(researchQueries.costBenefit());
  const data = summary.data;
  return (
    <main id="main">
      <div className="title-row">
        <h1>Cost-benefit summary</h1>
        <CsvButton list="cost-benefit" filters={{}} />
      </div>
      <QueryState query={summary} what="Loading the analyses" />
      {data?.projects.length === 0 ? <Empty>No cost-benefit analysis recorded yet.</Empty> : null}
      {data?.projects.length ? (
        <>
          <section aria-label="By innovation kind">
            <h2>By innovation kind</h2>
            <ListTable
              label="By innovation kind"
              columns={['Innovation kind', 'Projects', 'Median B/C', 'Total NPV']}
            >
              {data.byInnovationKind.map((k) => (
                <tr key={k.innovationKind}>
                  <td>{INNOVATION_KIND_LABELS[k.innovationKind]}</td>
                  <td>{formatNumber(k.projects, 0)}</td>
                  <td>{ratio(k.medianBenefitCostRatio)}</td>
                  <td>
                    {k.netPresentValueByCurrency.map((c) => (
                      <div key={c.currency}>{formatCurrency(c.total, c.currency)}</div>
                    ))}
                  </td>
                </tr>
              ))}
            </ListTable>
          </section>
          <section aria-label="Projects">
            <h2>Projects</h2>
            <ListTable
              label="Projects"
              columns={['Project', 'Innovation kind', 'NPV', 'B/C', 'Discount rate', 'Horizon']}
            >
              {data.projects.map((p) => (
                <tr key={p.projectId}>
                  <td>
                    <Link to={href('researchProject', { projectId: p.projectId })}>{p.title}</Link>
                  </td>
                  <td>{INNOVATION_KIND_LABELS[p.innovationKind]}</td>
                  <td>{formatCurrency(p.netPresentValue, p.currency)}</td>
                  <td>{ratio(p.benefitCostRatio)}</td>
                  <td>{formatPercent(p.discountRate, 2)}</td>
                  <td>{formatNumber(p.horizonYears, 0)} years</td>
                </tr>
              ))}
            </ListTable>
          </section>
        </>
      ) : null}
    </main>
  );
}
