// A project's milestones: planned for a phase with a date, marked done with
// the deliverables they produced, rescheduled with a reason; slipping ones
// (open past their date) marked, with the days late.
import { useState } from 'react';
import {
  DELIVERABLE_KINDS,
  RESEARCH_PHASES,
  type DeliverableKind,
  type ResearchMilestoneView,
  type ResearchPhase,
  type ResearchProjectDetail,
} from '@sfp/contracts';
import { Empty } from '../../components/feedback';
import { SelectField, TextField } from '../../components/fields';
import { FormFooter, FormPanel } from '../../components/form-layout';
import { formatDate } from '../../components/format';
import { ListTable } from '../../components/table';
import { useCommandForm } from '../../components/use-command-form';
import { DeliverablesCell, MilestoneStateCell } from './milestone-cells';
import { researchCommands, RESEARCH_KEY } from './research.api';
import { DELIVERABLE_LABELS, STATUS_LABELS } from './research-labels';

export function Milestones(props: {
  project: ResearchProjectDetail;
  canWrite: boolean;
  onDone: (what: string) => void;
}) {
  const { project } = props;
  const [open, setOpen] = useState<{ milestoneId: string; what: 'complete' | 'reschedule' }>();
  const writable = props.canWrite && projectOpen(project);
  return (
    <section aria-label="Milestones">
      <h2>Milestones</h2>
      {project.milestones.length === 0 ? <Empty>No milestone planned yet.</Empty> : null}
      {project.milestones.length ? (
        <ListTable
          label="Milestones"
          columns={['Milestone', 'Phase', 'Planned', 'Done', 'State', 'Deliverables', '']}
        >
          {project.milestones.map((m) => (
            <tr key={m.milestoneId} data-state={m.state}>
              <td>
                {m.title}
                {m.reschedulings.length ? (
                  <div className="sub">
                    Rescheduled from {formatDate(m.reschedulings[0]?.from)} (
                    {m.reschedulings.map((r) => r.reason).join('; ')})
                  </div>
                ) : null}
              </td>
              <td>{STATUS_LABELS[m.phase]}</td>
              <td>{formatDate(m.plannedOn)}</td>
              <td>{m.completedOn ? formatDate(m.completedOn) : ''}</td>
              <MilestoneStateCell milestone={m} />
              <DeliverablesCell milestone={m} />
              <td>
                {writable && m.state !== 'done' ? (
                  <div className="row-actions">
                    <button
                      type="button"
                      aria-label={`Mark “${m.title}” done`}
                      onClick={() => setOpen({ milestoneId: m.milestoneId, what: 'complete' })}
                    >
                      Mark done
                    </button>
                    <button
                      type="button"
                      aria-label={`Reschedule “${m.title}”`}
                      onClick={() => setOpen({ milestoneId: m.milestoneId, what: 'reschedule' })}
                    >
                      Reschedule
                    </button>
                  </div>
                ) : null}
              </td>
            </tr>
          ))}
        </ListTable>
      ) : null}
      {open
        ? (() => {
            const milestone = project.milestones.find((m) => m.milestoneId === open.milestoneId);
            if (!milestone) return null;
            const done = (what: string) => {
              setOpen(undefined);
              props.onDone(what);
            };
            return open.what === 'complete' ? (
              <CompleteMilestone
                key={`${milestone.milestoneId}-${project.version}`}
                project={project}
                milestone={milestone}
                onDone={done}
                onCancel={() => setOpen(undefined)}
              />
            ) : (
              <RescheduleMilestone
                key={`${milestone.milestoneId}-${project.version}`}
                project={project}
                milestone={milestone}
                onDone={done}
                onCancel={() => setOpen(undefined)}
              />
            );
          })()
        : null}
      {writable ? <PlanMilestone project={project} onDone={props.onDone} /> : null}
    </section>
  );
}

/** Milestones are planned, moved and met while the project is open (proposed to cost-benefit, or suspended). */
function projectOpen(project: ResearchProjectDetail): boolean {
  return !['findings-published', 'closed', 'abandoned'].includes(project.status);
}

function PlanMilestone(props: { project: ResearchProjectDetail; onDone: (what: string) => void }) {
  const { project } = props;
  const form = useCommandForm({
    initial: { phase: project.phase as ResearchPhase | '', title: '', plannedOn: '' },
    version: project.version,
    invalidates: [RESEARCH_KEY],
    resetOnSuccess: true,
    send: (v, ifMatch) =>
      researchCommands.planMilestone(
        project.projectId,
        { phase: v.phase as ResearchPhase, title: v.title, plannedOn: v.plannedOn },
        ifMatch,
      ),
    onSuccess: (_r, v) => props.onDone(`Milestone “${v.title}” planned.`),
  });
  return (
    <FormPanel title="Plan a milestone" onSubmit={form.onSubmit}>
      <SelectField
        label="Phase"
        {...form.bind('phase')}
        options={RESEARCH_PHASES}
        format={(p) => STATUS_LABELS[p]}
        required
      />
      <TextField label="Title" {...form.bind('title')} required maxLength={200} />
      <TextField label="Planned on" type="date" {...form.bind('plannedOn')} required />
      <FormFooter form={form} submit="Plan the milestone" busyLabel="Saving…" />
    </FormPanel>
  );
}

function RescheduleMilestone(props: {
  project: ResearchProjectDetail;
  milestone: ResearchMilestoneView;
  onDone: (what: string) => void;
  onCancel: () => void;
}) {
  const { project, milestone } = props;
  const form = useCommandForm({
    initial: { plannedOn: milestone.plannedOn, reason: '' },
    version: project.version,
    invalidates: [RESEARCH_KEY],
    send: (v, ifMatch) =>
      researchCommands.rescheduleMilestone(
        project.projectId,
        milestone.milestoneId,
        v.plannedOn,
        v.reason,
        ifMatch,
      ),
    onSuccess: (_r, v) =>
      props.onDone(`“${milestone.title}” rescheduled to ${formatDate(v.plannedOn)}.`),
  });
  return (
    <FormPanel title={`Reschedule “${milestone.title}”`} onSubmit={form.onSubmit}>
      <TextField label="New date" type="date" {...form.bind('plannedOn')} required />
      <TextField label="Reason" {...form.bind('reason')} multiline required maxLength={2000} />
      <FormFooter form={form} submit="Reschedule" busyLabel="Saving…">
        <button type="button" onClick={props.onCancel} disabled={form.busy}>
          Close
        </button>
      </FormFooter>
    </FormPanel>
  );
}

interface DeliverableRow {
  title: string;
  kind: DeliverableKind | '';
  url: string;
}

function CompleteMilestone(props: {
  project: ResearchProjectDetail;
  milestone: ResearchMilestoneView;
  onDone: (what: string) => void;
  onCancel: () => void;
}) {
  const { project, milestone } = props;
  const form = useCommandForm({
    initial: {
      completedOn: '',
      deliverables: [{ title: '', kind: '', url: '' }] as DeliverableRow[],
    },
    version: project.version,
    invalidates: [RESEARCH_KEY],
    send: (v, ifMatch) =>
      researchCommands.completeMilestone(
        project.projectId,
        milestone.milestoneId,
        v.completedOn,
        v.deliverables
          .filter((d) => d.title || d.url)
          .map((d) => ({ title: d.title, kind: d.kind as DeliverableKind, url: d.url })),
        ifMatch,
      ),
    onSuccess: () => props.onDone(`“${milestone.title}” is done.`),
  });
  const rows = form.values.deliverables;
  const setRow = (i: number, row: Partial<DeliverableRow>) =>
    form.set(
      'deliverables',
      rows.map((r, j) => (j === i ? { ...r, ...row } : r)),
    );
  const errors = form.errors;
  return (
    <FormPanel title={`Mark “${milestone.title}” done`} onSubmit={form.onSubmit}>
      <TextField label="Done on" type="date" {...form.bind('completedOn')} required />
      <fieldset>
        <legend>Deliverables</legend>
        {rows.map((row, i) => (
          <div key={i} className="columns">
            <TextField
              label={`Deliverable ${i + 1}: title`}
              name={`deliverables.${i}.title`}
              value={row.title}
              onChange={(title) => setRow(i, { title })}
              errors={errors}
              maxLength={300}
            />
            <SelectField
              label={`Deliverable ${i + 1}: kind`}
              name={`deliverables.${i}.kind`}
              value={row.kind}
              onChange={(kind) => setRow(i, { kind })}
              options={DELIVERABLE_KINDS}
              format={(k) => DELIVERABLE_LABELS[k]}
              emptyLabel="Choose…"
              errors={errors}
            />
            <TextField
              label={`Deliverable ${i + 1}: link`}
              name={`deliverables.${i}.url`}
              type="url"
              value={row.url}
              onChange={(url) => setRow(i, { url })}
              errors={errors}
              maxLength={2000}
            />
          </div>
        ))}
        <button
          type="button"
          onClick={() => form.set('deliverables', [...rows, { title: '', kind: '', url: '' }])}
        >
          Add a deliverable
        </button>
      </fieldset>
      <FormFooter form={form} submit="Mark done" busyLabel="Saving…">
        <button type="button" onClick={props.onCancel} disabled={form.busy}>
          Close
        </button>
      </FormFooter>
    </FormPanel>
  );
}
