import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { ResearchProjectDetail } from '@sfp/contracts';
import { Badge, Notice, PendingRecord } from '../../components/feedback';
import { Figures } from '../../components/figures';
import { formatCurrency, formatDate, formatDateTime, formatNumber } from '../../components/format';
import { LinkedProposals } from '../../components/linked-proposals';
import { ListTable } from '../../components/table';
import { BackLink } from '../../routing/back-link';
import { href, useRouteParams } from '../../routing/paths';
import { useAuth, useDirectory } from '../../session';
import { CostBenefit } from './cost-benefit-editor';
import { Hypotheses } from './findings';
import { Milestones } from './milestones';
import { ProjectActions } from './project-actions';
import { Recommendations } from './recommendations';
import { researchQueries } from './research.api';
import {
  countryName,
  DEFICIT_LABELS,
  DESIGN_LABELS,
  FUNDING_LABELS,
  INNOVATION_KIND_LABELS,
  QUASI_METHOD_LABELS,
  STATUS_BADGES,
  STATUS_LABELS,
  surveyRoundName,
  TEAM_ROLE_LABELS,
  THEME_LABELS,
} from './research-labels';

/** A research project: its status and phase timeline, the actions its status allows, its milestones, findings, cost-benefit, recommendations, publications and the quality-monitoring proposals linked to it. */
export function ResearchProjectPage() {
  const { projectId } = useRouteParams('researchProject');
  const { can } = useAuth();
  const [notice, setNotice] = useState<string | null>(null);
  const query = useQuery(researchQueries.project(projectId));
  const p = query.data;
  const back = <BackLink to={href('researchPortfolio')}>Portfolio</BackLink>;
  if (!p) return <PendingRecord back={back} error={query.error} what="Loading the project" />;
  const canWrite = can('records:write');
  const d = p.definition;
  return (
    <main id="main">
      {back}
      <div className="title-row">
        <h1>{d.title}</h1>
        <Badge kind={STATUS_BADGES[p.status]}>
          <span data-testid="project-status">{STATUS_LABELS[p.status]}</span>
        </Badge>
      </div>
      <p className="sub">
        {INNOVATION_KIND_LABELS[d.innovation.kind]} · {d.countries.map(countryName).join(', ')} ·{' '}
        {formatDate(d.plannedStart)} to {formatDate(d.plannedEnd)}
      </p>
      {p.suspension && p.status === 'suspended' ? (
        <p>
          Suspended in {STATUS_LABELS[p.phase].toLowerCase()}: {p.suspension.reason}
        </p>
      ) : null}
      {p.abandonment ? <p>Abandoned: {p.abandonment.reason}</p> : null}
      {notice ? <Notice>{notice}</Notice> : null}
      {canWrite ? (
        <section aria-label="Actions">
          <ProjectActions project={p} onDone={setNotice} />
        </section>
      ) : null}
      <PhaseTimeline project={p} />
      <ProjectFacts project={p} />
      <SurveyRounds project={p} />
      <Milestones project={p} canWrite={canWrite} onDone={setNotice} />
      <Hypotheses project={p} canWrite={canWrite} onDone={setNotice} />
      <CostBenefit project={p} canWrite={canWrite} onDone={setNotice} />
      <Recommendations project={p} canWrite={canWrite} onDone={setNotice} />
      <Publications project={p} />
      <LinkedProposals
        query={researchQueries.projectLinkedProposals(p.projectId)}
        what="this project"
      />
    </main>
  );
}

function PhaseTimeline({ project }: { project: ResearchProjectDetail }) {
  const nameOf = useDirectory();
  return (
    <section aria-label="Phase timeline">
      <h2>Phase timeline</h2>
      <ol className="timeline" aria-label="Phases">
        {project.timeline.map((t, i) => (
          <li key={`${t.phase}-${t.from}-${i}`} data-phase={t.phase}>
            <div className="when">
              <time dateTime={t.from}>{formatDateTime(t.from)}</time>
            </div>
            <div>
              <strong>{STATUS_LABELS[t.phase]}</strong> by{' '}
              <span className="actor">{nameOf('person', t.by)}</span>
              {t.reason ? <div className="event-summary">{t.reason}</div> : null}
            </div>
          </li>
        ))}
      </ol>
      {project.designApproval ? (
        <p>
          Design approved {formatDate(project.designApproval.at)}: {project.designApproval.note}
        </p>
      ) : null}
    </section>
  );
}

function ProjectFacts({ project }: { project: ResearchProjectDetail }) {
  const d = project.definition;
  const design = d.design;
  return (
    <section aria-label="The project">
      <h2>The project</h2>
      <p>
        <strong>Research question:</strong> {d.researchQuestion}
      </p>
      <p>
        <strong>Innovation:</strong> {d.innovation.description}
      </p>
      <Figures
        items={[
          {
            label: 'Design',
            value: `${DESIGN_LABELS[design.method]}${
              design.quasiExperimentalMethod
                ? ` (${QUASI_METHOD_LABELS[design.quasiExperimentalMethod]})`
                : ''
            }${design.unitOfRandomisation ? `, randomised by ${design.unitOfRandomisation}` : ''}${
              design.clusters ? `, ${formatNumber(design.clusters, 0)} clusters` : ''
            }`,
          },
          { label: 'Budget', value: formatCurrency(d.budget, d.currency) },
          { label: 'Themes', value: d.themes.map((t) => THEME_LABELS[t]).join(', ') },
          { label: 'Deficits', value: d.deficits.map((x) => DEFICIT_LABELS[x]).join(', ') },
          { label: 'Partner institutions', value: formatNumber(d.partnerInstitutionIds.length, 0) },
        ]}
      />
      <ListTable label="Funding" columns={['Source', 'Funder', 'Amount']}>
        {d.fundingSources.map((f) => (
          <tr key={`${f.kind}-${f.funder}`}>
            <td>{FUNDING_LABELS[f.kind]}</td>
            <td>{f.funder}</td>
            <td>{formatCurrency(f.amount, d.currency)}</td>
          </tr>
        ))}
      </ListTable>
      <ListTable label="Team" columns={['Name', 'Role', 'Organisation']}>
        {d.team.map((m) => (
          <tr key={`${m.name}-${m.role}`}>
            <td>{m.name}</td>
            <td>{TEAM_ROLE_LABELS[m.role]}</td>
            <td>{m.organisation ?? ''}</td>
          </tr>
        ))}
      </ListTable>
    </section>
  );
}

function SurveyRounds({ project }: { project: ResearchProjectDetail }) {
  if (!project.surveyRounds.length) return null;
  return (
    <section aria-label="Survey rounds">
      <h2>Survey rounds</h2>
      <ListTable label="Survey rounds" columns={['Round', 'Completed', 'Treatment', 'Comparison']}>
        {project.surveyRounds.map((r) => (
          <tr key={r.number}>
            <td>{surveyRoundName(r.number)}</td>
            <td>{formatDate(r.completedOn)}</td>
            <td>{formatNumber(r.sample.treatment, 0)}</td>
            <td>{formatNumber(r.sample.comparison, 0)}</td>
          </tr>
        ))}
      </ListTable>
    </section>
  );
}

function Publications({ project }: { project: ResearchProjectDetail }) {
  if (!project.publications.length) return null;
  return (
    <section aria-label="Publications">
      <h2>Publications</h2>
      <ListTable label="Publications" columns={['Version', 'Published', 'Summary', 'Correction']}>
        {[...project.publications].reverse().map((pub) => (
          <tr key={pub.version}>
            <td>Version {pub.version}</td>
            <td>{formatDate(pub.on)}</td>
            <td>{pub.summary}</td>
            <td>{pub.correctionReason ?? ''}</td>
          </tr>
        ))}
      </ListTable>
    </section>
  );
}
