import {
  ASSESSMENT_STATUSES,
  DESIGNS,
  FINDINGS,
  LIBRARY_THEMES,
  OUTCOMES,
  type AssessmentStatus,
  type Design,
  type Finding,
  type LibraryTheme,
  type Outcome,
} from '@sfp/contracts';
import { CheckboxGroup, SelectField, TextField, textFieldsOf } from '../../components/fields';
import { FormFooter } from '../../components/form-layout';
import { listOf, numberOf } from '../../components/form-values';
import type { CommandForm } from '../../components/use-command-form';
import { BackLink } from '../../routing/back-link';
import { href } from '../../routing/paths';
import { knowledgeBaseCommands } from './knowledge-base.api';
import { useKnowledgeBaseForm } from './use-knowledge-base-form';

interface OutcomeRow {
  outcome: Outcome;
  estimator: string;
  effectSize: string;
  finding: Finding;
}

const emptyOutcome = (): OutcomeRow => ({
  outcome: 'income',
  estimator: '',
  effectSize: '',
  finding: 'positive',
});

const INITIAL = {
  title: '',
  summary: '',
  themes: [] as LibraryTheme[],
  tags: '',
  investigators: '',
  country: '',
  status: 'completed' as AssessmentStatus,
  'design.method': 'rct' as Design,
  'design.unitOfRandomisation': '',
  'design.clusters': '',
  'sample.planned': '',
  'sample.achieved': '',
  outcomes: [emptyOutcome()],
};
type Values = typeof INITIAL;
/** The fields typed as text. */
type TextKey = { [K in keyof Values]: Values[K] extends string ? K : never }[keyof Values];

/** The set numbers only: an empty box is left out. */
const some = <K extends string>(key: K, value: number | undefined) =>
  value === undefined ? {} : { [key]: value };

/**
 * Records an impact assessment in the knowledge base's library
 * (records:write): what was studied, by whom and where, its design and
 * sample, and its findings, null and negative ones included. The API's field
 * messages, and the knowledge base's own rules (an RCT names its unit of
 * randomisation), show beside their fields.
 */
export function NewImpactAssessmentPage() {
  const form = useKnowledgeBaseForm({
    initial: INITIAL,
    send: (v) => {
      const rct = v['design.method'] === 'rct';
      return knowledgeBaseCommands.recordImpactAssessment({
        title: v.title,
        summary: v.summary,
        themes: v.themes,
        tags: listOf(v.tags),
        investigators: listOf(v.investigators),
        country: v.country.trim().toUpperCase(),
        status: v.status,
        design: {
          method: v['design.method'],
          ...(rct && v['design.unitOfRandomisation'].trim()
            ? { unitOfRandomisation: v['design.unitOfRandomisation'].trim() }
            : {}),
          ...(rct ? some('clusters', numberOf(v['design.clusters'])) : {}),
        },
        sample: {
          ...some('planned', numberOf(v['sample.planned'])),
          ...some('achieved', numberOf(v['sample.achieved'])),
        },
        surveyRounds: [],
        outcomes: v.outcomes.map((row) => ({ ...row, effectSize: numberOf(row.effectSize) })),
        links: [],
      });
    },
    opens: (_result, v) => href('library', { q: v.title, published: 'impact-assessment' }),
  });
  const { bind, values } = form;
  const text = textFieldsOf<TextKey>(bind, false);
  const outcomeFields = values.outcomes.flatMap((_, i) =>
    (['outcome', 'estimator', 'effectSize', 'finding'] as const).map((f) => `outcomes.${i}.${f}`),
  );
  return (
    <main id="main">
      <BackLink to={href('library')}>Library</BackLink>
      <h1>Record an impact assessment</h1>
      <form className="panel" aria-label="Impact assessment" onSubmit={form.onSubmit} noValidate>
        {text('title', 'Title', { required: true, hint: '3 to 300 characters.' })}
        {text('summary', 'Summary', { required: true, multiline: true })}
        <CheckboxGroup legend="Themes" {...bind('themes')} options={LIBRARY_THEMES} />
        {text('tags', 'Tags', { hint: 'Separated by commas; letters, digits, spaces or -.' })}
        {text('investigators', 'Investigators', { hint: 'Separated by commas.' })}
        {text('country', 'Country', { required: true, hint: 'ISO 3166-1 alpha-2, e.g. GH.' })}
        <SelectField label="Status" {...bind('status')} options={ASSESSMENT_STATUSES} />
        <fieldset className="field">
          <legend>Design</legend>
          <SelectField label="Method" {...bind('design.method')} options={DESIGNS} />
          {values['design.method'] === 'rct' ? (
            <>
              {text('design.unitOfRandomisation', 'Unit of randomisation', {
                required: true,
                hint: 'e.g. village, branch, borrower group.',
              })}
              {text('design.clusters', 'Clusters', { type: 'number' })}
            </>
          ) : null}
        </fieldset>
        <fieldset className="field">
          <legend>Sample</legend>
          {text('sample.planned', 'Planned', { type: 'number' })}
          {text('sample.achieved', 'Achieved', { type: 'number' })}
        </fieldset>
        <Findings form={form} />
        <FormFooter
          form={{ ...form, fields: [...form.fields, ...outcomeFields] }}
          submit="Record the assessment"
          busyLabel="Recording…"
        />
      </form>
    </main>
  );
}

/** One fieldset per finding (outcome, estimator, effect size, sign); add or remove rows. */
function Findings({ form }: { form: CommandForm<Values> }) {
  const rows = form.values.outcomes;
  const setRows = (next: OutcomeRow[]) => form.set('outcomes', next);
  const cell = <K extends keyof OutcomeRow>(i: number, name: K) => ({
    name: `outcomes.${i}.${name}`,
    value: rows[i]?.[name] as OutcomeRow[K],
    onChange: (value: OutcomeRow[K]) =>
      setRows(rows.map((row, j) => (j === i ? { ...row, [name]: value } : row))),
    errors: form.errors,
  });
  return (
    <>
      {rows.map((_, i) => (
        <fieldset className="field" key={i} aria-label={`Finding ${i + 1}`}>
          <legend>Finding {i + 1}</legend>
          <SelectField label="Outcome" {...cell(i, 'outcome')} options={OUTCOMES} />
          <TextField
            label="Estimator"
            {...cell(i, 'estimator')}
            required
            hint="e.g. ITT, ATT, LATE."
          />
          <TextField label="Effect size" type="number" {...cell(i, 'effectSize')} required />
          <SelectField label="Finding" {...cell(i, 'finding')} options={FINDINGS} />
          <button type="button" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
            Remove finding {i + 1}
          </button>
        </fieldset>
      ))}
      <p>
        <button type="button" onClick={() => setRows([...rows, emptyOutcome()])}>
          Add a finding
        </button>
      </p>
    </>
  );
}
