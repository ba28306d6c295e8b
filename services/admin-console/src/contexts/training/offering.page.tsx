import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { OfferingDetail } from '@sfp/contracts';
import { Badge, Notice, PendingRecord } from '../../components/feedback';
import { formatCurrency, formatDateTime, formatNumber, NONE } from '../../components/format';
import { BackLink } from '../../routing/back-link';
import { href, useRouteParams } from '../../routing/paths';
import { useAuth, useDirectory } from '../../session';
import { AttendanceGrid, RecordAttendance } from './attendance';
import { EnrolForm } from './enrol-form';
import { EvaluationForm } from './evaluation-form';
import { OfferingActions } from './offering-actions';
import { offeringAllows } from './offering-lifecycle';
import { Roster, Waitlist } from './roster';
import { RecordScores, ScoresTable } from './scores';
import { trainingQueries } from './training.api';
import {
  countryName,
  formatSpan,
  languageName,
  OFFERING_STATUS_LABELS,
  regionName,
  STATUS_BADGES,
} from './training-labels';

/**
 * An offering: its plan, the roster and the waitlist in order, attendance and
 * scores, and the commands its status allows (@sfp/contracts).
 */
export function OfferingPage() {
  const { offeringId } = useRouteParams('trainingOffering');
  const { can } = useAuth();
  const [notice, setNotice] = useState<string | null>(null);
  const query = useQuery(trainingQueries.offering(offeringId));
  const o = query.data;
  const back = <BackLink to={href('trainingOfferings')}>Offering calendar</BackLink>;
  if (!o) return <PendingRecord back={back} error={query.error} what="Loading the offering" />;
  const writer = can('records:write');
  return (
    <main id="main">
      {back}
      <div className="title-row">
        <h1>{o.courseTitle}</h1>
        <Badge kind={STATUS_BADGES[o.status] ?? 'warn'}>
          <span data-testid="offering-status">{OFFERING_STATUS_LABELS[o.status]}</span>
        </Badge>
      </div>
      <p className="sub">
        {formatSpan(o.schedule.startsOn, o.schedule.endsOn)} ·{' '}
        {o.delivery.mode === 'online' ? 'Online' : o.delivery.venue} · {countryName(o.country)},{' '}
        {regionName(o.region)} · {languageName(o.language)}
      </p>
      {notice ? <Notice>{notice}</Notice> : null}
      <OfferingFacts offering={o} />
      {writer ? (
        <section aria-labelledby="actions-heading">
          <h2 id="actions-heading">Actions</h2>
          <OfferingActions offering={o} onDone={setNotice} />
        </section>
      ) : null}
      {writer && offeringAllows(o.status, 'EnrolParticipant') ? (
        <EnrolForm key={o.offeringId} offering={o} onDone={setNotice} />
      ) : null}
      <section aria-labelledby="roster-heading">
        <h2 id="roster-heading">Roster</h2>
        <Roster offering={o} canWrite={writer} onDone={setNotice} />
      </section>
      <section aria-labelledby="waitlist-heading">
        <h2 id="waitlist-heading">Waitlist</h2>
        <Waitlist offering={o} />
      </section>
      <section aria-labelledby="attendance-heading">
        <h2 id="attendance-heading">Attendance</h2>
        <AttendanceGrid offering={o} />
        {writer ? <RecordAttendance key={o.streamVersion} offering={o} onDone={setNotice} /> : null}
      </section>
      <section aria-labelledby="scores-heading">
        <h2 id="scores-heading">Test scores</h2>
        <ScoresTable offering={o} />
        {writer ? <RecordScores offering={o} onDone={setNotice} /> : null}
      </section>
      {writer ? <EvaluationForm offering={o} onDone={setNotice} /> : null}
    </main>
  );
}

function OfferingFacts({ offering: o }: { offering: OfferingDetail }) {
  const nameOf = useDirectory();
  return (
    <dl className="details">
      <dt>Course</dt>
      <dd>
        <Link to={href('trainingCourse', { courseId: o.courseId })}>{o.courseCode}</Link>, revision{' '}
        {formatNumber(o.courseRevision, 0)}
      </dd>
      <dt>Seats</dt>
      <dd data-testid="offering-seats">
        {formatNumber(o.seatsTaken, 0)} of {formatNumber(o.capacity, 0)} taken
        {o.waitlistLength ? `, ${formatNumber(o.waitlistLength, 0)} waiting` : ''}
      </dd>
      <dt>Completion</dt>
      <dd>
        At least {formatNumber(o.completionRule.minAttendancePercent, 0)} % of the days attended
        {o.completionRule.minPostTestScore === undefined
          ? ''
          : ` and a post-test score of at least ${formatNumber(o.completionRule.minPostTestScore, 0)} %`}
      </dd>
      <dt>Trainers</dt>
      <dd>{o.trainers.join(', ') || NONE}</dd>
      <dt>Funding</dt>
      <dd>
        {o.funding.kind === 'fee'
          ? `${formatCurrency(o.funding.amount, o.funding.currency)} per participant`
          : `Sponsored by ${o.funding.sponsor}`}
      </dd>
      {o.delivery.mode === 'online' ? (
        <>
          <dt>Link</dt>
          <dd>{o.delivery.url}</dd>
        </>
      ) : null}
      <dt>Planned</dt>
      <dd>
        {formatDateTime(o.plannedAt)} by {nameOf('person', o.plannedBy)}
      </dd>
      <dt>Evaluations</dt>
      <dd>{formatNumber(o.evaluationsSubmitted, 0)} submitted</dd>
      {o.completion ? (
        <>
          <dt>Completed</dt>
          <dd>
            {formatDateTime(o.completion.completedAt)}: {formatNumber(o.completion.completed, 0)}{' '}
            completed, {formatNumber(o.completion.failed, 0)} did not
          </dd>
        </>
      ) : null}
      {o.cancellation ? (
        <>
          <dt>Cancelled</dt>
          <dd>
            {formatDateTime(o.cancellation.cancelledAt)} by{' '}
            {nameOf('person', o.cancellation.cancelledBy)}: {o.cancellation.reason}
          </dd>
        </>
      ) : null}
    </dl>
  );
}
