// A performance report's figures, as the knowledge base groups them
// (@sfp/contracts): filed new, or restated from the version shown. The
// platform checks the accounting identities; a figure that breaks one is
// named beside its box.
import { useState } from 'react';
import {
  ADJUSTMENT_FIELDS,
  OPENING_CLOSING_FIELDS,
  PERFORMANCE_INPUT_LABELS,
  SINGLE_VALUE_FIELDS,
} from '@sfp/contracts';
import { TextField } from '../../components/fields';
import { FormFooter } from '../../components/form-layout';
import { useCommandForm } from '../../components/use-command-form';
import { KNOWLEDGE_BASE_KEY, type ReportBody, type ReportVersion } from './knowledge-base.api';

/** Every box of the form, by the API's field name (the problem document names them so). */
const FIELDS = [
  'period.start',
  'period.end',
  'currency',
  'fx.periodAverage',
  'fx.periodEnd',
  ...OPENING_CLOSING_FIELDS.flatMap((key) => [`inputs.${key}.opening`, `inputs.${key}.closing`]),
  ...SINGLE_VALUE_FIELDS.map((key) => `inputs.${key}`),
  ...ADJUSTMENT_FIELDS.map((key) => `inputs.adjustments.${key}`),
  'reason',
  // Errors on a whole group are said above the button, as the API words them.
  'period',
  'fx',
  'inputs',
];

export type ReportValues = Record<string, string>;

/** The form's boxes from a version of the report (to restate it). */
export function valuesOf(report: ReportVersion): ReportValues {
  const values: ReportValues = {
    currency: report.currency,
    'fx.periodAverage': String(report.fx.periodAverage),
    'fx.periodEnd': String(report.fx.periodEnd),
  };
  for (const [key, value] of Object.entries(report.inputs)) {
    if (value && typeof value === 'object') {
      for (const [sub, n] of Object.entries(value as Record<string, number>))
        values[`inputs.${key}.${sub}`] = String(n);
    } else values[`inputs.${key}`] = String(value);
  }
  return values;
}

/** The JSON body from the form: numbers where numbers go; an empty box is left out so the API names it. */
function bodyOf(values: ReportValues, withAdjustments: boolean): ReportBody {
  const number = (name: string) => {
    const text = (values[name] ?? '').replace(/[\s,]/g, '');
    return text === '' ? undefined : Number(text);
  };
  const inputs: Record<string, unknown> = {};
  for (const key of OPENING_CLOSING_FIELDS)
    inputs[key] = {
      opening: number(`inputs.${key}.opening`),
      closing: number(`inputs.${key}.closing`),
    };
  for (const key of SINGLE_VALUE_FIELDS) inputs[key] = number(`inputs.${key}`);
  if (withAdjustments)
    inputs.adjustments = Object.fromEntries(
      ADJUSTMENT_FIELDS.map((key) => [key, number(`inputs.adjustments.${key}`)]),
    );
  return {
    currency: (values.currency ?? '').trim().toUpperCase(),
    fx: { periodAverage: number('fx.periodAverage'), periodEnd: number('fx.periodEnd') },
    inputs,
  };
}

export function ReportForm<R>(props: {
  title: string;
  initial: ReportValues;
  withPeriod: boolean;
  withReason: boolean;
  submitLabel: string;
  /** The version restated (sent as If-Match). */
  version?: number;
  send: (body: ReportBody, ifMatch: number | undefined) => Promise<R>;
  onSuccess: (result: R) => void;
}) {
  const [withAdjustments, setWithAdjustments] = useState(
    Object.keys(props.initial).some((k) => k.startsWith('inputs.adjustments.')),
  );
  const form = useCommandForm({
    initial: props.initial,
    fields: FIELDS,
    version: props.version,
    invalidates: [KNOWLEDGE_BASE_KEY],
    send: (values, ifMatch) => {
      const body = bodyOf(values, withAdjustments);
      if (props.withPeriod)
        body.period = { start: values['period.start'] ?? '', end: values['period.end'] ?? '' };
      if (props.withReason) body.reason = (values.reason ?? '').trim();
      return props.send(body, ifMatch);
    },
    onSuccess: props.onSuccess,
  });
  const field = (name: string, text: string, hint?: string) => (
    <TextField
      key={name}
      label={text}
      {...form.bind(name)}
      value={form.values[name] ?? ''}
      hint={hint}
    />
  );
  const identity = form.errors?.code === 'IDENTITY_VIOLATED' ? form.errors : null;
  return (
    <form onSubmit={form.onSubmit} aria-label={props.title} noValidate className="report-form">
      {props.withPeriod ? (
        <fieldset>
          <legend>Period</legend>
          <div className="pair">
            {field('period.start', 'Start', 'YYYY-MM-DD')}
            {field('period.end', 'End', 'YYYY-MM-DD')}
          </div>
        </fieldset>
      ) : null}
      <fieldset>
        <legend>Currency</legend>
        <div className="pair">
          {field('currency', 'Currency', 'ISO 4217, e.g. KES')}
          {field('fx.periodAverage', 'Per USD, period average', 'Converts flows')}
          {field('fx.periodEnd', 'Per USD, period end', 'Converts stocks')}
        </div>
      </fieldset>
      <fieldset>
        <legend>Balances (opening and closing)</legend>
        {OPENING_CLOSING_FIELDS.map((key) => (
          <div className="pair" key={key}>
            {field(`inputs.${key}.opening`, `${PERFORMANCE_INPUT_LABELS[key]}, opening`)}
            {field(`inputs.${key}.closing`, `${PERFORMANCE_INPUT_LABELS[key]}, closing`)}
          </div>
        ))}
      </fieldset>
      <fieldset>
        <legend>Figures of the period</legend>
        <div className="grid-3">
          {SINGLE_VALUE_FIELDS.map((key) => field(`inputs.${key}`, PERFORMANCE_INPUT_LABELS[key]))}
        </div>
      </fieldset>
      <fieldset>
        <legend>Adjustments</legend>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={withAdjustments}
            onChange={(e) => setWithAdjustments(e.target.checked)}
          />{' '}
          The report gives subsidy and inflation adjustments (needed for FSS, AROA, AROE)
        </label>
        {withAdjustments ? (
          <div className="grid-3">
            {ADJUSTMENT_FIELDS.map((key) =>
              field(`inputs.adjustments.${key}`, PERFORMANCE_INPUT_LABELS[key]),
            )}
          </div>
        ) : null}
      </fieldset>
      {props.withReason
        ? field(
            'reason',
            'Why restate it',
            'e.g. Audited statements: PAR30 higher than in the management accounts',
          )
        : null}
      <FormFooter
        form={form}
        submit={props.submitLabel}
        busyLabel="Saving…"
        errors={
          identity ? (
            <div className="error" role="alert">
              <strong>The figures do not add up.</strong> {identity.message}
            </div>
          ) : undefined
        }
      />
    </form>
  );
}
