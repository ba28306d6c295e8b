// The project's own commands its status allows (RESEARCH_COMMAND_ALLOWED_FROM
// in @sfp/contracts, by which the API refuses the rest): approve it, move it to
// its next phase (NEXT_PHASE), approve the innovation's design, record a survey
// round, publish its findings (a correction with its reason), suspend, resume,
// abandon or close it. A guard within a status (no baseline without an
// approved design, …) is the API's: its refusal is shown with its message.
import {
  NEXT_PHASE,
  RESEARCH_COMMAND_ALLOWED_FROM,
  type ResearchPhase,
  type ResearchProjectCommandType,
  type ResearchProjectDetail,
} from '@sfp/contracts';
import { ActionPicker } from '../../components/action-picker';
import { SelectField, TextField } from '../../components/fields';
import { FormFooter } from '../../components/form-layout';
import { numberOf } from '../../components/form-values';
import { useCommandForm } from '../../components/use-command-form';
import { researchCommands, RESEARCH_KEY } from './research.api';
import { STATUS_LABELS, surveyRoundName } from './research-labels';

const PROJECT_ACTIONS = [
  'ApproveProject',
  'AdvancePhase',
  'ApproveInnovationDesign',
  'RecordSurveyRound',
  'PublishFindings',
  'SuspendProject',
  'ResumeProject',
  'AbandonProject',
  'CloseProject',
] as const satisfies readonly ResearchProjectCommandType[];
type ProjectAction = (typeof PROJECT_ACTIONS)[number];

function actionLabel(action: ProjectAction, project: ResearchProjectDetail): string {
  const next = NEXT_PHASE[project.phase];
  switch (action) {
    case 'ApproveProject':
      return 'Approve the project';
    case 'AdvancePhase':
      return next ? `Move to ${STATUS_LABELS[next].toLowerCase()}` : 'Move to the next phase';
    case 'ApproveInnovationDesign':
      return 'Approve the design';
    case 'RecordSurveyRound':
      return 'Record a survey round';
    case 'PublishFindings':
      return project.publications.length ? 'Publish a correction' : 'Publish the findings';
    case 'SuspendProject':
      return 'Suspend';
    case 'ResumeProject':
      return 'Resume';
    case 'AbandonProject':
      return 'Abandon';
    case 'CloseProject':
      return 'Close';
  }
}

const DONE: Record<ProjectAction, string> = {
  ApproveProject: 'The project is approved.',
  AdvancePhase: 'The project moved to its next phase.',
  ApproveInnovationDesign: 'The design of the innovation is approved.',
  RecordSurveyRound: 'The survey round is recorded.',
  PublishFindings: 'The findings are published: the knowledge base will show them.',
  SuspendProject: 'The project is suspended.',
  ResumeProject: 'The project resumed where it was.',
  AbandonProject: 'The project is abandoned: it can still publish what it learnt.',
  CloseProject: 'The project is closed.',
};

export function projectAllows(
  project: ResearchProjectDetail,
  command: ResearchProjectCommandType,
): boolean {
  return RESEARCH_COMMAND_ALLOWED_FROM[command].includes(project.status);
}

export function ProjectActions(props: {
  project: ResearchProjectDetail;
  onDone: (what: string) => void;
}) {
  const { project } = props;
  const allowed = PROJECT_ACTIONS.filter((action) => projectAllows(project, action));
  const labels = Object.fromEntries(
    PROJECT_ACTIONS.map((action) => [action, actionLabel(action, project)]),
  ) as Record<ProjectAction, string>;
  return (
    <ActionPicker
      label="Actions this status allows"
      allowed={allowed}
      labels={labels}
      none={`None: the project is ${STATUS_LABELS[project.status].toLowerCase()}.`}
    >
      {(action, close) => (
        <ProjectActionForm
          key={`${action}-${project.version}`}
          action={action}
          title={labels[action]}
          project={project}
          onCancel={close}
          onDone={(what) => {
            close();
            props.onDone(what);
          }}
        />
      )}
    </ActionPicker>
  );
}

/** The next survey round the project's status expects: the baseline, or the next follow-up. */
function nextRound(project: ResearchProjectDetail): {
  kind: 'baseline' | 'follow-up';
  number: number;
} {
  if (project.status === 'baseline-survey') return { kind: 'baseline', number: 0 };
  const followUps = project.surveyRounds.filter((r) => r.kind === 'follow-up').length;
  return { kind: 'follow-up', number: followUps + 1 };
}

function ProjectActionForm(props: {
  action: ProjectAction;
  title: string;
  project: ResearchProjectDetail;
  onCancel: () => void;
  onDone: (what: string) => void;
}) {
  const { action, project } = props;
  const id = project.projectId;
  const next = NEXT_PHASE[project.phase];
  const round = nextRound(project);
  const correcting = project.publications.length > 0;
  const form = useCommandForm({
    initial: {
      note: '',
      reason: '',
      summary: project.publications.at(-1)?.summary ?? '',
      correctionReason: '',
      completedOn: '',
      treatment: '',
      comparison: '',
      to: (next ?? '') as ResearchPhase | '',
    },
    version: project.version,
    invalidates: [RESEARCH_KEY],
    fields: ['sample.treatment', 'sample.comparison'],
    send: (v, ifMatch) => {
      switch (action) {
        case 'ApproveProject':
          return researchCommands.approve(id, v.note, ifMatch);
        case 'AdvancePhase':
          return researchCommands.advance(id, v.to as ResearchPhase, ifMatch);
        case 'ApproveInnovationDesign':
          return researchCommands.approveDesign(id, v.note, ifMatch);
        case 'RecordSurveyRound':
          return researchCommands.recordSurveyRound(
            id,
            {
              kind: round.kind,
              number: round.number,
              completedOn: v.completedOn,
              sample: {
                treatment: numberOf(v.treatment) ?? Number.NaN,
                comparison: numberOf(v.comparison) ?? Number.NaN,
              },
              ...(v.note ? { note: v.note } : {}),
            },
            ifMatch,
          );
        case 'PublishFindings':
          return researchCommands.publish(id, v.summary, v.correctionReason, ifMatch);
        case 'SuspendProject':
          return researchCommands.suspend(id, v.reason, ifMatch);
        case 'ResumeProject':
          return researchCommands.resume(id, ifMatch);
        case 'AbandonProject':
          return researchCommands.abandon(id, v.reason, ifMatch);
        case 'CloseProject':
          return researchCommands.close(id, v.note, ifMatch);
      }
    },
    onSuccess: () => props.onDone(DONE[action]),
  });
  return (
    <form className="panel" aria-label={props.title} onSubmit={form.onSubmit} noValidate>
      {action === 'AdvancePhase' && next ? (
        <>
          <p>
            From {STATUS_LABELS[project.phase].toLowerCase()} to {STATUS_LABELS[next].toLowerCase()}
            .
          </p>
          <SelectField
            label="Next phase"
            {...form.bind('to')}
            options={[next]}
            format={(phase) => STATUS_LABELS[phase]}
            required
          />
        </>
      ) : null}
      {action === 'ApproveProject' || action === 'CloseProject' ? (
        <TextField label="Note" {...form.bind('note')} multiline maxLength={2000} />
      ) : null}
      {action === 'ApproveInnovationDesign' ? (
        <TextField
          label="Note"
          {...form.bind('note')}
          multiline
          required
          maxLength={2000}
          hint="What was approved, and by whom: the baseline survey can then start."
        />
      ) : null}
      {action === 'RecordSurveyRound' ? (
        <>
          <p>{surveyRoundName(round.number)} round.</p>
          <TextField label="Completed on" type="date" {...form.bind('completedOn')} required />
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
          <TextField label="Note" {...form.bind('note')} multiline maxLength={2000} />
        </>
      ) : null}
      {action === 'PublishFindings' ? (
        <>
          {project.status === 'abandoned' ? (
            <p>The project is abandoned: it publishes what it learnt.</p>
          ) : null}
          <TextField
            label="Summary"
            {...form.bind('summary')}
            multiline
            required
            maxLength={4000}
            hint="What the project found, null results included: the knowledge base shows it."
          />
          {correcting ? (
            <TextField
              label="Reason for the correction"
              {...form.bind('correctionReason')}
              multiline
              required
              maxLength={2000}
              hint={`Published as version ${project.publications.length + 1}.`}
            />
          ) : null}
        </>
      ) : null}
      {action === 'SuspendProject' || action === 'AbandonProject' ? (
        <TextField label="Reason" {...form.bind('reason')} multiline required maxLength={2000} />
      ) : null}
      {form.stale ? (
        <p className="error">The project changed since you opened it: reload the page.</p>
      ) : null}
      <FormFooter form={form} submit={props.title} busyLabel="Saving…">
        <button type="button" onClick={props.onCancel} disabled={form.busy}>
          Close
        </button>
      </FormFooter>
    </form>
  );
}
