// A new version after "revise and resubmit": the form filled with the
// current version, the review's comments beside it, and what changed in a
// note; once sent, the changes page shows the diff.
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { QualityProposalDetail } from '@sfp/contracts';
import { TextField } from '../../components/fields';
import { formatNumber } from '../../components/format';
import { FormFooter, FormPanel } from '../../components/form-layout';
import { useCommandForm } from '../../components/use-command-form';
import { href } from '../../routing/paths';
import { ProposalFields } from './proposal-fields';
import { definitionOf, valuesOf } from './proposal-values';
import { criterionName } from './quality-labels';
import { QUALITY_KEY, qualityCommands } from './quality.api';

export function ResubmitForm({ proposal }: { proposal: QualityProposalDetail }) {
  const navigate = useNavigate();
  const [changeNote, setChangeNote] = useState('');
  const form = useCommandForm({
    initial: valuesOf(proposal.proposal),
    send: (v) => qualityCommands.resubmit(proposal.proposalId, definitionOf(v), changeNote.trim()),
    invalidates: [QUALITY_KEY],
    fields: ['changeNote'],
    onSuccess: () =>
      navigate(
        href(
          'qualityChanges',
          { proposalId: proposal.proposalId },
          { from: String(proposal.version), to: String(proposal.version + 1) },
        ),
      ),
  });
  const review = proposal.reviews.at(-1);
  const decision = proposal.decisions.at(-1);
  return (
    <div className="workspace">
      <FormPanel title="Resubmit" onSubmit={form.onSubmit}>
        <ProposalFields form={form} />
        <TextField
          label="What changed"
          name="changeNote"
          value={changeNote}
          onChange={setChangeNote}
          errors={form.errors}
          required
          multiline
        />
        <FormFooter form={form} submit="Resubmit the proposal" busyLabel="Resubmitting…" />
      </FormPanel>
      <aside aria-label="What the review asked">
        <h3>What the review asked</h3>
        {decision ? (
          <ul>
            {decision.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        ) : null}
        {review?.reviews.flatMap((r) =>
          r.ratings
            .filter((x) => x.comment)
            .map((x) => (
              <p key={`${r.reviewer}-${x.criterion}`}>
                <strong>{criterionName(x.criterion)}</strong> ({r.reviewer}, rated{' '}
                {formatNumber(x.rating, 0)}): {x.comment}
              </p>
            )),
        )}
      </aside>
    </div>
  );
}
