// Saved replies per theme: the help-desk leads write them here; operators
// apply one to a request from its page (MacroReply), as a public reply or an
// internal note as the macro says.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { THEMES, type Macro } from '@sfp/contracts';
import { useCommand } from '../../api/query';
import { Empty, ErrorMessage, Notice, QueryState } from '../../components/feedback';
import { SelectField, TextField } from '../../components/fields';
import { FormFooter } from '../../components/form-layout';
import { formatDateTime, label } from '../../components/format';
import { ListTable } from '../../components/table';
import { useCommandForm } from '../../components/use-command-form';
import { useAuth } from '../../session';
import { HELP_DESK_KEY, type RequestDetail } from './help-desk.api';
import { macroCommands, macroQueries } from './macros.api';

const VISIBILITIES = ['public', 'internal'] as const;
const VISIBILITY_LABELS: Record<Macro['visibility'], string> = {
  public: 'Public reply (the requester reads it)',
  internal: 'Internal note (staff only)',
};

export function MacrosPage() {
  const { can } = useAuth();
  const macros = useQuery(macroQueries.list());
  const [editing, setEditing] = useState<Macro | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const remove = useCommand((macro: Macro) => macroCommands.remove(macro), {
    invalidates: [HELP_DESK_KEY],
    onSuccess: (_result, macro) => setNotice(`Deleted “${macro.title}”.`),
  });
  return (
    <main id="main">
      <h1>Macros</h1>
      <p>
        Saved replies per theme. Help-desk leads (team leads and administrators) write them;
        operators apply one to a request from its page.
      </p>
      {notice ? <Notice>{notice}</Notice> : null}
      <QueryState query={macros} what="Loading the macros" />
      <ErrorMessage error={remove.error} title="The macro was not deleted." />
      {macros.data?.length === 0 ? <Empty>No macro yet.</Empty> : null}
      {macros.data?.length ? (
        <ListTable
          label="Macros"
          columns={['Theme', 'Title', 'Text', 'Applied as', 'Last edited', '']}
          busy={macros.isFetching}
        >
          {macros.data.map((macro) => (
            <tr key={macro.macroId}>
              <td>{label(macro.theme)}</td>
              <td>{macro.title}</td>
              <td className="prose">{macro.text}</td>
              <td>{macro.visibility === 'public' ? 'Public reply' : 'Internal note'}</td>
              <td>
                {formatDateTime(macro.updatedAt)}
                <div className="sub">by {macro.updatedBy}</div>
              </td>
              <td>
                {can('records:write') ? (
                  <>
                    <button type="button" onClick={() => setEditing(macro)}>
                      Edit <span className="visually-hidden">{macro.title}</span>
                    </button>{' '}
                    <button type="button" onClick={() => remove.run(macro)} disabled={remove.busy}>
                      Delete <span className="visually-hidden">{macro.title}</span>
                    </button>
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </ListTable>
      ) : null}
      {can('records:write') ? (
        <MacroForm
          key={editing?.macroId ?? 'new'}
          macro={editing}
          onDone={(what) => {
            setEditing(null);
            setNotice(what);
          }}
          onCancel={() => setEditing(null)}
        />
      ) : null}
    </main>
  );
}

function MacroForm(props: {
  macro: Macro | null;
  onDone: (what: string) => void;
  onCancel: () => void;
}) {
  const { macro } = props;
  const form = useCommandForm({
    initial: {
      theme: (macro?.theme ?? '') as (typeof THEMES)[number] | '',
      title: macro?.title ?? '',
      text: macro?.text ?? '',
      visibility: (macro?.visibility ?? 'public') as Macro['visibility'],
    },
    invalidates: [HELP_DESK_KEY],
    resetOnSuccess: true,
    fields: ['theme', 'title', 'text', 'visibility'],
    send: ({ theme, ...draft }) =>
      macro ? macroCommands.edit(macro, draft) : macroCommands.create(theme, draft),
    onSuccess: (saved) => props.onDone(`Saved “${saved.title}”.`),
  });
  const title = macro ? `Edit “${macro.title}”` : 'New macro';
  return (
    <form className="panel" onSubmit={form.onSubmit} aria-label={title} noValidate>
      <h2>{title}</h2>
      {macro ? (
        <p>Theme: {label(macro.theme)}</p>
      ) : (
        <SelectField label="Theme" {...form.bind('theme')} options={THEMES} emptyLabel="Choose…" />
      )}
      <TextField label="Title" {...form.bind('title')} required maxLength={120} />
      <TextField label="Text" {...form.bind('text')} required multiline maxLength={5000} />
      <SelectField
        label="Applied as"
        {...form.bind('visibility')}
        options={VISIBILITIES}
        format={(v) => VISIBILITY_LABELS[v]}
      />
      <FormFooter
        form={form}
        submit={macro ? 'Save the macro' : 'Add the macro'}
        busyLabel="Saving…"
      >
        {macro ? (
          <button type="button" onClick={props.onCancel}>
            Back
          </button>
        ) : null}
      </FormFooter>
    </form>
  );
}

/** On a request's page: reply with one of the saved replies of its themes. */
export function MacroReply({
  request,
  onDone,
}: {
  request: Pick<RequestDetail, 'requestId' | 'themes'>;
  onDone: (what: string) => void;
}) {
  const macros = useQuery(macroQueries.list());
  const themes: readonly string[] = request.themes;
  const mine = (macros.data ?? []).filter((m) => themes.includes(m.theme));
  const [chosen, setChosen] = useState('');
  const apply = useCommand((macro: Macro) => macroCommands.apply(request.requestId, macro), {
    invalidates: [HELP_DESK_KEY],
    onSuccess: (_result, macro) => {
      setChosen('');
      onDone(
        `Replied with “${macro.title}” (${macro.visibility === 'public' ? 'public reply' : 'internal note'}).`,
      );
    },
  });
  if (!mine.length) return null;
  const macro = mine.find((m) => m.macroId === chosen);
  return (
    <form
      className="panel"
      aria-label="Reply with a macro"
      onSubmit={(event) => {
        event.preventDefault();
        if (macro) apply.run(macro);
      }}
    >
      <h3>Reply with a macro</h3>
      <SelectField
        label="Macro"
        name="macroId"
        value={chosen}
        onChange={setChosen}
        options={mine.map((m) => m.macroId)}
        emptyLabel="Choose a saved reply…"
        format={(id) => {
          const m = mine.find((x) => x.macroId === id);
          return m
            ? `${m.title} (${label(m.theme)}, ${m.visibility === 'public' ? 'public reply' : 'internal note'})`
            : id;
        }}
      />
      {macro ? <p className="prose">{macro.text}</p> : null}
      <ErrorMessage error={apply.error} title="The macro was not applied." />
      <div className="actions">
        <button type="submit" className="primary" disabled={!macro || apply.busy}>
          Apply the macro
        </button>
      </div>
    </form>
  );
}
