// A participant's answers to the satisfaction questionnaire (@sfp/contracts'
// EVALUATION_ITEMS on the LIKERT_RANGE scale), recorded once per enrolment
// while the offering runs or after it completed. The answers are anonymous
// in the statistics: the roster never shows them.
import { useState } from 'react';
import {
  EVALUATION_ITEMS,
  type EvaluationItem,
  type EvaluationRating,
  LIKERT_RANGE,
  type OfferingDetail,
} from '@sfp/contracts';
import { SelectField, TextField } from '../../components/fields';
import { FormFooter, FormPanel } from '../../components/form-layout';
import { useCommandForm } from '../../components/use-command-form';
import { offeringAllows, SEATED } from './offering-lifecycle';
import { participantName } from './roster';
import { trainingCommands, TRAINING_KEY } from './training.api';
import { EVALUATION_ITEM_LABELS } from './training-labels';

const SCALE = Array.from({ length: LIKERT_RANGE.max - LIKERT_RANGE.min + 1 }, (_, i) =>
  String(LIKERT_RANGE.min + i),
);
const SCALE_LABELS: Record<string, string> = {
  '1': '1 – strongly disagree',
  '2': '2 – disagree',
  '3': '3 – neither agree nor disagree',
  '4': '4 – agree',
  '5': '5 – strongly agree',
};

export function EvaluationForm(props: {
  offering: OfferingDetail;
  onDone: (what: string) => void;
}) {
  const { offering } = props;
  const seated = offering.enrolments.filter((e) => SEATED.includes(e.status));
  const names = Object.fromEntries(seated.map((e) => [e.enrolmentId, participantName(e)]));
  const [ratings, setRatings] = useState<Partial<Record<EvaluationItem, string>>>({});
  const form = useCommandForm({
    initial: { enrolmentId: seated[0]?.enrolmentId ?? '', comment: '' },
    invalidates: [TRAINING_KEY],
    resetOnSuccess: true,
    send: (v) =>
      trainingCommands.submitEvaluation(offering.offeringId, {
        enrolmentId: v.enrolmentId,
        ratings: EVALUATION_ITEMS.flatMap((item): EvaluationRating[] =>
          ratings[item] ? [{ item, score: Number(ratings[item]) }] : [],
        ),
        ...(v.comment.trim() ? { comment: v.comment.trim() } : {}),
      }),
    onSuccess: () => {
      setRatings({});
      props.onDone('Evaluation recorded (it is counted anonymously).');
    },
  });
  if (!offeringAllows(offering.status, 'SubmitEvaluation') || seated.length === 0) return null;
  return (
    <FormPanel title="Record an evaluation" onSubmit={form.onSubmit}>
      <SelectField
        label="Participant"
        {...form.bind('enrolmentId')}
        options={seated.map((e) => e.enrolmentId)}
        format={(id) => names[id] ?? id}
      />
      <div className="grid-3">
        {/* Refusals of the ratings are listed above the button: their places are the answered items'. */}
        {EVALUATION_ITEMS.map((item) => (
          <SelectField
            key={item}
            label={EVALUATION_ITEM_LABELS[item]}
            name={`rating-${item}`}
            value={ratings[item] ?? ''}
            onChange={(score) => setRatings((previous) => ({ ...previous, [item]: score }))}
            options={SCALE}
            emptyLabel="Not answered"
            format={(score) => SCALE_LABELS[score] ?? score}
            errors={null}
          />
        ))}
      </div>
      <TextField label="Comment" {...form.bind('comment')} multiline required={false} />
      <FormFooter form={form} submit="Record the evaluation" busyLabel="Recording…" />
    </FormPanel>
  );
}
