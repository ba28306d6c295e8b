import { useState, type FormEvent } from 'react';
import { LIBRARY_THEMES, PRACTICE_KINDS } from '@sfp/contracts';
import { ApiError, post } from '../api/client';
import { label } from '../api/types';
import { listOf } from '../components/form-values';
import { CheckboxGroup, FormErrors, SelectField, TextField } from '../components/ui';
import { Link, useNavigate } from 'react-router';
import { href } from '../routing/paths';

const FIELDS = ['title', 'summary', 'practiceKind', 'themes', 'tags', 'body'] as const;

/**
 * Writes a practice note for the knowledge base's library (records:write): a
 * good or bad practice, or a lesson, with its themes and tags. The API's field
 * messages show beside their fields; once published, the library opens on a
 * search for its title, which waits until the search index has it.
 */
export function NewPracticeNotePage() {
  const navigate = useNavigate();
  const [values, setValues] = useState({
    title: '',
    summary: '',
    practiceKind: 'good-practice',
    tags: '',
    body: '',
  });
  const [themes, setThemes] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (name: keyof typeof values) => (value: string) =>
    setValues((v) => ({ ...v, [name]: value }));
  const errors = error instanceof ApiError ? error : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await post('/api/knowledge-base/practice-notes', {
        title: values.title,
        summary: values.summary,
        practiceKind: values.practiceKind,
        themes,
        tags: listOf(values.tags),
        ...(values.body.trim() ? { body: values.body } : {}),
        institutionIds: [],
        assessmentIds: [],
      });
      navigate(href('library', { q: values.title, published: 'practice-note' }));
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <main id="main">
      <p>
        <Link to={href('library')}>← Library</Link>
      </p>
      <h1>Write a practice note</h1>
      <form className="panel" aria-label="Practice note" onSubmit={submit} noValidate>
        <TextField
          label="Title"
          name="title"
          value={values.title}
          onChange={set('title')}
          errors={errors}
          required
          hint="3 to 300 characters."
        />
        <TextField
          label="Summary"
          name="summary"
          value={values.summary}
          onChange={set('summary')}
          errors={errors}
          required
          multiline
        />
        <SelectField
          label="Kind"
          name="practiceKind"
          value={values.practiceKind}
          onChange={set('practiceKind')}
          options={PRACTICE_KINDS}
          format={label}
          errors={errors}
        />
        <CheckboxGroup
          legend="Themes"
          name="themes"
          options={LIBRARY_THEMES}
          value={themes}
          onChange={setThemes}
          errors={errors}
          format={label}
        />
        <TextField
          label="Tags"
          name="tags"
          value={values.tags}
          onChange={set('tags')}
          errors={errors}
          hint="Separated by commas; letters, digits, spaces or -."
        />
        <TextField
          label="Text"
          name="body"
          value={values.body}
          onChange={set('body')}
          errors={errors}
          multiline
          hint="Optional: the note in full."
        />
        <FormErrors error={error} fields={FIELDS} />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Publishing…' : 'Publish the note'}
          </button>
        </div>
      </form>
    </main>
  );
}
