// The roster: every enrolment in the order made, with its participant, its
// status (a waitlisted one's place), result and certificate, and the commands
// its status and the offering's allow; then the waitlist in order.
import { useState } from 'react';
import { Link } from 'react-router';
import type { OfferingDetail, RosterEnrolment } from '@sfp/contracts';
import { Badge, Empty } from '../../components/feedback';
import { TextField } from '../../components/fields';
import { FormFooter } from '../../components/form-layout';
import { formatDateTime, formatNumber, formatPercent, NONE } from '../../components/format';
import { ListTable, Unseen } from '../../components/table';
import { useCommandForm } from '../../components/use-command-form';
import { href } from '../../routing/paths';
import { enrolmentActions } from './offering-lifecycle';
import { trainingCommands, TRAINING_KEY } from './training.api';
import {
  CERTIFICATE_STATUS_LABELS,
  CONSTITUENT_GROUP_LABELS,
  countryName,
  ENROLMENT_STATUS_LABELS,
  STATUS_BADGES,
} from './training-labels';

type RowAction = ReturnType<typeof enrolmentActions>[number];

const ROW_ACTION_LABELS: Record<RowAction, string> = {
  ApproveEnrolment: 'Approve',
  DeclineEnrolment: 'Decline',
  WithdrawEnrolment: 'Withdraw',
  RevokeCertificate: 'Revoke certificate',
};

/** A participant's name as the roster shows it: an erased one says so. */
export const participantName = (e: RosterEnrolment) =>
  e.personalDataErased ? 'Personal data erased' : e.participant.name;

export function Roster(props: {
  offering: OfferingDetail;
  canWrite: boolean;
  onDone: (what: string) => void;
}) {
  const { offering } = props;
  if (offering.enrolments.length === 0) return <Empty>No one has enrolled yet.</Empty>;
  return (
    <ListTable
      label="Roster"
      columns={[
        'Participant',
        'Organisation',
        'Country',
        'Status',
        'Result',
        'Certificate',
        <Unseen key="actions">Actions</Unseen>,
      ]}
    >
      {offering.enrolments.map((e) => (
        <RosterRow
          key={e.enrolmentId}
          enrolment={e}
          offering={offering}
          canWrite={props.canWrite}
          onDone={props.onDone}
        />
      ))}
    </ListTable>
  );
}

function RosterRow(props: {
  offering: OfferingDetail;
  enrolment: RosterEnrolment;
  canWrite: boolean;
  onDone: (what: string) => void;
}) {
  const { offering, enrolment: e } = props;
  const [open, setOpen] = useState<RowAction | null>(null);
  const actions = props.canWrite
    ? enrolmentActions(offering.status, e.status, e.certificate?.status)
    : [];
  const name = participantName(e);
  return (
    <tr data-testid={`enrolment-${e.enrolmentId}`}>
      <td>
        {name}
        <div className="sub">{e.personalDataErased ? NONE : e.participant.email}</div>
      </td>
      <td>
        {e.participant.organisation}
        <div className="sub">
          {e.participant.constituentGroup
            ? CONSTITUENT_GROUP_LABELS[e.participant.constituentGroup]
            : e.participant.staff
              ? 'Staff'
              : NONE}
        </div>
      </td>
      <td>{countryName(e.participant.country)}</td>
      <td>
        <Badge kind={STATUS_BADGES[e.status] ?? 'warn'}>
          {ENROLMENT_STATUS_LABELS[e.status]}
          {e.waitlistPosition ? `, place ${formatNumber(e.waitlistPosition, 0)}` : ''}
        </Badge>
        {e.ended ? <div className="sub">{e.ended.reason}</div> : null}
        {e.supervisor && e.status === 'awaiting-approval' ? (
          <div className="sub">Supervisor: {e.supervisor}</div>
        ) : null}
      </td>
      <td>
        {e.result
          ? `${e.result.outcome === 'completed' ? 'Completed' : 'Not completed'}, ${formatPercent(e.result.attendancePercent / 100, 0)} attended`
          : NONE}
      </td>
      <td>
        {e.certificate ? (
          <>
            <Link
              to={href('verifyCertificate', { verificationCode: e.certificate.verificationCode })}
            >
              {e.certificate.verificationCode}
            </Link>
            <div className="sub">
              {CERTIFICATE_STATUS_LABELS[e.certificate.status]}
              {e.certificate.revokedAt ? ` ${formatDateTime(e.certificate.revokedAt)}` : ''}
            </div>
          </>
        ) : (
          NONE
        )}
      </td>
      <td>
        {actions.length ? (
          <div className="action-buttons" role="group" aria-label={`Actions for ${name}`}>
            {actions.map((action) => (
              <button
                key={action}
                type="button"
                aria-expanded={open === action}
                onClick={() => setOpen(open === action ? null : action)}
              >
                {ROW_ACTION_LABELS[action]}
              </button>
            ))}
          </div>
        ) : null}
        {open && actions.includes(open) ? (
          <RowActionForm
            key={`${open}-${offering.streamVersion}`}
            action={open}
            offering={offering}
            enrolment={e}
            onCancel={() => setOpen(null)}
            onDone={(what) => {
              setOpen(null);
              props.onDone(what);
            }}
          />
        ) : null}
      </td>
    </tr>
  );
}

function RowActionForm(props: {
  action: RowAction;
  offering: OfferingDetail;
  enrolment: RosterEnrolment;
  onCancel: () => void;
  onDone: (what: string) => void;
}) {
  const { action, offering, enrolment } = props;
  const id = offering.offeringId;
  const name = participantName(enrolment);
  const form = useCommandForm({
    initial: { reason: '' },
    version: offering.streamVersion,
    invalidates: [TRAINING_KEY],
    send: (v, ifMatch) => {
      switch (action) {
        case 'ApproveEnrolment':
          return trainingCommands.approve(id, enrolment.enrolmentId, ifMatch);
        case 'DeclineEnrolment':
          return trainingCommands.decline(id, enrolment.enrolmentId, v.reason, ifMatch);
        case 'WithdrawEnrolment':
          return trainingCommands.withdraw(id, enrolment.enrolmentId, v.reason, ifMatch);
        case 'RevokeCertificate':
          return trainingCommands.revokeCertificate(
            id,
            enrolment.certificate?.certificateId ?? '',
            v.reason,
            ifMatch,
          );
      }
    },
    onSuccess: () =>
      props.onDone(
        {
          ApproveEnrolment: `${name}’s enrolment is approved.`,
          DeclineEnrolment: `${name}’s enrolment is declined.`,
          WithdrawEnrolment:
            enrolment.status === 'enrolled' && offering.waitlist.length
              ? `${name} is withdrawn: the seat goes to the first on the waitlist.`
              : `${name} is withdrawn.`,
          RevokeCertificate: `${name}’s certificate is revoked: its public check says so.`,
        }[action],
      ),
  });
  return (
    <form
      className="panel"
      aria-label={`${ROW_ACTION_LABELS[action]} ${name}`}
      onSubmit={form.onSubmit}
      noValidate
    >
      {action !== 'ApproveEnrolment' ? (
        <TextField label="Reason" {...form.bind('reason')} required multiline />
      ) : null}
      {form.stale ? (
        <p className="error">The offering changed since you opened it: reload the page.</p>
      ) : null}
      <FormFooter form={form} submit={ROW_ACTION_LABELS[action]} busyLabel="Saving…">
        <button type="button" onClick={props.onCancel} disabled={form.busy}>
          Close
        </button>
      </FormFooter>
    </form>
  );
}

/** The waitlist in order: the first takes the next seat that frees. */
export function Waitlist({ offering }: { offering: OfferingDetail }) {
  const byId = new Map(offering.enrolments.map((e) => [e.enrolmentId, e]));
  const waiting = offering.waitlist.flatMap((id) => {
    const enrolment = byId.get(id);
    return enrolment ? [enrolment] : [];
  });
  if (waiting.length === 0) return <Empty>No one is waiting.</Empty>;
  return (
    <ol aria-label="Waitlist" className="waitlist">
      {waiting.map((e) => (
        <li key={e.enrolmentId}>
          {participantName(e)} <span className="sub">({e.participant.organisation})</span>{' '}
          <span className="sub">since {formatDateTime(e.requestedAt)}</span>
        </li>
      ))}
    </ol>
  );
}
