import { useQuery } from '@tanstack/react-query';
import {
  DECENT_WORK_DEFICITS,
  INNOVATION_KINDS,
  LIBRARY_THEMES,
  QUASI_EXPERIMENTAL_METHODS,
  RESEARCH_DESIGNS,
} from '@sfp/contracts';
import { QueryState } from '../../components/feedback';
import { CheckboxGroup, SelectField, TextField } from '../../components/fields';
import { FormFooter, FormPanel } from '../../components/form-layout';
import { BackLink } from '../../routing/back-link';
import { href } from '../../routing/paths';
import { FundingEditor, TeamEditor } from './funding-and-team-editors';
import { HypothesesEditor } from './hypotheses-editor';
import { definitionOf, INITIAL_PROPOSAL } from './project-proposal';
import { researchCommands, researchQueries } from './research.api';
import {
  countryName,
  DEFICIT_LABELS,
  DESIGN_LABELS,
  INNOVATION_KIND_LABELS,
  QUASI_METHOD_LABELS,
  THEME_LABELS,
} from './research-labels';
import { useResearchForm } from './use-research-form';

/** A research project proposed: its question, hypotheses, innovation, design, partners, budget and team. */
export function ProposeProjectPage() {
  const partners = useQuery(researchQueries.partners());
  const form = useResearchForm({
    initial: INITIAL_PROPOSAL,
    send: (v) => researchCommands.propose(definitionOf(v)),
    opens: (result) => href('researchProject', { projectId: result.projectId }),
    fields: ['innovation.kind', 'innovation.description', 'design.method'],
  });
  const v = form.values;
  const partnerName = (id: string) => {
    const p = partners.data?.items.find((x) => x.institutionId === id);
    return p ? `${p.name ?? id}${p.country ? ` (${countryName(p.country)})` : ''}` : id;
  };
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
        <HypothesesEditor
          rows={v.hypotheses}
          onChange={(rows) => form.set('hypotheses', rows)}
          errors={form.errors}
        />
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
        <FundingEditor
          rows={v.fundingSources}
          onChange={(rows) => form.set('fundingSources', rows)}
          errors={form.errors}
        />
        <TeamEditor
          rows={v.team}
          onChange={(rows) => form.set('team', rows)}
          errors={form.errors}
        />
        <FormFooter form={form} submit="Propose the project" busyLabel="Proposing…" />
      </FormPanel>
    </main>
  );
}
