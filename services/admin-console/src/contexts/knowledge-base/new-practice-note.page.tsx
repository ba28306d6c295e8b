import {
  LIBRARY_THEMES,
  PRACTICE_KINDS,
  type LibraryTheme,
  type PracticeKind,
} from '@sfp/contracts';
import { CheckboxGroup, SelectField, TextField } from '../../components/fields';
import { FormFooter } from '../../components/form-layout';
import { listOf } from '../../components/form-values';
import { BackLink } from '../../routing/back-link';
import { href } from '../../routing/paths';
import { knowledgeBaseCommands } from './knowledge-base.api';
import { useKnowledgeBaseForm } from './use-knowledge-base-form';

/**
 * Writes a practice note for the knowledge base's library (records:write): a
 * good or bad practice, or a lesson, with its themes and tags. The API's field
 * messages show beside their fields; once published, the library opens on a
 * search for its title, which waits until the search index has it.
 */
export function NewPracticeNotePage() {
  const form = useKnowledgeBaseForm({
    initial: {
      title: '',
      summary: '',
      practiceKind: 'good-practice' as PracticeKind,
      themes: [] as LibraryTheme[],
      tags: '',
      body: '',
    },
    send: (v) =>
      knowledgeBaseCommands.publishPracticeNote({
        title: v.title,
        summary: v.summary,
        practiceKind: v.practiceKind,
        themes: v.themes,
        tags: listOf(v.tags),
        ...(v.body.trim() ? { body: v.body } : {}),
        institutionIds: [],
        assessmentIds: [],
      }),
    opens: (_result, v) => href('library', { q: v.title, published: 'practice-note' }),
  });
  const { bind } = form;
  return (
    <main id="main">
      <BackLink to={href('library')}>Library</BackLink>
      <h1>Write a practice note</h1>
      <form className="panel" aria-label="Practice note" onSubmit={form.onSubmit} noValidate>
        <TextField label="Title" {...bind('title')} required hint="3 to 300 characters." />
        <TextField label="Summary" {...bind('summary')} required multiline />
        <SelectField label="Kind" {...bind('practiceKind')} options={PRACTICE_KINDS} />
        <CheckboxGroup legend="Themes" {...bind('themes')} options={LIBRARY_THEMES} />
        <TextField
          label="Tags"
          {...bind('tags')}
          hint="Separated by commas; letters, digits, spaces or -."
        />
        <TextField label="Text" {...bind('body')} multiline hint="Optional: the note in full." />
        <FormFooter form={form} submit="Publish the note" busyLabel="Publishing…" />
      </form>
    </main>
  );
}
