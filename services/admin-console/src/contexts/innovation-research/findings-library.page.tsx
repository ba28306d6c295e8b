import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { FindingVerdict, LibraryTheme, Outcome } from '@sfp/contracts';
import { Badge } from '../../components/feedback';
import { FilterInput, FilterSelect } from '../../components/filters';
import { formatDate, formatNumber } from '../../components/format';
import { FIRST_PAGE } from '../../components/pager';
import { href, useRouteSearch } from '../../routing/paths';
import { effectText } from './findings';
import { FilteredListPage } from './filtered-list-page';
import { researchQueries, type FindingFilters } from './research.api';
import {
  countryName,
  DESIGN_LABELS,
  OUTCOME_LABELS,
  surveyRoundName,
  THEME_LABELS,
  VERDICT_BADGES,
  VERDICT_LABELS,
} from './research-labels';

/** The published findings, null results included: searched, and filtered by verdict, outcome and theme. */
export function FindingsLibraryPage() {
  const [search, update] = useRouteSearch('researchFindings');
  const filters: FindingFilters = {
    q: search.get('q'),
    verdict: search.get('verdict'),
    outcome: search.get('outcome'),
    theme: search.get('theme'),
  };
  const list = useQuery(researchQueries.findings(filters, search.get('cursor')));
  return (
    <FilteredListPage
      title="Findings library"
      csv={{ list: 'findings', filters }}
      filters={
        <>
          <FilterInput
            label="Search"
            type="search"
            maxLength={200}
            value={filters.q ?? ''}
            onChange={(q) => update({ q: q || undefined, ...FIRST_PAGE })}
          />
          <FilterSelect<FindingVerdict>
            label="Verdict"
            value={filters.verdict}
            options={VERDICT_LABELS}
            onChange={(verdict) => update({ verdict, ...FIRST_PAGE })}
          />
          <FilterSelect<Outcome>
            label="Outcome"
            value={filters.outcome}
            options={OUTCOME_LABELS}
            onChange={(outcome) => update({ outcome, ...FIRST_PAGE })}
          />
          <FilterSelect<LibraryTheme>
            label="Theme"
            value={filters.theme}
            options={THEME_LABELS}
            onChange={(theme) => update({ theme, ...FIRST_PAGE })}
          />
        </>
      }
      list={list}
      loading="Loading the findings"
      empty="No published finding matches."
      table={{
        label: 'Findings',
        columns: ['Hypothesis', 'Verdict', 'Effect', 'Sample', 'Project', 'Published'],
      }}
      row={(f) => (
        <tr key={`${f.projectId}-${f.hypothesisId}`}>
          <td>
            {f.statement}
            <div className="sub">
              {OUTCOME_LABELS[f.outcome]} · {f.indicator}
            </div>
          </td>
          <td>
            <Badge kind={VERDICT_BADGES[f.verdict]}>{VERDICT_LABELS[f.verdict]}</Badge>
          </td>
          <td>
            {effectText(f.effect)}
            <div className="sub">{surveyRoundName(f.surveyRound)}</div>
          </td>
          <td>
            {formatNumber(f.sample.treatment, 0)} treatment, {formatNumber(f.sample.comparison, 0)}{' '}
            comparison
          </td>
          <td>
            <Link to={href('researchProject', { projectId: f.projectId })}>{f.projectTitle}</Link>
            <div className="sub">
              {DESIGN_LABELS[f.design]} · {f.countries.map(countryName).join(', ')}
            </div>
          </td>
          <td>
            {formatDate(f.publishedOn)}
            <div className="sub">Version {f.publicationVersion}</div>
          </td>
        </tr>
      )}
    />
  );
}
