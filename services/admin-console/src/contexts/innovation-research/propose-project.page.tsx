import { useQuery } from '@tanstack/react-query';
import {
  DECENT_WORK_DEFICITS,
  EXPECTED_DIRECTIONS,
  FUNDING_SOURCE_KINDS,
  INNOVATION_KINDS,
  LIBRARY_THEMES,
  OUTCOMES,
  QUASI_EXPERIMENTAL_METHODS,
  RESEARCH_DESIGNS,
  TEAM_ROLES,
  type DecentWorkDeficit,
  type ExpectedDirection,
  type FundingSourceKind,
  type InnovationKind,
  type LibraryTheme,
  type Outcome,
  type QuasiExperimentalMethod,
  type ResearchDesignMethod,
  type ResearchProjectDefinition,
  type TeamRole,
} from '@sfp/contracts';
import { QueryState } from '../../components/feedback';
import { CheckboxGroup, SelectField, TextField } from '../../components/fields';
import { FormFooter, FormPanel } from '../../components/form-layout';
import { listOf, numberOf } from '../../components/form-values';
import { BackLink } from '../../routing/back-link';
import { href } from '../../routing/paths';
import { researchCommands, researchQueries } from './research.api';
import {
  countryName,
  DEFICIT_LABELS,
  DESIGN_LABELS,
  DIRECTION_LABELS,
  FUNDING_LABELS,
  INNOVATION_KIND_LABELS,
  OUTCOME_LABELS,
  QUASI_METHOD_LABELS,
  TEAM_ROLE_LABELS,
  THEME_LABELS,
} from './research-labels';
import { rowsEditor } from './rows';
import { useResearchForm } from './use-research-form';

interface HypothesisRow {
  statement: string;
  outcome: Outcome | '';
  indicator: string;
  expectedDirection: ExpectedDirection | '';
}
interface FundingRow {
  kind: FundingSourceKind | '';
  funder: string;
  amount: string;
}
interface TeamRow {
  name: string;
  role: TeamRole | '';
  organisation: string;
}

const EMPTY_HYPOTHESIS: HypothesisRow = {
  statement: '',
  outcome: '',
  indicator: '',
  expectedDirection: '',
};
const EMPTY_FUNDING: FundingRow = { kind: '', funder: '', amount: '' };
const EMPTY_MEMBER: TeamRow = { name: '', role: '', organisation: '' };

const INITIAL = {
  title: '',
  researchQuestion: '',
  innovationKind: '' as InnovationKind | '',
  innovationDescription: '',
  themes: [] as LibraryTheme[],
  deficits: [] as DecentWorkDeficit[],
  partnerInstitutionIds: [] as string[],
  countries: '',
  method: '' as ResearchDesignMethod | '',
  unitOfRandomisation: '',
  quasiExperimentalMethod: '' as QuasiExperimentalMethod | '',
  clusters: '',
  currency: 'USD',
  budget: '',
  plannedStart: '',
  plannedEnd: '',
  hypotheses: [{ ...EMPTY_HYPOTHESIS }] as HypothesisRow[],
  fundingSources: [{ ...EMPTY_FUNDING }] as FundingRow[],
  team: [{ ...EMPTY_MEMBER }] as TeamRow[],
};
type Values = typeof INITIAL;

/** The definition the form's values make (the API says what is missing or wrong). */
function definitionOf(v: Values): ResearchProjectDefinition {
  const clusters = numberOf(v.clusters);
  return {
    title: v.title,
    researchQuestion: v.researchQuestion,
    hypotheses: v.hypotheses.map((h, i) => ({
      hypothesisId: `H${i + 1}`,
      statement: h.statement,
      outcome: h.outcome as Outcome,
      indicator: h.indicator,
      expectedDirection: h.expectedDirection as ExpectedDirection,
    })),
    innovation: { kind: v.innovationKind as InnovationKind, description: v.innovationDescription },
    themes: v.themes,
    deficits: v.deficits,
    partnerInstitutionIds: v.partnerInstitutionIds,
    countries: listOf(v.countries).map((c) => c.toUpperCase()),
    design: {
      method: v.method as ResearchDesignMethod,
      ...(v.method === 'rct' && v.unitOfRandomisation
        ? { unitOfRandomisation: v.unitOfRandomisation }
        : {}),
      ...(v.method === 'quasi-experimental' && v.quasiExperimentalMethod
        ? { quasiExperimentalMethod: v.quasiExperimentalMethod }
        : {}),
      ...(clusters !== undefined ? { clusters } : {}),
    },
    currency: v.currency.toUpperCase(),
    budget: numberOf(v.budget) ?? Number.NaN,
    fundingSources: v.fundingSources
      .filter((f) => f.kind || f.funder || f.amount)
      .map((f) => ({
        kind: f.kind as FundingSourceKind,
        funder: f.funder,
        amount: numberOf(f.amount) ?? Number.NaN,
      })),
    team: v.team
      .filter((m) => m.name || m.role)
      .map((m) => ({
        name: m.name,
        role: m.role as TeamRole,
        ...(m.organisation ? { organisation: m.organisation } : {}),
      })),
    plannedStart: v.plannedStart,
    plannedEnd: v.plannedEnd,
  };
}

/** A research project proposed: its question, hypotheses, innovation, design, partners, budget and team. */
export function ProposeProjectPage() {
  const partners = useQuery(researchQueries.partners());
  const form = useResearchForm({
    initial: INITIAL,
    send: (v) => researchCommands.propose(definitionOf(v)),
    opens: (result) => href('researchProject', { projectId: result.projectId }),
    fields: ['innovation.kind', 'innovation.description', 'design.method'],
  });
  const v = form.values;
  const hypotheses = rowsEditor(
    v.hypotheses,
    (rows) => form.set('hypotheses', rows),
    EMPTY_HYPOTHESIS,
  );
  const funding = rowsEditor(
    v.fundingSources,
    (rows) => form.set('fundingSources', rows),
    EMPTY_FUNDING,
  );
  const team = rowsEditor(v.team, (rows) => form.set('team', rows), EMPTY_MEMBER);
  const partnerName = (id: string) => {
    const p = partners.data?.items.find((x) => x.institutionId === id);
    return p ? `${p.name ?? id}${p.country ? ` (${countryName(p.country)})` : ''}` : id;
  };
  const cell = (name: string) => ({ name, errors: form.errors });
  return (
    <main id="main">
      <BackLink to={href('researchPortfolio')}>Portfolio</BackLink>
      <h1>Propose a research project</h1>
      <FormPanel title="The project" onSubmit={form.onSubmit}>
        <TextField label="Title" {...form.bind('title')} required maxLength={200} />
        <TextField
          label="Research question"
          {...form.bind('researchQuestion')}
          required
          multiline
          maxLength={2000}
        />
        <fieldset>
          <legend>Hypotheses</legend>
          {v.hypotheses.map((h, i) => (
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
        <SelectField
          label="Kind of innovation"
          {...form.bind('innovationKind')}
          name="innovation.kind"
          options={INNOVATION_KINDS}
          format={(k) => INNOVATION_KIND_LABELS[k]}
          emptyLabel="Choose…"
          required
        />
        <TextField
          label="The innovation"
          {...form.bind('innovationDescription')}
          name="innovation.description"
          required
          multiline
          maxLength={2000}
        />
        <CheckboxGroup
          legend="Themes"
          {...form.bind('themes')}
          options={LIBRARY_THEMES}
          format={(t) => THEME_LABELS[t]}
        />
        <CheckboxGroup
          legend="Decent-work deficits"
          {...form.bind('deficits')}
          options={DECENT_WORK_DEFICITS}
          format={(d) => DEFICIT_LABELS[d]}
        />
        <QueryState query={partners} what="Loading the partner institutions" />
        <CheckboxGroup
          legend="Partner institutions"
          {...form.bind('partnerInstitutionIds')}
          options={(partners.data?.items ?? []).map((p) => p.institutionId)}
          format={partnerName}
        />
        <TextField
          label="Countries"
          {...form.bind('countries')}
          required
          hint="ISO codes, separated by commas (KE, UG)."
        />
        <SelectField
          label="Design"
          {...form.bind('method')}
          name="design.method"
          options={RESEARCH_DESIGNS}
          format={(d) => DESIGN_LABELS[d]}
          emptyLabel="Choose…"
          required
        />
        {v.method === 'rct' ? (
          <TextField
            label="Unit of randomisation"
            {...form.bind('unitOfRandomisation')}
            name="design.unitOfRandomisation"
            maxLength={200}
          />
        ) : null}
        {v.method === 'quasi-experimental' ? (
          <SelectField
            label="Quasi-experimental method"
            {...form.bind('quasiExperimentalMethod')}
            name="design.quasiExperimentalMethod"
            options={QUASI_EXPERIMENTAL_METHODS}
            format={(m) => QUASI_METHOD_LABELS[m]}
            emptyLabel="Choose…"
          />
        ) : null}
        <TextField
          label="Clusters"
          type="number"
          {...form.bind('clusters')}
          name="design.clusters"
        />
        <div className="columns">
          <TextField label="Currency" {...form.bind('currency')} required maxLength={3} />
          <TextField label="Budget" type="number" {...form.bind('budget')} required />
          <TextField label="Planned start" type="date" {...form.bind('plannedStart')} required />
          <TextField label="Planned end" type="date" {...form.bind('plannedEnd')} required />
        </div>
        <fieldset>
          <legend>Funding</legend>
          {v.fundingSources.map((f, i) => (
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
        <fieldset>
          <legend>Team</legend>
          {v.team.map((m, i) => (
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
        <FormFooter form={form} submit="Propose the project" busyLabel="Proposing…" />
      </FormPanel>
    </main>
  );
}
