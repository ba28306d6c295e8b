// The fields of a proposal (submitted, resubmitted, or filled from an IATI
// activity): the API's messages beside each, and the fields an IATI file did
// not carry marked as missing until they are filled.
import {
  CONSTITUENTS,
  DELIVERY_CHANNELS,
  FINANCIAL_INSTRUMENTS,
  PRICING_POLICIES,
  THEMES,
  proposalFieldLabel,
} from '@sfp/contracts';
import type { FieldMessageSource } from '../../api/client';
import { CheckboxGroup, SelectField, TextField } from '../../components/fields';
import { label } from '../../components/format';
import type { CommandForm } from '../../components/use-command-form';
import { rowsEditor } from '../innovation-research/rows';
import {
  CHANNEL_LABELS,
  CONSTITUENT_LABELS,
  INSTRUMENT_LABELS,
  ORGANISATION_ROLE_LABELS,
  PRICING_LABELS,
} from './quality-labels';
import {
  EMPTY_INDICATOR,
  EMPTY_ORGANISATION,
  indicatorPaths,
  pathOf,
  type ProposalValues,
} from './proposal-values';

const MISSING = 'Not in the IATI file: fill it in.';

/**
 * The API's messages by field, and "missing" for a field the IATI file did
 * not carry (a list's items and sub-fields count as the list's) while it is empty.
 */
function messagesOf(
  errors: FieldMessageSource | null,
  missing: readonly string[],
  values: ProposalValues,
): FieldMessageSource {
  const names = Object.keys(values) as Array<keyof ProposalValues>;
  const empty = (path: string) => {
    const name = names.find((n) => pathOf(n) === path);
    if (!name) return true;
    const value = values[name];
    return Array.isArray(value)
      ? value.length === 0 ||
          value.every((row) =>
            typeof row === 'object' ? Object.values(row).every((x) => !x) : !row,
          )
      : !value;
  };
  return {
    messagesFor: (field) => [
      ...(errors?.messagesFor(field) ?? []),
      ...(missing.some(
        (m) => m === field || m.startsWith(`${field}.`) || field.startsWith(`${m}.`),
      ) && empty(field)
        ? [MISSING]
        : []),
    ],
  };
}

export function ProposalFields(props: {
  form: CommandForm<ProposalValues>;
  /** Field paths the IATI activity did not carry. */
  missing?: readonly string[];
}) {
  const { form } = props;
  const v = form.values;
  const errors = messagesOf(form.errors, props.missing ?? [], v);
  const field = <K extends keyof ProposalValues & string>(name: K) => ({
    ...form.bind(name),
    name: pathOf(name),
    errors,
  });
  const indicators = rowsEditor(
    v.indicators,
    (rows) => form.set('indicators', rows),
    EMPTY_INDICATOR,
  );
  const organisations = rowsEditor(
    v.organisations,
    (rows) => form.set('organisations', rows),
    EMPTY_ORGANISATION,
  );
  const cell = (name: string) => ({ name, errors });
  const paths = indicatorPaths(v.indicators);
  /** A field of an indicator row, by its path in the logical framework (`logframe.0.indicators.1.unit`). */
  const at = (i: number, name: string) =>
    cell(paths[i] ? `${paths[i]}.${name}` : `indicators.${i}.${name}`);
  /** The outcome of an indicator row: `logframe.0.outcome`. */
  const outcomeAt = (i: number) =>
    cell(paths[i] ? `${paths[i]?.split('.indicators.')[0]}.outcome` : `indicators.${i}.outcome`);
  return (
    <>
      {props.missing?.length ? (
        <div className="notice" role="status">
          The IATI file did not carry{' '}
          {[...new Set(props.missing.map((m) => proposalFieldLabel(m)))].join(', ')}: fill them in
          below (marked in red).
        </div>
      ) : null}
      <TextField label="Title" {...field('title')} required maxLength={300} />
      <TextField
        label="Description"
        {...field('description')}
        required
        multiline
        maxLength={8000}
      />
      <div className="columns">
        <TextField
          label="Department"
          {...field('department')}
          maxLength={200}
          hint="Yours when left empty."
        />
        <TextField
          label="Countries"
          {...field('countries')}
          required
          hint="ISO codes, separated by commas (KE, UG)."
        />
      </div>
      <CheckboxGroup legend="Themes" {...field('themes')} options={THEMES} format={label} />
      <div className="columns">
        <TextField label="Currency" {...field('currency')} required maxLength={3} />
        <TextField label="Budget" type="number" {...field('budget')} required />
        <TextField
          label="Budget in US dollars"
          type="number"
          {...field('budgetUsd')}
          hint="The same as the budget when it is in US dollars."
        />
      </div>
      <div className="columns">
        <TextField label="Duration (months)" type="number" {...field('durationMonths')} required />
        <TextField label="Planned start" type="date" {...field('plannedStart')} required />
      </div>
      <fieldset>
        <legend>Financial component</legend>
        <div className="columns">
          <SelectField
            label="Instrument"
            {...field('instrument')}
            options={FINANCIAL_INSTRUMENTS}
            format={(i) => INSTRUMENT_LABELS[i]}
            emptyLabel="Choose…"
            required
          />
          <SelectField
            label="Channel"
            {...field('channel')}
            options={DELIVERY_CHANNELS}
            format={(c) => CHANNEL_LABELS[c]}
            emptyLabel="Choose…"
            required
          />
          <SelectField
            label="Pricing policy"
            {...field('pricingPolicy')}
            options={PRICING_POLICIES}
            format={(p) => PRICING_LABELS[p]}
            emptyLabel="Choose…"
            required
          />
          {v.pricingPolicy === 'capped' ? (
            <TextField
              label="Interest-rate cap (% a year)"
              type="number"
              {...field('interestRateCap')}
            />
          ) : null}
        </div>
        <div className="columns">
          <TextField label="Amount" type="number" {...field('amount')} required />
          <TextField label="Co-financing" type="number" {...field('coFinancing')} />
        </div>
        <TextField
          label="What the component does"
          {...field('componentDescription')}
          required
          multiline
          maxLength={4000}
        />
      </fieldset>
      <TextField
        label="Partner institutions"
        {...field('partnerInstitutionIds')}
        hint="Knowledge-base institution ids, separated by commas."
      />
      <fieldset className={errors.messagesFor('logframe').length ? 'invalid' : undefined}>
        <legend>Logical framework</legend>
        {errors.messagesFor('logframe').length ? (
          <ul className="field-error">
            {errors.messagesFor('logframe').map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        ) : null}
        {v.indicators.map((row, i) => (
          <div key={i} className="columns">
            <TextField
              label={`Indicator ${i + 1}: outcome`}
              {...outcomeAt(i)}
              value={row.outcome}
              onChange={(outcome) => indicators.set(i, { outcome })}
            />
            <TextField
              label={`Indicator ${i + 1}: indicator`}
              {...at(i, 'indicator')}
              value={row.indicator}
              onChange={(indicator) => indicators.set(i, { indicator })}
            />
            <TextField
              label={`Indicator ${i + 1}: unit`}
              {...at(i, 'unit')}
              value={row.unit}
              onChange={(unit) => indicators.set(i, { unit })}
            />
            <TextField
              label={`Indicator ${i + 1}: baseline`}
              type="number"
              {...at(i, 'baseline')}
              value={row.baseline}
              onChange={(baseline) => indicators.set(i, { baseline })}
            />
            <TextField
              label={`Indicator ${i + 1}: baseline date`}
              type="date"
              {...at(i, 'baselineDate')}
              value={row.baselineDate}
              onChange={(baselineDate) => indicators.set(i, { baselineDate })}
            />
            <TextField
              label={`Indicator ${i + 1}: target`}
              type="number"
              {...at(i, 'target')}
              value={row.target}
              onChange={(target) => indicators.set(i, { target })}
            />
            <TextField
              label={`Indicator ${i + 1}: target date`}
              type="date"
              {...at(i, 'targetDate')}
              value={row.targetDate}
              onChange={(targetDate) => indicators.set(i, { targetDate })}
            />
            <TextField
              label={`Indicator ${i + 1}: means of verification`}
              {...at(i, 'meansOfVerification')}
              value={row.meansOfVerification}
              onChange={(meansOfVerification) => indicators.set(i, { meansOfVerification })}
            />
          </div>
        ))}
        <button type="button" onClick={indicators.add}>
          Add an indicator
        </button>
      </fieldset>
      <TextField label="Exit strategy" {...field('exitStrategy')} multiline maxLength={4000} />
      <CheckboxGroup
        legend="Constituents involved"
        {...field('constituents')}
        options={CONSTITUENTS}
        format={(c) => CONSTITUENT_LABELS[c]}
      />
      <TextField label="Gender outcomes" {...field('genderOutcomes')} multiline maxLength={4000} />
      <TextField
        label="Decent-work outcomes"
        {...field('decentWorkOutcomes')}
        multiline
        maxLength={4000}
      />
      <fieldset>
        <legend>Participating organisations</legend>
        {v.organisations.map((o, i) => (
          <div key={i} className="columns">
            <TextField
              label={`Organisation ${i + 1}: name`}
              {...cell(`participatingOrganisations.${i}.name`)}
              value={o.name}
              onChange={(name) => organisations.set(i, { name })}
            />
            <SelectField
              label={`Organisation ${i + 1}: role`}
              {...cell(`participatingOrganisations.${i}.role`)}
              value={o.role}
              onChange={(role) => organisations.set(i, { role })}
              options={['1', '2', '3', '4'] as const}
              format={(r) => ORGANISATION_ROLE_LABELS[Number(r) as 1 | 2 | 3 | 4]}
              emptyLabel="Choose…"
            />
            <TextField
              label={`Organisation ${i + 1}: IATI identifier`}
              {...cell(`participatingOrganisations.${i}.ref`)}
              value={o.ref}
              onChange={(ref) => organisations.set(i, { ref })}
            />
          </div>
        ))}
        <button type="button" onClick={organisations.add}>
          Add an organisation
        </button>
      </fieldset>
      <div className="columns">
        <TextField
          label="Sectors"
          {...field('sectors')}
          hint="OECD DAC purpose codes, separated by commas (24030)."
        />
        <TextField label="IATI identifier" {...field('iatiIdentifier')} maxLength={200} />
      </div>
    </>
  );
}
