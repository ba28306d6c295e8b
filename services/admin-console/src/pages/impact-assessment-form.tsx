import { useState, type FormEvent } from 'react';
import { ASSESSMENT_STATUSES, DESIGNS, FINDINGS, LIBRARY_THEMES, OUTCOMES } from '@sfp/contracts';
import { ApiError, post } from '../api/client';
import { label } from '../api/types';
import { listOf, numberOf } from '../components/form-values';
import { CheckboxGroup, FormErrors, SelectField, TextField } from '../components/ui';
import { Link, useNavigate } from 'react-router';
import { href } from '../routing/paths';

interface OutcomeRow {
  outcome: string;
  estimator: string;
  effectSize: string;
  finding: string;
}

const emptyOutcome = (): OutcomeRow => ({
  outcome: 'income',
  estimator: '',
  effectSize: '',
  finding: 'positive',
});

/**
 * Records an impact assessment in the knowledge base's library
 * (records:write): what was studied, by whom and where, its design and
 * sample, and its findings, null and negative ones included. The API's field
 * messages, and the knowledge base's own rules (an RCT names its unit of
 * randomisation), show beside their fields.
 */
export function NewImpactAssessmentPage() {
  const navigate = useNavigate();
  const [values, setValues] = useState({
    title: '',
    summary: '',
    tags: '',
    investigators: '',
    country: '',
    status: 'completed',
    method: 'rct',
    unitOfRandomisation: '',
    clusters: '',
    planned: '',
    achieved: '',
  });
  const [themes, setThemes] = useState<string[]>([]);
  const [outcomes, setOutcomes] = useState<OutcomeRow[]>([emptyOutcome()]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (name: keyof typeof values) => (value: string) =>
    setValues((v) => ({ ...v, [name]: value }));
  const setOutcome = (index: number, name: keyof OutcomeRow) => (value: string) =>
    setOutcomes((rows) => rows.map((row, i) => (i === index ? { ...row, [name]: value } : row)));
  const errors = error instanceof ApiError ? error : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const clusters = numberOf(values.clusters);
    const planned = numberOf(values.planned);
    const achieved = numberOf(values.achieved);
    try {
      await post('/api/knowledge-base/impact-assessments', {
        title: values.title,
        summary: values.summary,
        themes,
        tags: listOf(values.tags),
        investigators: listOf(values.investigators),
        country: values.country.trim().toUpperCase(),
        status: values.status,
        design: {
          method: values.method,
          ...(values.method === 'rct' && values.unitOfRandomisation.trim()
            ? { unitOfRandomisation: values.unitOfRandomisation.trim() }
            : {}),
          ...(values.method === 'rct' && clusters !== undefined ? { clusters } : {}),
        },
        sample: {
          ...(planned !== undefined ? { planned } : {}),
          ...(achieved !== undefined ? { achieved } : {}),
        },
        surveyRounds: [],
        outcomes: outcomes.map((row) => ({
          outcome: row.outcome,
          estimator: row.estimator,
          effectSize: numberOf(row.effectSize),
          finding: row.finding,
        })),
        links: [],
      });
      navigate(href('library', { q: values.title, published: 'impact-assessment' }));
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  const text = (
    name: keyof typeof values,
    fieldLabel: string,
    extra: {
      field?: string;
      hint?: string;
      type?: string;
      multiline?: boolean;
      required?: boolean;
    } = {},
  ) => (
    <TextField
      label={fieldLabel}
      name={extra.field ?? name}
      value={values[name]}
      onChange={set(name)}
      errors={errors}
      required={extra.required ?? false}
      hint={extra.hint}
      type={extra.type}
      multiline={extra.multiline}
    />
  );

  const outcomeFields = outcomes.flatMap((_, i) =>
    (['outcome', 'estimator', 'effectSize', 'finding'] as const).map((f) => `outcomes.${i}.${f}`),
  );

  return (
    <main id="main">
      <p>
        <Link to={href('library')}>← Library</Link>
      </p>
      <h1>Record an impact assessment</h1>
      <form className="panel" aria-label="Impact assessment" onSubmit={submit} noValidate>
        {text('title', 'Title', { required: true, hint: '3 to 300 characters.' })}
        {text('summary', 'Summary', { required: true, multiline: true })}
        <CheckboxGroup
          legend="Themes"
          name="themes"
          options={LIBRARY_THEMES}
          value={themes}
          onChange={setThemes}
          errors={errors}
          format={label}
        />
        {text('tags', 'Tags', { hint: 'Separated by commas; letters, digits, spaces or -.' })}
        {text('investigators', 'Investigators', { hint: 'Separated by commas.' })}
        {text('country', 'Country', { required: true, hint: 'ISO 3166-1 alpha-2, e.g. GH.' })}
        <SelectField
          label="Status"
          name="status"
          value={values.status}
          onChange={set('status')}
          options={ASSESSMENT_STATUSES}
          format={label}
          errors={errors}
        />
        <fieldset className="field">
          <legend>Design</legend>
          <SelectField
            label="Method"
            name="design.method"
            value={values.method}
            onChange={set('method')}
            options={DESIGNS}
            format={label}
            errors={errors}
          />
          {values.method === 'rct' ? (
            <>
              {text('unitOfRandomisation', 'Unit of randomisation', {
                field: 'design.unitOfRandomisation',
                required: true,
                hint: 'e.g. village, branch, borrower group.',
              })}
              {text('clusters', 'Clusters', { field: 'design.clusters', type: 'number' })}
            </>
          ) : null}
        </fieldset>
        <fieldset className="field">
          <legend>Sample</legend>
          {text('planned', 'Planned', { field: 'sample.planned', type: 'number' })}
          {text('achieved', 'Achieved', { field: 'sample.achieved', type: 'number' })}
        </fieldset>
        {outcomes.map((row, i) => (
          <fieldset className="field" key={i} aria-label={`Finding ${i + 1}`}>
            <legend>Finding {i + 1}</legend>
            <SelectField
              label="Outcome"
              name={`outcomes.${i}.outcome`}
              value={row.outcome}
              onChange={setOutcome(i, 'outcome')}
              options={OUTCOMES}
              format={label}
              errors={errors}
            />
            <TextField
              label="Estimator"
              name={`outcomes.${i}.estimator`}
              value={row.estimator}
              onChange={setOutcome(i, 'estimator')}
              errors={errors}
              required
              hint="e.g. ITT, ATT, LATE."
            />
            <TextField
              label="Effect size"
              name={`outcomes.${i}.effectSize`}
              type="number"
              value={row.effectSize}
              onChange={setOutcome(i, 'effectSize')}
              errors={errors}
              required
            />
            <SelectField
              label="Finding"
              name={`outcomes.${i}.finding`}
              value={row.finding}
              onChange={setOutcome(i, 'finding')}
              options={FINDINGS}
              format={label}
              errors={errors}
            />
            <button
              type="button"
              onClick={() => setOutcomes((rows) => rows.filter((_, j) => j !== i))}
            >
              Remove finding {i + 1}
            </button>
          </fieldset>
        ))}
        <p>
          <button type="button" onClick={() => setOutcomes((rows) => [...rows, emptyOutcome()])}>
            Add a finding
          </button>
        </p>
        <FormErrors
          error={error}
          fields={[
            'title',
            'summary',
            'themes',
            'tags',
            'investigators',
            'country',
            'status',
            'design.method',
            'design.unitOfRandomisation',
            'design.clusters',
            'sample.planned',
            'sample.achieved',
            ...outcomeFields,
          ]}
        />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Recording…' : 'Record the assessment'}
          </button>
        </div>
      </form>
    </main>
  );
}
