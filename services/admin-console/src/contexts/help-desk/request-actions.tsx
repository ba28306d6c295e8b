// The commands a request's status allows (the help desk's transition table,
// @sfp/contracts, by which its decider refuses the rest with 409): the buttons
// offer exactly what the API accepts. Each is sent with the version the page
// shows as If-Match, so an edit on a request someone changed meanwhile is
// refused and said so.
import type { ReactNode } from 'react';
import {
  CANCELLED_BY,
  PRIORITIES,
  REFERRAL_TARGETS,
  requestCommandsAllowedIn,
  type RequestCommandType,
} from '@sfp/contracts';
import { ActionPicker } from '../../components/action-picker';
import { SelectField, textFieldsOf } from '../../components/fields';
import { FormFooter } from '../../components/form-layout';
import { label } from '../../components/format';
import { useCommandForm, type CommandForm } from '../../components/use-command-form';
import {
  HELP_DESK_KEY,
  helpDeskCommands,
  type RequestCommandBodies,
  type RequestDetail,
} from './help-desk.api';
import { AssigneePicker } from './assignee-picker';
import { ClassificationFields } from './classification-fields';

const ACTION_LABELS: Record<RequestCommandType, string> = {
  TriageServiceRequest: 'Triage',
  AssignServiceRequest: 'Assign',
  StartWorkOnServiceRequest: 'Start work',
  ReferServiceRequest: 'Refer',
  ResolveServiceRequest: 'Resolve',
  CloseServiceRequest: 'Close',
  ReopenServiceRequest: 'Reopen',
  CancelServiceRequest: 'Cancel request',
  CommentOnServiceRequest: 'Comment',
};

/** An internal note by default; a public reply is mailed to the requester and shown on their page. */
const COMMENT_VISIBILITIES = ['internal', 'public'] as const;
const COMMENT_VISIBILITY_LABELS: Record<(typeof COMMENT_VISIBILITIES)[number], string> = {
  internal: 'Internal note (staff only)',
  public: 'Public reply (mailed to the requester)',
};

export function RequestActions(props: {
  request: RequestDetail;
  onDone: (what: string) => void;
  onStale: () => void;
}) {
  const { request } = props;
  return (
    <ActionPicker
      label="Actions this status allows"
      allowed={requestCommandsAllowedIn(request.status)}
      labels={ACTION_LABELS}
      none={`No action: this request is ${label(request.status).toLowerCase()}.`}
    >
      {(action, close) => (
        <ActionForm
          key={`${action}-${request.streamVersion}`}
          action={action}
          request={request}
          onCancel={close}
          onDone={(what) => {
            close();
            props.onDone(what);
          }}
          onStale={props.onStale}
        />
      )}
    </ActionPicker>
  );
}

/** Every action's values: a form opens with the request's own classification. */
function initialValues(request: RequestDetail) {
  return {
    kind: request.kind,
    globalInitiative: request.globalInitiative ?? ('' as const),
    themes: request.themes,
    priority: request.priority,
    note: '',
    assignee: '',
    target: 'external-body' as RequestCommandBodies['ReferServiceRequest']['target'],
    referredTo: '',
    reason: '',
    answer: '',
    outputs: '',
    cancelledBy: 'operator' as RequestCommandBodies['CancelServiceRequest']['cancelledBy'],
    text: '',
    visibility: 'internal' as RequestCommandBodies['CommentOnServiceRequest']['visibility'],
  };
}
type ActionValues = ReturnType<typeof initialValues>;

function bodyOf(
  action: RequestCommandType,
  v: ActionValues,
): RequestCommandBodies[RequestCommandType] {
  switch (action) {
    case 'TriageServiceRequest':
      return {
        kind: v.kind,
        themes: v.themes,
        priority: v.priority,
        ...(v.kind === 'global-initiative-coordination' && v.globalInitiative
          ? { globalInitiative: v.globalInitiative }
          : {}),
        ...(v.note ? { note: v.note } : {}),
      };
    case 'AssignServiceRequest':
      return { assignee: v.assignee };
    case 'ReferServiceRequest':
      return { target: v.target, referredTo: v.referredTo, reason: v.reason };
    case 'ResolveServiceRequest':
      return {
        answer: v.answer,
        outputs: v.outputs
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean),
      };
    case 'ReopenServiceRequest':
      return { reason: v.reason };
    case 'CancelServiceRequest':
      return { reason: v.reason, cancelledBy: v.cancelledBy };
    case 'CommentOnServiceRequest':
      return { text: v.text, visibility: v.visibility };
    case 'StartWorkOnServiceRequest':
    case 'CloseServiceRequest':
      return {};
  }
}

function ActionForm(props: {
  action: RequestCommandType;
  request: RequestDetail;
  onCancel: () => void;
  onDone: (what: string) => void;
  onStale: () => void;
}) {
  const { action, request } = props;
  const form = useCommandForm({
    initial: initialValues(request),
    version: request.streamVersion,
    invalidates: [HELP_DESK_KEY],
    send: (values, ifMatch) =>
      helpDeskCommands.give(request.requestId, action, bodyOf(action, values), ifMatch),
    onSuccess: () => props.onDone(`${ACTION_LABELS[action]}: done.`),
  });
  return (
    <form className="panel" onSubmit={form.onSubmit} aria-label={ACTION_LABELS[action]} noValidate>
      <h3>{ACTION_LABELS[action]}</h3>
      <ActionFields action={action} form={form} requestId={request.requestId} />
      <FormFooter
        form={form}
        submit={`Confirm: ${ACTION_LABELS[action].toLowerCase()}`}
        busyLabel="Saving…"
        errors={form.stale ? <StaleVersion onReload={props.onStale} /> : undefined}
      >
        <button type="button" onClick={props.onCancel}>
          Back
        </button>
      </FormFooter>
    </form>
  );
}

function StaleVersion({ onReload }: { onReload: () => void }) {
  return (
    <div className="error" role="alert">
      <strong>Someone changed this request since you opened it.</strong> Reload it to see what
      changed, then try again.{' '}
      <button type="button" onClick={onReload}>
        Reload the request
      </button>
    </div>
  );
}

function ActionFields({
  action,
  form,
  requestId,
}: {
  action: RequestCommandType;
  form: CommandForm<ActionValues>;
  requestId: string;
}): ReactNode {
  const { bind } = form;
  const text = textFieldsOf<
    'note' | 'assignee' | 'referredTo' | 'reason' | 'answer' | 'outputs' | 'text'
  >(bind, true);
  switch (action) {
    case 'TriageServiceRequest':
      return (
        <>
          <ClassificationFields
            kind={bind('kind')}
            globalInitiative={bind('globalInitiative')}
            themes={bind('themes')}
          />
          <SelectField label="Priority" {...bind('priority')} options={PRIORITIES} />
          {text('note', 'Note (optional)', { multiline: true, required: false })}
        </>
      );
    case 'AssignServiceRequest':
      return <AssigneePicker requestId={requestId} field={bind('assignee')} />;
    case 'ReferServiceRequest':
      return (
        <>
          <SelectField label="Refer to" {...bind('target')} options={REFERRAL_TARGETS} />
          {text('referredTo', 'Unit or body')}
          {text('reason', 'Reason', { multiline: true })}
        </>
      );
    case 'ResolveServiceRequest':
      return (
        <>
          {text('answer', 'Answer', { multiline: true })}
          {text('outputs', 'Outputs (one a line)', {
            multiline: true,
            required: false,
            hint: 'Documents or tools sent, one a line',
          })}
        </>
      );
    case 'ReopenServiceRequest':
      return text('reason', 'Why reopen it', { multiline: true });
    case 'CancelServiceRequest':
      return (
        <>
          {text('reason', 'Reason', { multiline: true })}
          <SelectField
            label="Cancelled at the request of"
            {...bind('cancelledBy')}
            options={CANCELLED_BY}
          />
        </>
      );
    case 'CommentOnServiceRequest':
      return (
        <>
          <SelectField
            label="Who reads it"
            {...bind('visibility')}
            options={COMMENT_VISIBILITIES}
            format={(v) => COMMENT_VISIBILITY_LABELS[v]}
          />
          {text('text', 'Comment', { multiline: true })}
        </>
      );
    case 'StartWorkOnServiceRequest':
      return <p>Record that work on this request has started.</p>;
    case 'CloseServiceRequest':
      return <p>Close this resolved request. It can still be reopened within the reopen window.</p>;
  }
}
