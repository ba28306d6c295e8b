// Enrols a participant: a seat while there is one, else the next place on the
// waitlist; a staff member of a course that needs it waits for the supervisor.
import {
  CONSTITUENT_GROUPS,
  type ConstituentGroup,
  type OfferingDetail,
  PARTICIPANT_SEXES,
  type ParticipantSex,
} from '@sfp/contracts';
import { CheckboxField, SelectField, TextField } from '../../components/fields';
import { FormFooter, FormPanel } from '../../components/form-layout';
import { formatNumber } from '../../components/format';
import { useCommandForm } from '../../components/use-command-form';
import { trainingCommands, TRAINING_KEY, type EnrolmentResult } from './training.api';
import { CONSTITUENT_GROUP_LABELS, SEX_LABELS } from './training-labels';

/** What became of an enrolment, said to the person who made it. */
export function enrolmentOutcome(name: string, result: EnrolmentResult): string {
  switch (result.status) {
    case 'enrolled':
      return `${name} is enrolled.`;
    case 'waitlisted':
      return `The offering is full: ${name} is on the waitlist${result.waitlistPosition ? `, place ${formatNumber(result.waitlistPosition, 0)}` : ''}.`;
    case 'awaiting-approval':
      return `${name} waits for the supervisor’s approval.`;
  }
}

export function EnrolForm(props: { offering: OfferingDetail; onDone: (what: string) => void }) {
  const { offering } = props;
  const form = useCommandForm({
    initial: {
      'participant.name': '',
      'participant.email': '',
      'participant.organisation': '',
      'participant.constituentGroup': '' as ConstituentGroup | '',
      'participant.country': '',
      'participant.sex': 'not-stated' as ParticipantSex,
      'participant.staff': false,
      supervisor: '',
    },
    fields: ['participant'],
    invalidates: [TRAINING_KEY],
    resetOnSuccess: true,
    send: (v) =>
      trainingCommands.enrol(
        offering.offeringId,
        {
          name: v['participant.name'].trim(),
          email: v['participant.email'].trim(),
          organisation: v['participant.organisation'].trim(),
          ...(v['participant.constituentGroup']
            ? { constituentGroup: v['participant.constituentGroup'] }
            : {}),
          country: v['participant.country'].trim().toUpperCase(),
          sex: v['participant.sex'],
          staff: v['participant.staff'],
        },
        v['participant.staff'] ? v.supervisor.trim() : undefined,
      ),
    onSuccess: (result, v) => props.onDone(enrolmentOutcome(v['participant.name'].trim(), result)),
  });
  const { bind, values } = form;
  const full = offering.seatsTaken >= offering.capacity;
  return (
    <FormPanel title="Enrol a participant" onSubmit={form.onSubmit}>
      <p className="sub">
        {full
          ? 'Every seat is taken: a new enrolment goes on the waitlist.'
          : `${formatNumber(offering.capacity - offering.seatsTaken, 0)} of ${formatNumber(offering.capacity, 0)} seats free.`}
      </p>
      <div className="grid-3">
        <TextField label="Name" {...bind('participant.name')} required />
        <TextField label="E-mail" type="email" {...bind('participant.email')} required />
        <TextField label="Organisation" {...bind('participant.organisation')} required />
      </div>
      <div className="grid-3">
        <SelectField
          label="Constituent group"
          {...bind('participant.constituentGroup')}
          options={CONSTITUENT_GROUPS}
          emptyLabel="None (staff)"
          format={(group) => CONSTITUENT_GROUP_LABELS[group]}
        />
        <TextField
          label="Country"
          {...bind('participant.country')}
          required
          hint="ISO code, e.g. KE"
        />
        <SelectField
          label="Sex"
          {...bind('participant.sex')}
          options={PARTICIPANT_SEXES}
          format={(sex) => SEX_LABELS[sex]}
        />
      </div>
      <CheckboxField
        checked={values['participant.staff']}
        onChange={(staff) => form.set('participant.staff', staff)}
      >
        A member of the organisation’s staff
      </CheckboxField>
      {values['participant.staff'] && offering.supervisorApprovalRequired ? (
        <TextField
          label="Supervisor"
          {...bind('supervisor')}
          required
          hint="Who approves (user id or e-mail): the enrolment waits until then."
        />
      ) : null}
      <FormFooter form={form} submit="Enrol" busyLabel="Enrolling…" />
    </FormPanel>
  );
}
