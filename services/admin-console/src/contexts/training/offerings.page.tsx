import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { type OfferingEntry, REGIONS, TRAINING_LANGUAGES } from '@sfp/contracts';
import { Badge, Empty, QueryState } from '../../components/feedback';
import { FilterBar, FilterInput, FilterSelect } from '../../components/filters';
import { formatNumber } from '../../components/format';
import { CursorPager, filterOf, FIRST_PAGE } from '../../components/pager';
import { ListTable } from '../../components/table';
import { href, useRouteSearch } from '../../routing/paths';
import { trainingQueries, type OfferingFilters } from './training.api';
import {
  COURSE_KIND_LABELS,
  countryName,
  formatSpan,
  languageName,
  OFFERING_STATUS_LABELS,
  regionName,
  STATUS_BADGES,
} from './training-labels';

const FILTERS = ['courseId', 'region', 'language', 'courseKind', 'status', 'from', 'to'] as const;

const regions = Object.fromEntries(REGIONS.map((code) => [code, regionName(code)]));
const languages = Object.fromEntries(TRAINING_LANGUAGES.map((code) => [code, languageName(code)]));

/** The offering calendar: by region, language, kind of course, status and dates (the URL's). */
export function OfferingsPage() {
  const [search, update] = useRouteSearch('trainingOfferings');
  const filters: OfferingFilters = Object.fromEntries(
    FILTERS.map((name) => [name, search.get(name)]),
  );
  const list = useQuery(trainingQueries.offerings(filters, search.get('cursor')));
  const filter = (name: (typeof FILTERS)[number]) => filterOf(search, update, name);
  return (
    <main id="main">
      <h1>Offering calendar</h1>
      {filters.courseId ? (
        <p>
          Offerings of one course only.{' '}
          <Link to={href('trainingOfferings', { ...search.values, courseId: undefined })}>
            Show every course
          </Link>
        </p>
      ) : null}
      <FilterBar label="Filters">
        <FilterSelect label="Region" {...filter('region')} options={regions} />
        <FilterSelect label="Language" {...filter('language')} options={languages} />
        <FilterSelect label="Kind" {...filter('courseKind')} options={COURSE_KIND_LABELS} />
        <FilterSelect label="Status" {...filter('status')} options={OFFERING_STATUS_LABELS} />
        <FilterInput
          label="From"
          type="date"
          value={search.get('from') ?? ''}
          onChange={(from) => update({ from, ...FIRST_PAGE }, { replace: true })}
        />
        <FilterInput
          label="To"
          type="date"
          value={search.get('to') ?? ''}
          onChange={(to) => update({ to, ...FIRST_PAGE }, { replace: true })}
        />
      </FilterBar>
      <QueryState query={list} what="Loading the calendar" />
      {list.data?.items.length === 0 ? (
        <Empty>
          No offering
          {Object.values(filters).some(Boolean) ? ' matches these filters' : ' planned yet'}.
        </Empty>
      ) : null}
      {list.data?.items.length ? (
        <>
          <OfferingsTable offerings={list.data.items} />
          <CursorPager nextCursor={list.data.nextCursor} />
        </>
      ) : null}
    </main>
  );
}

function OfferingsTable({ offerings }: { offerings: OfferingEntry[] }) {
  return (
    <ListTable
      label="Offerings"
      columns={['Dates', 'Course', 'Where', 'Language', 'Seats', 'Waitlist', 'Status']}
    >
      {offerings.map((o) => (
        <tr key={o.offeringId}>
          <td>
            <Link to={href('trainingOffering', { offeringId: o.offeringId })}>
              {formatSpan(o.startsOn, o.endsOn)}
            </Link>
          </td>
          <td>
            {o.courseTitle}
            <div className="sub">
              {o.courseCode}
              {o.courseKind ? ` · ${COURSE_KIND_LABELS[o.courseKind]}` : ''}
            </div>
          </td>
          <td>
            {o.delivery.mode === 'online' ? 'Online' : o.delivery.venue}
            <div className="sub">
              {countryName(o.country)} · {regionName(o.region)}
            </div>
          </td>
          <td>{languageName(o.language)}</td>
          <td>
            {formatNumber(o.seatsTaken, 0)} of {formatNumber(o.capacity, 0)}
          </td>
          <td>{o.waitlistLength ? formatNumber(o.waitlistLength, 0) : 'None'}</td>
          <td>
            <Badge kind={STATUS_BADGES[o.status] ?? 'warn'}>
              {OFFERING_STATUS_LABELS[o.status]}
            </Badge>
          </td>
        </tr>
      ))}
    </ListTable>
  );
}
