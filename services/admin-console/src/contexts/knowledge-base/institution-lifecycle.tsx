// The status changes of a finance institution, for users who may write
// records: only those its status allows (the knowledge base's transition
// table, @sfp/contracts, by which its institution decider refuses the rest),
// a reason where the knowledge base asks for one, and the API's field
// messages beside the field.
import {
  INSTITUTION_STATUS_CHANGES_WITH_REASON,
  INSTITUTION_STATUSES,
  institutionStatusChangesAllowedIn,
  type InstitutionStatus,
  type InstitutionStatusChange,
} from '@sfp/contracts';
import { ActionPicker } from '../../components/action-picker';
import { TextField } from '../../components/fields';
import { FormFooter } from '../../components/form-layout';
import { useCommandForm } from '../../components/use-command-form';
import { KNOWLEDGE_BASE_KEY, knowledgeBaseCommands } from './knowledge-base.api';

const ACTION_LABELS: Record<InstitutionStatusChange, string> = {
  ActivateInstitution: 'Activate',
  SuspendInstitution: 'Suspend',
  ReinstateInstitution: 'Reinstate',
  CloseInstitution: 'Close',
};

const DONE: Record<InstitutionStatusChange, string> = {
  ActivateInstitution: 'Institution activated: performance reports can be filed.',
  SuspendInstitution: 'Institution suspended: no report can be filed until it is reinstated.',
  ReinstateInstitution: 'Institution reinstated.',
  CloseInstitution: 'Institution closed.',
};

/** Suspending and closing need a reason; it goes into the institution's history. */
const NEEDS_REASON: ReadonlySet<InstitutionStatusChange> = new Set(
  INSTITUTION_STATUS_CHANGES_WITH_REASON,
);

const isInstitutionStatus = (status: string): status is InstitutionStatus =>
  (INSTITUTION_STATUSES as readonly string[]).includes(status);

export function InstitutionLifecycle(props: {
  institutionId: string;
  name: string;
  status: string;
  onDone: (what: string) => void;
}) {
  return (
    <ActionPicker
      label="Status changes this status allows"
      allowed={
        isInstitutionStatus(props.status) ? institutionStatusChangesAllowedIn(props.status) : []
      }
      labels={ACTION_LABELS}
      none={`No status change: the institution is ${props.status}.`}
    >
      {(action, close) => (
        <StatusChangeForm
          key={`${action}-${props.status}`}
          action={action}
          institutionId={props.institutionId}
          name={props.name}
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

function StatusChangeForm(props: {
  action: InstitutionStatusChange;
  institutionId: string;
  name: string;
  onCancel: () => void;
  onDone: (what: string) => void;
}) {
  const { action } = props;
  const needsReason = NEEDS_REASON.has(action);
  const form = useCommandForm({
    initial: { reason: '' },
    invalidates: [KNOWLEDGE_BASE_KEY],
    send: (v) =>
      knowledgeBaseCommands.changeStatus(
        props.institutionId,
        action,
        needsReason ? { reason: v.reason } : {},
      ),
    onSuccess: () => props.onDone(DONE[action]),
  });
  return (
    <form
      className="panel"
      aria-label={`${ACTION_LABELS[action]} ${props.name}`}
      onSubmit={form.onSubmit}
      noValidate
    >
      {needsReason ? (
        <TextField
          label="Reason"
          {...form.bind('reason')}
          required
          multiline
          hint="Kept in the institution's history."
        />
      ) : null}
      <FormFooter form={form} submit={ACTION_LABELS[action]} busyLabel="Saving…">
        <button type="button" onClick={props.onCancel} disabled={form.busy}>
          Cancel
        </button>
      </FormFooter>
    </form>
  );
}
