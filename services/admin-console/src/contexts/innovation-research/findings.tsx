// A project's hypotheses, each with its finding (verdict, effect with unit,
// its 95 % interval, the survey round and the sample sizes), and the form that
// enters one: the effect with a standard error (the API computes the interval)
// or a 95 % confidence interval. A new finding on a hypothesis replaces the last.
import { FINDING_VERDICTS, type FindingVerdict, type ResearchProjectDetail } from '@sfp/contracts';
import { Badge, Empty } from '../../components/feedback';
import { SelectField, TextField } from '../../components/fields';
import { FormFooter, FormPanel } from '../../components/form-layout';
import { numberOf } from '../../components/form-values';
import { formatNumber } from '../../components/format';
import { ListTable } from '../../components/table';
import { useCommandForm } from '../../components/use-command-form';
import { projectAllows } from './project-actions';
import { researchCommands, RESEARCH_KEY } from './research.api';
import {
  DIRECTION_LABELS,
  OUTCOME_LABELS,
  surveyRoundName,
  VERDICT_BADGES,
  VERDICT_LABELS,
} from './research-labels';

/** An effect and its interval as a reader reads them: "0.12 hours (95 % CI −0.05 to 0.29)". */
export function effectText(effect: {
  size: number;
  unit: string;
  confidenceInterval: { lower: number; upper: number };
  standardError?: number;
}): string {
  const ci = `95 % CI ${formatNumber(effect.confidenceInterval.lower, 3)} to ${formatNumber(effect.confidenceInterval.upper, 3)}`;
  const se =
    effect.standardError !== undefined ? `, SE ${formatNumber(effect.standardError, 3)}` : '';
  return `${formatNumber(effect.size, 3)} ${effect.unit} (${ci}${se})`;
}

export function Hypotheses(props: {
  project: ResearchProjectDetail;
  canWrite: boolean;
  onDone: (what: string) => void;
}) {
  const { project } = props;
  return (
    <section aria-label="Hypotheses and findings">
      <h2>Hypotheses and findings</h2>
      <ListTable
        label="Hypotheses"
        columns={['Hypothesis', 'Outcome', 'Expected', 'Finding', 'Effect', 'Sample', 'Round']}
      >
        {project.hypotheses.map((h) => (
          <tr key={h.hypothesisId} data-hypothesis={h.hypothesisId}>
            <td>
              <strong>{h.hypothesisId}</strong> {h.statement}
              <div className="sub">{h.indicator}</div>
            </td>
            <td>{OUTCOME_LABELS[h.outcome]}</td>
            <td>{DIRECTION_LABELS[h.expectedDirection]}</td>
            <td>
              {h.finding ? (
                <Badge kind={VERDICT_BADGES[h.finding.verdict]}>
                  {VERDICT_LABELS[h.finding.verdict]}
                </Badge>
              ) : (
                <span className="sub">No finding yet</span>
              )}
            </td>
            <td>{h.finding ? effectText(h.finding.effect) : ''}</td>
            <td>
              {h.finding
                ? `${formatNumber(h.finding.sample.treatment, 0)} treatment, ${formatNumber(h.finding.sample.comparison, 0)} comparison`
                : ''}
            </td>
            <td>{h.finding ? surveyRoundName(h.finding.surveyRound) : ''}</td>
          </tr>
        ))}
      </ListTable>
      {props.canWrite && projectAllows(project, 'RecordFinding') ? (
        project.surveyRounds.some((r) => r.kind === 'follow-up') ? (
          <FindingForm project={project} onDone={props.onDone} />
        ) : (
          <Empty>A finding needs a follow-up survey round: none is recorded.</Empty>
        )
      ) : null}
    </section>
  );
}

function FindingForm(props: { project: ResearchProjectDetail; onDone: (what: string) => void }) {
  const { project } = props;
  const followUps = project.surveyRounds
    .filter((r) => r.kind === 'follow-up')
    .map((r) => String(r.number));
  const form = useCommandForm({
    initial: {
      hypothesisId: project.hypotheses[0]?.hypothesisId ?? '',
      verdict: '' as FindingVerdict | '',
      surveyRound: followUps.at(-1) ?? '',
      interval: 'se' as 'se' | 'ci',
      size: '',
      unit: '',
      standardError: '',
      lower: '',
      upper: '',
      treatment: '',
      comparison: '',
      note: '',
    },
    version: project.version,
    invalidates: [RESEARCH_KEY],
    resetOnSuccess: true,
    fields: [
      'effect.size',
      'effect.unit',
      'effect.standardError',
      'effect.confidenceInterval',
      'effect.confidenceInterval.lower',
      'effect.confidenceInterval.upper',
      'sample.treatment',
      'sample.comparison',
    ],
    send: (v, ifMatch) =>
      researchCommands.recordFinding(
        project.projectId,
        {
          hypothesisId: v.hypothesisId,
          verdict: v.verdict as FindingVerdict,
          surveyRound: Number(v.surveyRound),
          effect: {
            size: numberOf(v.size) ?? Number.NaN,
            unit: v.unit,
            ...(v.interval === 'se'
              ? numberOf(v.standardError) !== undefined
                ? { standardError: numberOf(v.standardError) }
                : {}
              : numberOf(v.lower) !== undefined || numberOf(v.upper) !== undefined
                ? {
                    confidenceInterval: {
                      lower: numberOf(v.lower) ?? Number.NaN,
                      upper: numberOf(v.upper) ?? Number.NaN,
                    },
                  }
                : {}),
          },
          sample: {
            treatment: numberOf(v.treatment) ?? Number.NaN,
            comparison: numberOf(v.comparison) ?? Number.NaN,
          },
          ...(v.note ? { note: v.note } : {}),
        },
        ifMatch,
      ),
    onSuccess: (_r, v) => props.onDone(`The finding on ${v.hypothesisId} is recorded.`),
  });
  const hypotheses = project.hypotheses.map((h) => h.hypothesisId);
  return (
    <FormPanel title="Enter a finding" onSubmit={form.onSubmit}>
      <SelectField
        label="Hypothesis"
        {...form.bind('hypothesisId')}
        options={hypotheses}
        format={(id) =>
          `${id}: ${project.hypotheses.find((h) => h.hypothesisId === id)?.statement ?? ''}`
        }
        required
      />
      <SelectField
        label="Verdict"
        {...form.bind('verdict')}
        options={FINDING_VERDICTS}
        format={(v) => VERDICT_LABELS[v]}
        emptyLabel="Choose…"
        required
      />
      <SelectField
        label="Survey round"
        {...form.bind('surveyRound')}
        options={followUps}
        format={(n) => surveyRoundName(Number(n))}
        required
      />
      <div className="columns">
        <TextField
          label="Effect size"
          type="number"
          {...form.bind('size')}
          name="effect.size"
          required
        />
        <TextField
          label="Unit"
          {...form.bind('unit')}
          name="effect.unit"
          required
          maxLength={100}
          hint="e.g. percentage points, hours per week"
        />
      </div>
      <SelectField
        label="Precision given as"
        {...form.bind('interval')}
        options={['se', 'ci'] as const}
        format={(k) => (k === 'se' ? 'Standard error' : '95 % confidence interval')}
        required
      />
      {form.values.interval === 'se' ? (
        <TextField
          label="Standard error"
          type="number"
          {...form.bind('standardError')}
          name="effect.standardError"
          required
          hint="The 95 % interval is computed as the size ± 1.96 standard errors."
        />
      ) : (
        <div className="columns">
          <TextField
            label="Lower bound (95 %)"
            type="number"
            {...form.bind('lower')}
            name="effect.confidenceInterval.lower"
            required
          />
          <TextField
            label="Upper bound (95 %)"
            type="number"
            {...form.bind('upper')}
            name="effect.confidenceInterval.upper"
            required
          />
        </div>
      )}
      <div className="columns">
        <TextField
          label="Treatment sample"
          type="number"
          {...form.bind('treatment')}
          name="sample.treatment"
          required
        />
        <TextField
          label="Comparison sample"
          type="number"
          {...form.bind('comparison')}
          name="sample.comparison"
          required
        />
      </div>
      <TextField label="Note" {...form.bind('note')} multiline maxLength={2000} />
      <FormFooter form={form} submit="Record the finding" busyLabel="Saving…" />
    </FormPanel>
  );
}
