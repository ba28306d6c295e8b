import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import {
  DECENT_WORK_DEFICITS,
  RESEARCH_PROJECT_STATUSES,
  type ResearchProjectListEntry,
  type ResearchProjectStatus,
} from '@sfp/contracts';
import { Badge, Empty, QueryState } from '../../components/feedback';
import { Figures } from '../../components/figures';
import { FilterBar, FilterInput, FilterSelect } from '../../components/filters';
import { formatCount, formatNumber } from '../../components/format';
import { ListTable } from '../../components/table';
import { href, useRouteSearch } from '../../routing/paths';
import { useAuth } from '../../session';
import { researchQueries, type ProjectFilters } from './research.api';
import {
  countryName,
  DEFICIT_LABELS,
  DESIGN_LABELS,
  INNOVATION_KIND_LABELS,
  STATUS_LABELS,
  THEME_LABELS,
} from './research-labels';

const FILTERS = ['theme', 'deficit', 'country', 'design', 'innovationKind', 'q'] as const;

/** The portfolio as a board by phase (then suspended and abandoned), with its counts and the projects at risk. */
export function ResearchPortfolioPage() {
  const { can } = useAuth();
  const [search, update] = useRouteSearch('researchPortfolio');
  const filters: ProjectFilters = Object.fromEntries(
    FILTERS.map((name) => [name, search.get(name)]),
  );
  const projects = useQuery(researchQueries.projects(filters));
  const portfolio = useQuery({ ...researchQueries.portfolio(), enabled: can('reports:read') });
  const filter = (name: (typeof FILTERS)[number]) => ({
    value: search.get(name),
    onChange: (value: string | undefined) => update({ [name]: value }),
  });
  const countries = Object.fromEntries(
    (portfolio.data?.byCountry ?? []).map((c) => [c.key, countryName(c.key)]),
  );
  const filtered = Object.values(filters).some(Boolean);
  return (
    <main id="main">
      <div className="title-row">
        <h1>Research portfolio</h1>
        {can('records:write') ? (
          <Link to={href('proposeResearchProject')} className="button primary">
            Propose a project
          </Link>
        ) : null}
      </div>
      <FilterBar label="Filters">
        <FilterInput
          label="Title words"
          type="search"
          maxLength={200}
          value={search.get('q') ?? ''}
          onChange={(q) => update({ q: q || undefined })}
        />
        <FilterSelect label="Theme" {...filter('theme')} options={THEME_LABELS} />
        <FilterSelect label="Deficit" {...filter('deficit')} options={DEFICIT_LABELS} />
        <FilterSelect label="Country" {...filter('country')} options={countries} />
        <FilterSelect label="Design" {...filter('design')} options={DESIGN_LABELS} />
        <FilterSelect
          label="Innovation kind"
          {...filter('innovationKind')}
          options={INNOVATION_KIND_LABELS}
        />
      </FilterBar>
      {portfolio.data ? (
        <Figures
          items={[
            { label: 'Projects', value: formatNumber(portfolio.data.projects, 0) },
            {
              label: 'Findings published',
              value: formatNumber(countOf(portfolio.data.byStatus, 'findings-published'), 0),
            },
            {
              label: 'Suspended',
              value: formatNumber(countOf(portfolio.data.byStatus, 'suspended'), 0),
            },
            {
              label: 'Abandoned',
              value: formatNumber(countOf(portfolio.data.byStatus, 'abandoned'), 0),
            },
            { label: 'At risk', value: formatNumber(portfolio.data.atRisk.length, 0) },
          ]}
        />
      ) : null}
      <QueryState query={projects} what="Loading the portfolio" />
      {projects.data?.length === 0 ? (
        <Empty>No project{filtered ? ' matches these filters' : ' proposed yet'}.</Empty>
      ) : null}
      {projects.data?.length ? <Board projects={projects.data} /> : null}
      {portfolio.data?.atRisk.length ? (
        <section aria-label="Projects at risk">
          <h2>Projects at risk</h2>
          <ListTable
            label="Projects at risk"
            columns={['Project', 'Status', 'Slipping milestones', 'Most days late']}
          >
            {portfolio.data.atRisk.map((p) => (
              <tr key={p.projectId}>
                <td>
                  <Link to={href('researchProject', { projectId: p.projectId })}>{p.title}</Link>
                </td>
                <td>{STATUS_LABELS[p.status]}</td>
                <td>{formatNumber(p.slippingMilestones, 0)}</td>
                <td>{formatCount(p.maxDaysLate, 'day')}</td>
              </tr>
            ))}
          </ListTable>
        </section>
      ) : null}
      {portfolio.data ? (
        <section aria-label="Counts">
          <h2>Counts</h2>
          <ListTable label="Projects by deficit" columns={['Deficit', 'Projects']}>
            {DECENT_WORK_DEFICITS.map((d) => (
              <tr key={d}>
                <td>{DEFICIT_LABELS[d]}</td>
                <td>{formatNumber(countOf(portfolio.data.byDeficit, d), 0)}</td>
              </tr>
            ))}
          </ListTable>
          <ListTable label="Projects by design" columns={['Design', 'Projects']}>
            {portfolio.data.byDesign.map((d) => (
              <tr key={d.key}>
                <td>{DESIGN_LABELS[d.key]}</td>
                <td>{formatNumber(d.projects, 0)}</td>
              </tr>
            ))}
          </ListTable>
          <ListTable label="Projects by country" columns={['Country', 'Projects']}>
            {portfolio.data.byCountry.map((c) => (
              <tr key={c.key}>
                <td>{countryName(c.key)}</td>
                <td>{formatNumber(c.projects, 0)}</td>
              </tr>
            ))}
          </ListTable>
        </section>
      ) : null}
    </main>
  );
}

function countOf<K extends string>(
  counts: ReadonlyArray<{ key: K; projects: number }>,
  key: K,
): number {
  return counts.find((c) => c.key === key)?.projects ?? 0;
}

/** The board's columns side by side, scrolled sideways when they do not fit. */
const BOARD = {
  display: 'grid',
  gridAutoFlow: 'column',
  gridAutoColumns: 'minmax(13rem, 1fr)',
  gap: '0.75rem',
  alignItems: 'start',
} as const;

/** One column per status, in the order of the phases, then suspended and abandoned. */
function Board({ projects }: { projects: ResearchProjectListEntry[] }) {
  const by = (status: ResearchProjectStatus) => projects.filter((p) => p.status === status);
  return (
    <section aria-label="Board by phase" className="scroll" style={BOARD}>
      {RESEARCH_PROJECT_STATUSES.map((status) => {
        const column = by(status);
        return (
          <section
            key={status}
            className="panel"
            aria-label={STATUS_LABELS[status]}
            data-status={status}
          >
            <h2>
              {STATUS_LABELS[status]}{' '}
              <span className="sub">({formatNumber(column.length, 0)})</span>
            </h2>
            <ul>
              {column.map((p) => (
                <li key={p.projectId}>
                  <Link to={href('researchProject', { projectId: p.projectId })}>{p.title}</Link>
                  <div className="sub">
                    {INNOVATION_KIND_LABELS[p.innovationKind]} · {DESIGN_LABELS[p.design]} ·{' '}
                    {p.countries.map(countryName).join(', ')}
                  </div>
                  {status === 'suspended' || status === 'abandoned' ? (
                    <div className="sub">In {STATUS_LABELS[p.phase].toLowerCase()}</div>
                  ) : null}
                  {p.slippingMilestones ? (
                    <Badge kind="bad">
                      {formatCount(p.slippingMilestones, 'slipping milestone')}
                    </Badge>
                  ) : null}
                  {p.publicationVersion ? (
                    <div className="sub">Published, version {p.publicationVersion}</div>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </section>
  );
}
