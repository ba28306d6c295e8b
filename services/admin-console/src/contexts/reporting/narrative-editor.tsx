// A section's narrative: what an operator wrote about it (kept as events by
// reporting, so the report as of a date shows it as it stood), and the form
// that writes it.
import { useState } from 'react';
import { TextField } from '../../components/fields';
import { FormFooter } from '../../components/form-layout';
import { Notice } from '../../components/feedback';
import { formatDateTime } from '../../components/format';
import { useCommandForm } from '../../components/use-command-form';
import { useAuth } from '../../session';
import { REPORTING_KEY, reportingCommands, type Narrative } from './reporting.api';

export function narrativeOf(n: Narrative | string | null | undefined): Narrative | undefined {
  if (!n) return undefined;
  return typeof n === 'string' ? { text: n } : n;
}

export function NarrativeEditor(props: {
  period: string;
  fn: string;
  title: string;
  narrative: Narrative | undefined;
  /** A report as of a past instant, or a submitted one: read only. */
  readOnly?: boolean;
}) {
  const { can } = useAuth();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const form = useCommandForm({
    initial: { text: props.narrative?.text ?? '' },
    send: (values) => reportingCommands.writeNarrative(props.period, props.fn, values.text),
    invalidates: [REPORTING_KEY],
    onSuccess: () => {
      setEditing(false);
      setSaved(true);
    },
  });
  const n = props.narrative;
  return (
    <div className="narrative" aria-label={`Narrative: ${props.title}`} role="group">
      <h4>Narrative</h4>
      {n?.text ? (
        <>
          <p className="narrative-text">{n.text}</p>
          {n.author || n.writtenAt ? (
            <p className="sub">
              Written{n.author ? ` by ${n.author}` : ''}
              {n.writtenAt ? `, ${formatDateTime(n.writtenAt)}` : ''}
            </p>
          ) : null}
        </>
      ) : (
        <p className="empty">No narrative written for this section yet.</p>
      )}
      {saved && !editing ? <Notice>Narrative saved.</Notice> : null}
      {props.readOnly || !can('reports:read') ? null : editing ? (
        <form
          onSubmit={form.onSubmit}
          noValidate
          aria-label={`Write the narrative: ${props.title}`}
        >
          <TextField label="Narrative" multiline {...form.bind('text')} maxLength={20_000} />
          <FormFooter form={form} submit="Save the narrative" busyLabel="Saving…">
            <button type="button" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </FormFooter>
        </form>
      ) : (
        <button
          type="button"
          onClick={() => {
            form.set('text', n?.text ?? '');
            setSaved(false);
            setEditing(true);
          }}
        >
          {n?.text ? 'Edit the narrative' : 'Write the narrative'}
        </button>
      )}
    </div>
  );
}
