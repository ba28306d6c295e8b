import { useState, type FormEvent } from 'react';
import {
  INSTITUTION_STATUS_CHANGE_ACTIONS,
  INSTITUTION_STATUS_CHANGES_WITH_REASON,
  INSTITUTION_STATUSES,
  institutionStatusChangesAllowedIn,
  type InstitutionStatus,
  type InstitutionStatusChange,
} from '@sfp/contracts';
import { ApiError, post } from '../api/client';
import { ActionButtons, FormErrors, TextField } from '../components/ui';

/**
 * A status change. Which ones a status allows is the knowledge base's
 * transition table (@sfp/contracts), by which its institution decider refuses
 * the rest: the buttons offer exactly what the API accepts.
 */
type LifecycleAction = InstitutionStatusChange;

const ACTION_LABELS: Record<LifecycleAction, string> = {
  ActivateInstitution: 'Activate',
  SuspendInstitution: 'Suspend',
  ReinstateInstitution: 'Reinstate',
  CloseInstitution: 'Close',
};

const DONE: Record<LifecycleAction, string> = {
  ActivateInstitution: 'Institution activated: performance reports can be filed.',
  SuspendInstitution: 'Institution suspended: no report can be filed until it is reinstated.',
  ReinstateInstitution: 'Institution reinstated.',
  CloseInstitution: 'Institution closed.',
};

/** Suspending and closing need a reason; it goes into the institution's history. */
const NEEDS_REASON: ReadonlySet<LifecycleAction> = new Set(INSTITUTION_STATUS_CHANGES_WITH_REASON);

/**
 * The status changes of a finance institution, for users who may write
 * records: only the actions its status allows, a reason where the knowledge
 * base asks for one, and the API's field messages beside the field.
 */
export function InstitutionLifecycle(props: {
  institutionId: string;
  name: string;
  status: string;
  onDone: (what: string) => void;
}) {
  const allowed = isInstitutionStatus(props.status)
    ? institutionStatusChangesAllowedIn(props.status)
    : [];
  const [open, setOpen] = useState<LifecycleAction | null>(null);
  if (allowed.length === 0)
    return <p className="empty">No status change: the institution is {props.status}.</p>;
  const current = open && allowed.includes(open) ? open : null;
  return (
    <div>
      <ActionButtons
        label="Status changes this status allows"
        actions={allowed}
        labels={ACTION_LABELS}
        open={current}
        onToggle={setOpen}
      />
      {current ? (
        <LifecycleForm
          key={`${current}-${props.status}`}
          action={current}
          institutionId={props.institutionId}
          name={props.name}
          onCancel={() => setOpen(null)}
          onDone={(what) => {
            setOpen(null);
            props.onDone(what);
          }}
        />
      ) : null}
    </div>
  );
}

function LifecycleForm(props: {
  action: LifecycleAction;
  institutionId: string;
  name: string;
  onCancel: () => void;
  onDone: (what: string) => void;
}) {
  const { action } = props;
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const needsReason = NEEDS_REASON.has(action);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await post(
        `/api/knowledge-base/institutions/${props.institutionId}/${INSTITUTION_STATUS_CHANGE_ACTIONS[action]}`,
        needsReason ? { reason } : {},
      );
      props.onDone(DONE[action]);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <form
      className="panel"
      aria-label={`${ACTION_LABELS[action]} ${props.name}`}
      onSubmit={submit}
      noValidate
    >
      {needsReason ? (
        <TextField
          label="Reason"
          name="reason"
          value={reason}
          onChange={setReason}
          errors={error instanceof ApiError ? error : null}
          required
          multiline
          hint="Kept in the institution's history."
        />
      ) : null}
      <FormErrors error={error} fields={needsReason ? ['reason'] : []} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Saving…' : ACTION_LABELS[action]}
        </button>
        <button type="button" onClick={props.onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function isInstitutionStatus(status: string): status is InstitutionStatus {
  return (INSTITUTION_STATUSES as readonly string[]).includes(status);
}
