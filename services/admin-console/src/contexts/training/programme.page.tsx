import { useState } from 'react';
import { useQueries, useQuery } from '@tanstack/react-query';
import type { ProgrammeProgress } from '@sfp/contracts';
import { Link } from 'react-router';
import { Badge, Empty, Notice, PendingRecord } from '../../components/feedback';
import { formatCount, formatDateTime, formatNumber } from '../../components/format';
import { LinkedProposals } from '../../components/linked-proposals';
import { ListTable } from '../../components/table';
import { BackLink } from '../../routing/back-link';
import { href, useRouteParams } from '../../routing/paths';
import { useAuth } from '../../session';
import { ProgrammeActions } from './programme-actions';
import {
  PROGRAMME_STATUS_BADGES,
  PROGRAMME_STATUS_LABELS,
  SCOPE_KIND_LABELS,
  scopeLabel,
  TargetProgressBar,
} from './programme-progress';
import { programmeQueries, trainingQueries } from './training.api';
import { countryName, formatSpan, OFFERING_STATUS_LABELS, STATUS_BADGES } from './training-labels';

/**
 * A capacity-building programme: whom it is for and when, one progress bar
 * per target (the value reached against it), its offerings, the
 * quality-monitoring proposals linked to it, and while it is active, its
 * targets set, an offering added or the programme closed.
 */
export function ProgrammePage() {
  const { programmeId } = useRouteParams('trainingProgramme');
  const { can } = useAuth();
  const [notice, setNotice] = useState<string | null>(null);
  const query = useQuery(programmeQueries.programme(programmeId));
  const p = query.data;
  const back = <BackLink to={href('trainingProgrammes')}>Programmes</BackLink>;
  if (!p) return <PendingRecord back={back} error={query.error} what="Loading the programme" />;
  return (
    <main id="main">
      {back}
      <div className="title-row">
        <h1>{p.title}</h1>
        <Badge kind={PROGRAMME_STATUS_BADGES[p.status]}>
          <span data-testid="programme-status">{PROGRAMME_STATUS_LABELS[p.status]}</span>
        </Badge>
      </div>
      <p className="sub">
        {scopeLabel(p.scope)} · {formatSpan(p.startsOn, p.endsOn)}
      </p>
      {notice ? <Notice>{notice}</Notice> : null}
      <ProgrammeFacts programme={p} />
      <section aria-labelledby="progress-heading">
        <h2 id="progress-heading">Progress against the targets</h2>
        {p.targets.length === 0 ? (
          <Empty>No target set yet.</Empty>
        ) : (
          <ul className="plain" aria-label="Targets" style={{ listStyle: 'none', padding: 0 }}>
            {p.targets.map((t) => (
              <TargetProgressBar
                key={`${t.indicator}/${t.sex ?? ''}/${t.constituentGroup ?? ''}`}
                target={t}
              />
            ))}
          </ul>
        )}
        <p className="sub">
          Whether each target is on track for the time elapsed is in the{' '}
          <Link to={href('progressReport')}>progress report</Link>.
        </p>
      </section>
      <section aria-labelledby="offerings-heading">
        <h2 id="offerings-heading">Offerings</h2>
        <ProgrammeOfferings programme={p} />
      </section>
      <LinkedProposals
        query={programmeQueries.programmeLinkedProposals(p.programmeId)}
        what="this programme"
      />
      {can('records:write') ? (
        <section aria-labelledby="actions-heading">
          <h2 id="actions-heading">Actions</h2>
          <ProgrammeActions key={p.status} programme={p} onDone={setNotice} />
        </section>
      ) : null}
    </main>
  );
}

function ProgrammeFacts({ programme: p }: { programme: ProgrammeProgress }) {
  return (
    <dl className="details">
      <dt>For</dt>
      <dd>
        {SCOPE_KIND_LABELS[p.scope.kind]}: {scopeLabel(p.scope)}
      </dd>
      <dt>Period</dt>
      <dd>{formatSpan(p.startsOn, p.endsOn)}</dd>
      <dt>Results</dt>
      <dd data-testid="programme-results">
        {p.participantsWithResult
          ? `${formatNumber(p.participantsCompleted, 0)} of ${formatCount(p.participantsWithResult, 'constituent')} with a result completed`
          : 'No constituent has a result yet'}
      </dd>
      <dt>Launched</dt>
      <dd>{formatDateTime(p.launchedAt)}</dd>
      {p.closedAt ? (
        <>
          <dt>Closed</dt>
          <dd>{formatDateTime(p.closedAt)}</dd>
        </>
      ) : null}
    </dl>
  );
}

/** The programme's offerings, each read from the calendar and linked to its page. */
function ProgrammeOfferings({ programme }: { programme: ProgrammeProgress }) {
  const offerings = useQueries({
    queries: programme.offeringIds.map((id) => trainingQueries.offering(id)),
  });
  if (programme.offeringIds.length === 0) return <Empty>No offering added yet.</Empty>;
  return (
    <ListTable label="Programme offerings" columns={['Dates', 'Course', 'Where', 'Status']}>
      {programme.offeringIds.map((offeringId, i) => {
        const o = offerings[i]?.data;
        return (
          <tr key={offeringId}>
            <td>
              <Link to={href('trainingOffering', { offeringId })}>
                {o ? formatSpan(o.schedule.startsOn, o.schedule.endsOn) : 'Offering'}
              </Link>
            </td>
            <td>{o ? o.courseTitle : offerings[i]?.error ? 'Could not be read' : 'Loading…'}</td>
            <td>{o ? (o.delivery.mode === 'online' ? 'Online' : countryName(o.country)) : ''}</td>
            <td>
              {o ? (
                <Badge kind={STATUS_BADGES[o.status] ?? 'warn'}>
                  {OFFERING_STATUS_LABELS[o.status]}
                </Badge>
              ) : null}
            </td>
          </tr>
        );
      })}
    </ListTable>
  );
}
