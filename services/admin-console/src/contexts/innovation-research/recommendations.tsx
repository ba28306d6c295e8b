// A project's recommendations for policy and practice: shown, and replaced as
// a whole by the form (after the impact analysis, and after publication to
// correct them before a new version).
import {
  RECOMMENDATION_AUDIENCES,
  type RecommendationAudience,
  type ResearchProjectDetail,
} from '@sfp/contracts';
import { Empty } from '../../components/feedback';
import { SelectField, TextField } from '../../components/fields';
import { FormFooter, FormPanel } from '../../components/form-layout';
import { useCommandForm } from '../../components/use-command-form';
import { projectAllows } from './project-actions';
import { researchCommands, RESEARCH_KEY } from './research.api';
import { AUDIENCE_LABELS } from './research-labels';

interface Row {
  audience: RecommendationAudience | '';
  text: string;
}

export function Recommendations(props: {
  project: ResearchProjectDetail;
  canWrite: boolean;
  onDone: (what: string) => void;
}) {
  const { project } = props;
  const editable = props.canWrite && projectAllows(project, 'RecordRecommendations');
  if (!project.recommendations.length && !editable) return null;
  return (
    <section aria-label="Recommendations">
      <h2>Recommendations</h2>
      {project.recommendations.length ? (
        <ul>
          {project.recommendations.map((r) => (
            <li key={`${r.audience}-${r.text}`}>
              <strong>{AUDIENCE_LABELS[r.audience]}:</strong> {r.text}
            </li>
          ))}
        </ul>
      ) : (
        <Empty>No recommendation yet.</Empty>
      )}
      {editable ? (
        <RecommendationsForm key={project.version} project={project} onDone={props.onDone} />
      ) : null}
    </section>
  );
}

function RecommendationsForm(props: {
  project: ResearchProjectDetail;
  onDone: (what: string) => void;
}) {
  const { project } = props;
  const form = useCommandForm({
    initial: {
      recommendations: (project.recommendations.length
        ? project.recommendations
        : [{ audience: '', text: '' }]) as Row[],
    },
    version: project.version,
    invalidates: [RESEARCH_KEY],
    send: (v, ifMatch) =>
      researchCommands.recordRecommendations(
        project.projectId,
        v.recommendations
          .filter((r) => r.text.trim())
          .map((r) => ({ audience: r.audience as RecommendationAudience, text: r.text })),
        ifMatch,
      ),
    onSuccess: () => props.onDone('The recommendations are recorded.'),
  });
  const rows = form.values.recommendations;
  const setRow = (i: number, row: Partial<Row>) =>
    form.set(
      'recommendations',
      rows.map((r, j) => (j === i ? { ...r, ...row } : r)),
    );
  return (
    <FormPanel title="Record the recommendations" onSubmit={form.onSubmit}>
      {rows.map((row, i) => (
        <div key={i} className="columns">
          <SelectField
            label={`Recommendation ${i + 1}: for`}
            name={`recommendations.${i}.audience`}
            value={row.audience}
            onChange={(audience) => setRow(i, { audience })}
            options={RECOMMENDATION_AUDIENCES}
            format={(a) => AUDIENCE_LABELS[a]}
            emptyLabel="Choose…"
            errors={form.errors}
          />
          <TextField
            label={`Recommendation ${i + 1}`}
            name={`recommendations.${i}.text`}
            value={row.text}
            onChange={(text) => setRow(i, { text })}
            errors={form.errors}
            multiline
            maxLength={2000}
          />
        </div>
      ))}
      <button
        type="button"
        onClick={() => form.set('recommendations', [...rows, { audience: '', text: '' }])}
      >
        Add a recommendation
      </button>
      <FormFooter form={form} submit="Record the recommendations" busyLabel="Saving…" />
    </FormPanel>
  );
}
