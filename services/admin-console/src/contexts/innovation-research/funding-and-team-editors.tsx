import { FUNDING_SOURCE_KINDS, TEAM_ROLES } from '@sfp/contracts';
import type { FieldMessageSource } from '../../api/client';
import { SelectField, TextField } from '../../components/fields';
import { EMPTY_FUNDING, EMPTY_MEMBER, type FundingRow, type TeamRow } from './project-proposal';
import { FUNDING_LABELS, TEAM_ROLE_LABELS } from './research-labels';
import { rowsEditor } from './rows';

interface RowsProps<R> {
  rows: R[];
  onChange: (rows: R[]) => void;
  errors: FieldMessageSource | null;
}

/** A proposal's funding sources: kind, funder and amount (rows left empty are not sent). */
export function FundingEditor(props: RowsProps<FundingRow>) {
  const funding = rowsEditor(props.rows, props.onChange, EMPTY_FUNDING);
  const cell = (name: string) => ({ name, errors: props.errors });
  return (
    <fieldset>
      <legend>Funding</legend>
      {props.rows.map((f, i) => (
        <div key={i} className="columns">
          <SelectField
            label={`Funding ${i + 1}: source`}
            {...cell(`fundingSources.${i}.kind`)}
            value={f.kind}
            onChange={(kind) => funding.set(i, { kind })}
            options={FUNDING_SOURCE_KINDS}
            format={(k) => FUNDING_LABELS[k]}
            emptyLabel="Choose…"
          />
          <TextField
            label={`Funding ${i + 1}: funder`}
            {...cell(`fundingSources.${i}.funder`)}
            value={f.funder}
            onChange={(funder) => funding.set(i, { funder })}
            maxLength={200}
          />
          <TextField
            label={`Funding ${i + 1}: amount`}
            type="number"
            {...cell(`fundingSources.${i}.amount`)}
            value={f.amount}
            onChange={(amount) => funding.set(i, { amount })}
          />
        </div>
      ))}
      <button type="button" onClick={funding.add}>
        Add a funding source
      </button>
    </fieldset>
  );
}

/** A proposal's team: name, role and organisation (rows left empty are not sent). */
export function TeamEditor(props: RowsProps<TeamRow>) {
  const team = rowsEditor(props.rows, props.onChange, EMPTY_MEMBER);
  const cell = (name: string) => ({ name, errors: props.errors });
  return (
    <fieldset>
      <legend>Team</legend>
      {props.rows.map((m, i) => (
        <div key={i} className="columns">
          <TextField
            label={`Member ${i + 1}: name`}
            {...cell(`team.${i}.name`)}
            value={m.name}
            onChange={(name) => team.set(i, { name })}
            maxLength={200}
          />
          <SelectField
            label={`Member ${i + 1}: role`}
            {...cell(`team.${i}.role`)}
            value={m.role}
            onChange={(role) => team.set(i, { role })}
            options={TEAM_ROLES}
            format={(r) => TEAM_ROLE_LABELS[r]}
            emptyLabel="Choose…"
          />
          <TextField
            label={`Member ${i + 1}: organisation`}
            {...cell(`team.${i}.organisation`)}
            value={m.organisation}
            onChange={(organisation) => team.set(i, { organisation })}
            maxLength={200}
          />
        </div>
      ))}
      <button type="button" onClick={team.add}>
        Add a member
      </button>
    </fieldset>
  );
}
