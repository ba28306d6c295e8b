import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import {
  APPROVING_DECISIONS,
  PROPOSAL_COMMAND_ALLOWED_FROM,
  secondReviewerRequired,
  type QualityProposalDetail,
} from '@sfp/contracts';
import { fetchText } from '../../api/client';
import { useCommand } from '../../api/query';
import { Badge, ErrorMessage, Notice, PendingRecord, QueryState } from '../../components/feedback';
import { Figures } from '../../components/figures';
import { downloadText } from '../../components/download';
import { formatCount, formatDate, formatNumber } from '../../components/format';
import { ListTable } from '../../components/table';
import { BackLink } from '../../routing/back-link';
import { href, useRouteParams } from '../../routing/paths';
import { useAuth } from '../../session';
import { DecisionForm } from './decision-form';
import { LinkageSuggestions } from './linkage-suggestions';
import { ProposalFacts } from './proposal-facts';
import {
  DECISION_LABELS,
  ORIGIN_LABELS,
  PROPOSAL_STATUS_BADGES,
  PROPOSAL_STATUS_LABELS,
} from './quality-labels';
import { QUALITY, QUALITY_KEY, qualityCommands, qualityQueries } from './quality.api';
import { divergenceOf, Reconciliation } from './reconciliation';
import { ResubmitForm } from './resubmit-form';
import { ReviewChecklist, scoreText } from './review-checklist';
import { PartnerRatiosTable, RedFlags } from './review-evidence';
import { ReviewerAssignment } from './reviewer-assignment';

/**
 * A proposal's review workspace: the proposal on one side; on the other its
 * red flags, partners' ratios, reviewers, the checklist with the live score,
 * the reconciliation of divergent reviews and the decision. Below: its
 * versions (with what changed), decisions and links to the unit's tools.
 */
export function QualityProposalPage() {
  const { proposalId } = useRouteParams('qualityProposal');
  const { can, me } = useAuth();
  const [notice, setNotice] = useState<string | null>(null);
  const query = useQuery(qualityQueries.proposal(proposalId));
  const p = query.data;
  const review = p?.reviews.at(-1);
  const current = review && review.version === p?.version ? review : undefined;
  const policy = useQuery({
    ...(current ? qualityQueries.policyVersion(current.policyVersion) : qualityQueries.policy()),
    enabled: p !== undefined,
  });
  const back = <BackLink to={href('qualityQueue')}>Review queue</BackLink>;
  if (!p) return <PendingRecord back={back} error={query.error} what="Loading the proposal" />;
  const canWrite = can('records:write');
  const open = p.status === 'submitted' || p.status === 'under-review';
  const reviewing = p.status === 'under-review' && current !== undefined;
  const divergent = reviewing && policy.data ? divergenceOf(current, policy.data) : [];
  const reviewer = me && current?.reviewers.includes(me.name) ? me.name : undefined;
  const partnerName = (id: string) =>
    current?.partnerRatios.find((r) => r.institutionId === id)?.name ?? id;
  return (
    <main id="main">
      {back}
      <div className="title-row">
        <h1>{p.proposal.title}</h1>
        <Badge kind={PROPOSAL_STATUS_BADGES[p.status]}>
          <span data-testid="proposal-status">{PROPOSAL_STATUS_LABELS[p.status]}</span>
        </Badge>
      </div>
      <p className="sub">
        Version {p.version} · {p.proposal.department} · submitted {formatDate(p.submittedAt)}
        {p.origin ? ` · ${ORIGIN_LABELS[p.origin.channel]}` : ''}
      </p>
      <Figures
        items={[
          { label: 'Due', value: formatDate(p.serviceLevel.dueOn) },
          {
            label: 'Working days',
            value: `${formatCount(p.serviceLevel.workingDaysElapsed, 'working day')} of ${formatNumber(p.serviceLevel.workingDays, 0)}`,
          },
          {
            label: 'Service level',
            value:
              p.serviceLevel.met !== undefined ? (
                <Badge kind={p.serviceLevel.met ? 'sla-on-track' : 'sla-breached'}>
                  {p.serviceLevel.met ? 'Met' : 'Missed'}
                </Badge>
              ) : p.serviceLevel.overdue ? (
                <Badge kind="sla-overdue">Overdue</Badge>
              ) : (
                <Badge kind="sla-on-track">On track</Badge>
              ),
          },
          { label: 'Score', value: scoreText(current?.score) },
        ]}
      />
      {notice ? <Notice>{notice}</Notice> : null}
      {p.withdrawal ? <p>Withdrawn: {p.withdrawal.reason}</p> : null}
      <div className="workspace">
        <ProposalFacts proposal={p.proposal} partnerName={partnerName} />
        <div className="review-side">
          {current ? <RedFlags flags={current.redFlags} /> : null}
          {current ? <PartnerRatiosTable review={current} /> : null}
          <QueryState query={policy} what="Loading the review policy" />
          {current ? (
            <p>
              <strong>Reviewers:</strong> {current.reviewers.join(', ')}
              {current.secondReviewerRequired ? ' (a second reviewer is required)' : ''}
            </p>
          ) : null}
          {canWrite && open && policy.data ? (
            <ReviewerAssignment
              key={(current?.reviewers ?? []).join()}
              proposalId={p.proposalId}
              current={current?.reviewers ?? []}
              secondReviewerRequired={secondReviewerRequired(p.proposal, policy.data)}
              onDone={setNotice}
            />
          ) : null}
          {current && policy.data ? (
            <ReviewChecklist
              key={`${current.reviewNumber}-${reviewer ?? ''}`}
              proposalId={p.proposalId}
              review={current}
              policy={policy.data}
              reviewer={reviewing && canWrite ? reviewer : undefined}
              onDone={setNotice}
            />
          ) : null}
          {reviewing && canWrite && policy.data && divergent.length ? (
            <Reconciliation
              proposalId={p.proposalId}
              review={current}
              policy={policy.data}
              divergent={divergent}
              onDone={setNotice}
            />
          ) : null}
          {reviewing && canWrite && policy.data ? (
            <DecisionForm
              proposalId={p.proposalId}
              review={current}
              policy={policy.data}
              divergent={divergent}
              onDone={setNotice}
            />
          ) : null}
        </div>
      </div>
      {canWrite && p.status === 'revise-and-resubmit' ? <ResubmitForm proposal={p} /> : null}
      <Decisions proposal={p} />
      <Versions proposal={p} />
      <LinkageSuggestions proposal={p} canWrite={canWrite} onDone={setNotice} />
      {canWrite && PROPOSAL_COMMAND_ALLOWED_FROM.WithdrawProposal.includes(p.status) ? (
        <Withdraw proposalId={p.proposalId} onDone={setNotice} />
      ) : null}
      {APPROVING_DECISIONS.some((d) => d === p.status) ? <IatiExport proposal={p} /> : null}
    </main>
  );
}

function Decisions({ proposal }: { proposal: QualityProposalDetail }) {
  if (!proposal.decisions.length) return null;
  return (
    <section aria-label="Decisions">
      <h2>Decisions</h2>
      <ListTable
        label="Decisions"
        columns={['Version', 'Decision', 'Score', 'Reasons', 'Conditions', 'Turnaround']}
      >
        {[...proposal.decisions].reverse().map((d) => (
          <tr key={`${d.version}-${d.reviewNumber}`}>
            <td>Version {d.version}</td>
            <td>
              {DECISION_LABELS[d.decision]}
              <div className="sub">
                {d.decidedBy}, {formatDate(d.decidedAt)}
              </div>
            </td>
            <td>{scoreText(d.score)}</td>
            <td>{d.reasons.join('; ')}</td>
            <td>{d.conditions.join('; ')}</td>
            <td>
              {formatCount(d.turnaroundWorkingDays, 'working day')}
              <div className="sub">
                {d.withinServiceLevel ? 'Within the service level' : 'Beyond the service level'}
              </div>
            </td>
          </tr>
        ))}
      </ListTable>
    </section>
  );
}

function Versions({ proposal }: { proposal: QualityProposalDetail }) {
  if (proposal.versions.length < 2) return null;
  return (
    <section aria-label="Versions">
      <h2>Versions</h2>
      <ListTable label="Versions" columns={['Version', 'Submitted', 'Note', 'Changes']}>
        {[...proposal.versions].reverse().map((v) => (
          <tr key={v.version}>
            <td>Version {v.version}</td>
            <td>
              {formatDate(v.submittedAt)}
              <div className="sub">{v.submittedBy}</div>
            </td>
            <td>{v.changeNote ?? ''}</td>
            <td>
              {v.version > 1 ? (
                <Link
                  to={href(
                    'qualityChanges',
                    { proposalId: proposal.proposalId },
                    { from: String(v.version - 1), to: String(v.version) },
                  )}
                >
                  What changed in version {v.version}
                </Link>
              ) : null}
            </td>
          </tr>
        ))}
      </ListTable>
    </section>
  );
}

function Withdraw(props: { proposalId: string; onDone: (notice: string) => void }) {
  const [reason, setReason] = useState('');
  const withdraw = useCommand(() => qualityCommands.withdraw(props.proposalId, reason.trim()), {
    invalidates: [QUALITY_KEY],
    onSuccess: () => props.onDone('The proposal is withdrawn.'),
  });
  return (
    <details className="danger-zone">
      <summary>Withdraw the proposal</summary>
      <form
        aria-label="Withdraw the proposal"
        onSubmit={(e) => {
          e.preventDefault();
          withdraw.run();
        }}
      >
        <div className="field">
          <label htmlFor="withdraw-reason">Reason</label>
          <input
            id="withdraw-reason"
            required
            maxLength={2000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </div>
        <ErrorMessage error={withdraw.error} />
        <button type="submit" disabled={withdraw.busy}>
          Withdraw the proposal
        </button>
      </form>
    </details>
  );
}

/** An approved proposal as an IATI 2.03 activity (the service writes it). */
function IatiExport({ proposal }: { proposal: QualityProposalDetail }) {
  const download = useCommand(
    async () =>
      downloadText(
        await fetchText(
          `${QUALITY}/proposals/${encodeURIComponent(proposal.proposalId)}/iati`,
          'application/xml',
        ),
        `iati-activity-${proposal.proposalId}.xml`,
        'application/xml',
      ),
    { invalidates: [] },
  );
  return (
    <section aria-label="IATI">
      <h2>IATI</h2>
      <button type="button" onClick={() => download.run()} disabled={download.busy}>
        Download the IATI activity
      </button>
      <ErrorMessage error={download.error} title="The export failed." />
    </section>
  );
}
