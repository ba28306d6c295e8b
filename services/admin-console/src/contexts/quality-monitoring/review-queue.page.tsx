import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import {
  DELIVERY_CHANNELS,
  FINANCIAL_INSTRUMENTS,
  PROPOSAL_STATUSES,
  type DeliveryChannel,
  type FinancialInstrument,
  type ProposalStatus,
  type QualityProposalListEntry,
} from '@sfp/contracts';
import { Badge, Empty, QueryState } from '../../components/feedback';
import { FilterBar, FilterInput, FilterSelect } from '../../components/filters';
import { formatCount, formatCurrency, formatDate, formatNumber } from '../../components/format';
import { CursorPager, FIRST_PAGE } from '../../components/pager';
import { ListTable } from '../../components/table';
import { href, useRouteSearch } from '../../routing/paths';
import { useAuth } from '../../session';
import { QualityCsvButton } from './quality-csv-button';
import {
  CHANNEL_LABELS,
  countryName,
  INSTRUMENT_LABELS,
  PROPOSAL_STATUS_BADGES,
  PROPOSAL_STATUS_LABELS,
} from './quality-labels';
import { qualityQueries, type ProposalFilters } from './quality.api';

/** The proposals to review: their age and due date, service level, status, instrument and red flags. */
export function ReviewQueuePage() {
  const [search, update] = useRouteSearch('qualityQueue');
  const { can } = useAuth();
  const filters: ProposalFilters = {
    status: search.get('status'),
    department: search.get('department'),
    instrument: search.get('instrument'),
    channel: search.get('channel'),
    country: search.get('country'),
    reviewer: search.get('reviewer'),
    q: search.get('q'),
  };
  const list = useQuery(qualityQueries.proposals(filters, search.get('cursor')));
  const typed = (name: 'q' | 'department' | 'country' | 'reviewer') => (value: string) =>
    update({ [name]: value || undefined, ...FIRST_PAGE });
  return (
    <main id="main">
      <div className="title-row">
        <h1>Review queue</h1>
        <QualityCsvButton list="proposals" filters={filters} />
        {can('records:write') ? (
          <Link className="button" to={href('submitProposal')}>
            Submit a proposal
          </Link>
        ) : null}
      </div>
      <FilterBar label="Filters">
        <FilterInput
          label="Search"
          type="search"
          maxLength={200}
          value={filters.q ?? ''}
          onChange={typed('q')}
        />
        <FilterSelect<ProposalStatus>
          label="Status"
          value={filters.status}
          options={PROPOSAL_STATUSES}
          format={(s) => PROPOSAL_STATUS_LABELS[s]}
          onChange={(status) => update({ status, ...FIRST_PAGE })}
        />
        <FilterSelect<FinancialInstrument>
          label="Instrument"
          value={filters.instrument}
          options={FINANCIAL_INSTRUMENTS}
          format={(i) => INSTRUMENT_LABELS[i]}
          onChange={(instrument) => update({ instrument, ...FIRST_PAGE })}
        />
        <FilterSelect<DeliveryChannel>
          label="Channel"
          value={filters.channel}
          options={DELIVERY_CHANNELS}
          format={(c) => CHANNEL_LABELS[c]}
          onChange={(channel) => update({ channel, ...FIRST_PAGE })}
        />
        <FilterInput
          label="Department"
          value={filters.department ?? ''}
          maxLength={100}
          onChange={typed('department')}
        />
        <FilterInput
          label="Country"
          value={filters.country ?? ''}
          size={4}
          maxLength={2}
          placeholder="KE"
          onChange={(value) => typed('country')(value.toUpperCase())}
        />
        <FilterInput
          label="Reviewer"
          value={filters.reviewer ?? ''}
          maxLength={100}
          onChange={typed('reviewer')}
        />
      </FilterBar>
      <QueryState query={list} what="Loading the review queue" />
      {list.data?.items.length === 0 ? <Empty>No proposal matches.</Empty> : null}
      {list.data?.items.length ? (
        <>
          <ListTable
            label="Proposals"
            columns={[
              'Proposal',
              'Status',
              'Instrument',
              'Age',
              'Due',
              'Service level',
              'Red flags',
            ]}
          >
            {list.data.items.map((p) => (
              <QueueRow key={p.proposalId} proposal={p} />
            ))}
          </ListTable>
          <CursorPager nextCursor={list.data.nextCursor} />
        </>
      ) : null}
    </main>
  );
}

function QueueRow({ proposal: p }: { proposal: QualityProposalListEntry }) {
  return (
    <tr>
      <td>
        <Link to={href('qualityProposal', { proposalId: p.proposalId })}>{p.title}</Link>
        <div className="sub">
          {p.department} · {p.countries.map(countryName).join(', ')} ·{' '}
          {formatCurrency(p.budget, p.currency)}
          {p.version > 1 ? ` · version ${p.version}` : ''}
        </div>
      </td>
      <td>
        <Badge kind={PROPOSAL_STATUS_BADGES[p.status]}>{PROPOSAL_STATUS_LABELS[p.status]}</Badge>
        {p.score !== undefined ? <div className="sub">Score {formatNumber(p.score, 0)}</div> : null}
      </td>
      <td>
        {INSTRUMENT_LABELS[p.instrument]}
        <div className="sub">{CHANNEL_LABELS[p.channel]}</div>
      </td>
      <td>
        {formatCount(p.ageWorkingDays, 'working day')}
        <div className="sub">since {formatDate(p.submittedAt)}</div>
      </td>
      <td>{formatDate(p.dueOn)}</td>
      <td>
        <ServiceLevelBadge entry={p} />
      </td>
      <td>
        {p.redFlags ? <Badge kind="bad">{formatCount(p.redFlags, 'red flag')}</Badge> : 'None'}
      </td>
    </tr>
  );
}

/** Open: on track or overdue; decided: within the service level or not. */
function ServiceLevelBadge({ entry: p }: { entry: QualityProposalListEntry }) {
  if (p.decided)
    return p.withinServiceLevel === undefined ? null : p.withinServiceLevel ? (
      <Badge kind="sla-on-track">Met</Badge>
    ) : (
      <Badge kind="sla-breached">Missed</Badge>
    );
  return p.overdue ? (
    <Badge kind="sla-overdue">Overdue</Badge>
  ) : (
    <Badge kind="sla-on-track">On track</Badge>
  );
}
