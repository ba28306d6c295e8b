// The offering's own commands its status allows (@sfp/contracts): open it for
// enrolment, change its capacity, start, complete or cancel it (with a
// reason). The roster's rows hold the enrolments' commands.
import type { OfferingCommandType, OfferingDetail } from '@sfp/contracts';
import { ActionPicker } from '../../components/action-picker';
import { TextField } from '../../components/fields';
import { FormFooter } from '../../components/form-layout';
import { numberOf } from '../../components/form-values';
import { formatNumber } from '../../components/format';
import { useCommandForm } from '../../components/use-command-form';
import { offeringAllows } from './offering-lifecycle';
import { trainingCommands, TRAINING_KEY } from './training.api';
import { OFFERING_STATUS_LABELS } from './training-labels';

const OFFERING_ACTIONS = [
  'OpenOfferingForEnrolment',
  'ChangeOfferingCapacity',
  'StartOffering',
  'CompleteOffering',
  'CancelOffering',
] as const satisfies readonly OfferingCommandType[];
type OfferingAction = (typeof OFFERING_ACTIONS)[number];

const ACTION_LABELS: Record<OfferingAction, string> = {
  OpenOfferingForEnrolment: 'Open for enrolment',
  ChangeOfferingCapacity: 'Change capacity',
  StartOffering: 'Start',
  CompleteOffering: 'Complete',
  CancelOffering: 'Cancel the offering',
};

const DONE: Record<OfferingAction, string> = {
  OpenOfferingForEnrolment: 'The offering is open for enrolment.',
  ChangeOfferingCapacity: 'Capacity changed.',
  StartOffering: 'The offering has started: attendance and scores can be recorded.',
  CompleteOffering: 'The offering is completed: results and certificates are drawn.',
  CancelOffering: 'The offering is cancelled.',
};

const EXPLAIN: Partial<Record<OfferingAction, string>> = {
  OpenOfferingForEnrolment: 'Participants can then be enrolled.',
  StartOffering: 'Enrolment closes; attendance and test scores can be recorded.',
  CompleteOffering:
    'Each participant’s result is drawn by the course’s completion rule, and a certificate issued to each who completed it. This cannot be undone.',
};

export function OfferingActions(props: {
  offering: OfferingDetail;
  onDone: (what: string) => void;
}) {
  const { offering } = props;
  const allowed = OFFERING_ACTIONS.filter((action) => offeringAllows(offering.status, action));
  return (
    <ActionPicker
      label="Actions this status allows"
      allowed={allowed}
      labels={ACTION_LABELS}
      none={`None: the offering is ${OFFERING_STATUS_LABELS[offering.status].toLowerCase()}.`}
    >
      {(action, close) => (
        <OfferingActionForm
          key={`${action}-${offering.streamVersion}`}
          action={action}
          offering={offering}
          onCancel={close}
          onDone={(what) => {
            close();
            props.onDone(what);
          }}
        />
      )}
    </ActionPicker>
  );
}

function OfferingActionForm(props: {
  action: OfferingAction;
  offering: OfferingDetail;
  onCancel: () => void;
  onDone: (what: string) => void;
}) {
  const { action, offering } = props;
  const id = offering.offeringId;
  const form = useCommandForm({
    initial: { reason: '', capacity: String(offering.capacity) },
    version: offering.streamVersion,
    invalidates: [TRAINING_KEY],
    send: (v, ifMatch) => {
      switch (action) {
        case 'OpenOfferingForEnrolment':
          return trainingCommands.openOffering(id, ifMatch);
        case 'ChangeOfferingCapacity':
          return trainingCommands.changeCapacity(id, numberOf(v.capacity), ifMatch);
        case 'StartOffering':
          return trainingCommands.start(id, ifMatch);
        case 'CompleteOffering':
          return trainingCommands.complete(id, ifMatch);
        case 'CancelOffering':
          return trainingCommands.cancel(id, v.reason, ifMatch);
      }
    },
    onSuccess: () => props.onDone(DONE[action]),
  });
  return (
    <form className="panel" aria-label={ACTION_LABELS[action]} onSubmit={form.onSubmit} noValidate>
      {EXPLAIN[action] ? <p>{EXPLAIN[action]}</p> : null}
      {action === 'ChangeOfferingCapacity' ? (
        <TextField
          label="Seats"
          type="number"
          {...form.bind('capacity')}
          required
          hint={`${formatNumber(offering.seatsTaken, 0)} taken; raising it gives seats to the waitlist in order.`}
        />
      ) : null}
      {action === 'CancelOffering' ? (
        <TextField
          label="Reason"
          {...form.bind('reason')}
          required
          multiline
          hint="Every participant is told."
        />
      ) : null}
      {form.stale ? (
        <p className="error">The offering changed since you opened it: reload the page.</p>
      ) : null}
      <FormFooter form={form} submit={ACTION_LABELS[action]} busyLabel="Saving…">
        <button type="button" onClick={props.onCancel} disabled={form.busy}>
          Close
        </button>
      </FormFooter>
    </form>
  );
}
