import { EXPECTED_DIRECTIONS, OUTCOMES } from '@sfp/contracts';
import type { FieldMessageSource } from '../../api/client';
import { SelectField, TextField } from '../../components/fields';
import { EMPTY_HYPOTHESIS, type HypothesisRow } from './project-proposal';
import { DIRECTION_LABELS, OUTCOME_LABELS } from './research-labels';
import { rowsEditor } from './rows';

/** A proposal's hypotheses, H1, H2, …: statement, outcome, indicator and expected direction. */
export function HypothesesEditor(props: {
  rows: HypothesisRow[];
  onChange: (rows: HypothesisRow[]) => void;
  errors: FieldMessageSource | null;
}) {
  const hypotheses = rowsEditor(props.rows, props.onChange, EMPTY_HYPOTHESIS);
  const cell = (name: string) => ({ name, errors: props.errors });
  return (
    <fieldset>
      <legend>Hypotheses</legend>
      {props.rows.map((h, i) => (
        <div key={i} className="columns">
          <TextField
            label={`H${i + 1}: statement`}
            {...cell(`hypotheses.${i}.statement`)}
            value={h.statement}
            onChange={(statement) => hypotheses.set(i, { statement })}
            maxLength={1000}
          />
          <SelectField
            label={`H${i + 1}: outcome`}
            {...cell(`hypotheses.${i}.outcome`)}
            value={h.outcome}
            onChange={(outcome) => hypotheses.set(i, { outcome })}
            options={OUTCOMES}
            format={(o) => OUTCOME_LABELS[o]}
            emptyLabel="Choose…"
          />
          <TextField
            label={`H${i + 1}: indicator`}
            {...cell(`hypotheses.${i}.indicator`)}
            value={h.indicator}
            onChange={(indicator) => hypotheses.set(i, { indicator })}
            maxLength={300}
          />
          <SelectField
            label={`H${i + 1}: expected direction`}
            {...cell(`hypotheses.${i}.expectedDirection`)}
            value={h.expectedDirection}
            onChange={(expectedDirection) => hypotheses.set(i, { expectedDirection })}
            options={EXPECTED_DIRECTIONS}
            format={(d) => DIRECTION_LABELS[d]}
            emptyLabel="Choose…"
          />
        </div>
      ))}
      <button type="button" onClick={hypotheses.add}>
        Add a hypothesis
      </button>
    </fieldset>
  );
}
