// The cost-benefit editor: costs by who bears them and benefits by who gains,
// by year of the horizon, the horizon and the discount rate (entered in %).
// NPV and B/C are computed as the analyst types with the same costBenefitOf
// the API computes them by, then saved; they are never typed in.
import {
  COST_BENEFIT_PARTIES,
  costBenefitOf,
  type CostBenefitFlow,
  type CostBenefitInput,
  type CostBenefitParty,
  type CostBenefitResult,
  type ResearchProjectDetail,
} from '@sfp/contracts';
import { Figures } from '../../components/figures';
import { SelectField, TextField } from '../../components/fields';
import { FormFooter, FormPanel } from '../../components/form-layout';
import { numberOf } from '../../components/form-values';
import { formatCurrency, formatNumber, formatPercent, NONE } from '../../components/format';
import { ListTable } from '../../components/table';
import { useCommandForm } from '../../components/use-command-form';
import { projectAllows } from './project-actions';
import { researchCommands, RESEARCH_KEY } from './research.api';
import { PARTY_LABELS } from './research-labels';

interface FlowRow {
  party: CostBenefitParty | '';
  label: string;
  year: string;
  amount: string;
}

type Side = 'costs' | 'benefits';

const EMPTY_ROW: FlowRow = { party: '', label: '', year: '0', amount: '' };

const rowsOf = (flows: CostBenefitFlow[] | undefined): FlowRow[] =>
  flows?.length
    ? flows.map((f) => ({
        party: f.party,
        label: f.label,
        year: String(f.year),
        amount: String(f.amount),
      }))
    : [{ ...EMPTY_ROW }];

/** The flows typed so far, or undefined while a row is incomplete. */
function flowsOf(rows: FlowRow[]): CostBenefitFlow[] | undefined {
  const flows: CostBenefitFlow[] = [];
  for (const row of rows) {
    if (!row.party && !row.label && !row.amount) continue;
    const year = numberOf(row.year);
    const amount = numberOf(row.amount);
    if (!row.party || year === undefined || amount === undefined) return undefined;
    flows.push({ party: row.party, label: row.label, year, amount });
  }
  return flows;
}

interface Values {
  currency: string;
  horizonYears: string;
  ratePercent: string;
  costs: FlowRow[];
  benefits: FlowRow[];
}

/** The input the values make, or undefined while one is incomplete. */
export function inputOf(v: Values): CostBenefitInput | undefined {
  const horizonYears = numberOf(v.horizonYears);
  const rate = numberOf(v.ratePercent);
  const costs = flowsOf(v.costs);
  const benefits = flowsOf(v.benefits);
  if (horizonYears === undefined || rate === undefined || !costs || !benefits) return undefined;
  return { currency: v.currency, horizonYears, discountRate: rate / 100, costs, benefits };
}

export function CostBenefitResultFigures(props: {
  result: CostBenefitResult;
  currency: string;
  label: string;
}) {
  const { result, currency } = props;
  return (
    <section aria-label={props.label}>
      <Figures
        items={[
          { label: 'Net present value', value: formatCurrency(result.netPresentValue, currency) },
          {
            label: 'Benefit-cost ratio',
            value:
              result.benefitCostRatio === null ? NONE : formatNumber(result.benefitCostRatio, 2),
          },
          {
            label: 'Present value of costs',
            value: formatCurrency(result.presentValueOfCosts, currency),
          },
          {
            label: 'Present value of benefits',
            value: formatCurrency(result.presentValueOfBenefits, currency),
          },
        ]}
      />
      <ListTable label="By party" columns={['Party', 'Costs borne', 'Benefits gained']}>
        {COST_BENEFIT_PARTIES.map((party) => (
          <tr key={party}>
            <td>{PARTY_LABELS[party]}</td>
            <td>{formatCurrency(result.costsByParty[party], currency)}</td>
            <td>{formatCurrency(result.benefitsByParty[party], currency)}</td>
          </tr>
        ))}
      </ListTable>
    </section>
  );
}

export function CostBenefit(props: {
  project: ResearchProjectDetail;
  canWrite: boolean;
  onDone: (what: string) => void;
}) {
  const { project } = props;
  const saved = project.costBenefit;
  const editable = props.canWrite && projectAllows(project, 'RecordCostBenefit');
  if (!saved && !editable) return null;
  return (
    <section aria-label="Cost-benefit analysis">
      <h2>Cost-benefit analysis</h2>
      {saved ? (
        <>
          <p>
            Over {formatNumber(saved.input.horizonYears, 0)} years at{' '}
            {formatPercent(saved.input.discountRate, 2)} a year.
          </p>
          <CostBenefitResultFigures
            result={saved.result}
            currency={saved.input.currency}
            label="Recorded analysis"
          />
        </>
      ) : null}
      {editable ? (
        <CostBenefitEditor key={project.version} project={project} onDone={props.onDone} />
      ) : null}
    </section>
  );
}

function CostBenefitEditor(props: {
  project: ResearchProjectDetail;
  onDone: (what: string) => void;
}) {
  const { project } = props;
  const saved = project.costBenefit?.input;
  const form = useCommandForm<Values>({
    initial: {
      currency: saved?.currency ?? project.definition.currency,
      horizonYears: saved ? String(saved.horizonYears) : '',
      ratePercent: saved ? String(Number((saved.discountRate * 100).toFixed(6))) : '',
      costs: rowsOf(saved?.costs),
      benefits: rowsOf(saved?.benefits),
    },
    version: project.version,
    invalidates: [RESEARCH_KEY],
    fields: ['discountRate'],
    send: (v, ifMatch) => {
      const input = inputOf(v);
      if (!input) throw new Error('Complete every flow: its party, year and amount.');
      return researchCommands.recordCostBenefit(project.projectId, input, ifMatch);
    },
    onSuccess: () => props.onDone('The cost-benefit analysis is saved.'),
  });
  const input = inputOf(form.values);
  const live = input ? costBenefitOf(input) : undefined;
  const rows = (side: Side) => form.values[side];
  const setRow = (side: Side, i: number, row: Partial<FlowRow>) =>
    form.set(
      side,
      rows(side).map((r, j) => (j === i ? { ...r, ...row } : r)),
    );
  const flows = (side: Side, title: string) => (
    <fieldset>
      <legend>{title}</legend>
      {rows(side).map((row, i) => (
        <div key={i} className="columns" data-flow={`${side}-${i}`}>
          <SelectField
            label={`${title} ${i + 1}: party`}
            name={`${side}.${i}.party`}
            value={row.party}
            onChange={(party) => setRow(side, i, { party })}
            options={COST_BENEFIT_PARTIES}
            format={(p) => PARTY_LABELS[p]}
            emptyLabel="Choose…"
            errors={form.errors}
          />
          <TextField
            label={`${title} ${i + 1}: what`}
            name={`${side}.${i}.label`}
            value={row.label}
            onChange={(label) => setRow(side, i, { label })}
            errors={form.errors}
            maxLength={200}
          />
          <TextField
            label={`${title} ${i + 1}: year`}
            name={`${side}.${i}.year`}
            type="number"
            value={row.year}
            onChange={(year) => setRow(side, i, { year })}
            errors={form.errors}
          />
          <TextField
            label={`${title} ${i + 1}: amount`}
            name={`${side}.${i}.amount`}
            type="number"
            value={row.amount}
            onChange={(amount) => setRow(side, i, { amount })}
            errors={form.errors}
          />
        </div>
      ))}
      <button type="button" onClick={() => form.set(side, [...rows(side), { ...EMPTY_ROW }])}>
        Add {side === 'costs' ? 'a cost' : 'a benefit'}
      </button>
    </fieldset>
  );
  return (
    <FormPanel title="Cost-benefit editor" onSubmit={form.onSubmit}>
      <div className="columns">
        <TextField label="Currency" {...form.bind('currency')} required maxLength={3} />
        <TextField label="Horizon (years)" type="number" {...form.bind('horizonYears')} required />
        <TextField
          label="Discount rate (%)"
          type="number"
          {...form.bind('ratePercent')}
          name="discountRate"
          required
          hint="A year, e.g. 6 for 6 %."
        />
      </div>
      {flows('costs', 'Cost')}
      {flows('benefits', 'Benefit')}
      {live && input ? (
        <CostBenefitResultFigures result={live} currency={input.currency} label="Computed" />
      ) : (
        <p className="sub">NPV and B/C show once each flow has its party, year and amount.</p>
      )}
      <FormFooter form={form} submit="Save the analysis" busyLabel="Saving…" />
    </FormPanel>
  );
}
