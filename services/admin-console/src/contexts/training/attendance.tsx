// Attendance: a grid of the offering's days (columns) by the participants who
// hold a seat (rows), each cell present, absent or not recorded; and, while
// the offering runs, a day's attendance recorded by ticking who was there.
import { useState } from 'react';
import type { OfferingDetail, RosterEnrolment } from '@sfp/contracts';
import { Empty } from '../../components/feedback';
import { FieldMessages, SelectField } from '../../components/fields';
import { FormFooter, FormPanel } from '../../components/form-layout';
import { formatNumber } from '../../components/format';
import { ListTable } from '../../components/table';
import { useCommandForm } from '../../components/use-command-form';
import { offeringAllows, SEATED } from './offering-lifecycle';
import { participantName } from './roster';
import { trainingCommands, TRAINING_KEY } from './training.api';
import { daysOf, formatDay, formatShortDay } from './training-labels';

const seatedIn = (offering: OfferingDetail) =>
  offering.enrolments.filter((e) => SEATED.includes(e.status));

/** Every day of the schedule, and any day recorded outside it. */
const daysOfOffering = (offering: OfferingDetail) =>
  [
    ...new Set([
      ...daysOf(offering.schedule.startsOn, offering.schedule.endsOn),
      ...offering.sessionDays,
    ]),
  ].sort();

export function AttendanceGrid({ offering }: { offering: OfferingDetail }) {
  const seated = seatedIn(offering);
  const days = daysOfOffering(offering);
  if (seated.length === 0) return <Empty>No participant holds a seat.</Empty>;
  const cell = (e: RosterEnrolment, day: string) => {
    const mark = e.attendance.find((a) => a.day === day);
    if (!mark)
      return (
        <span className="sub" title="Not recorded">
          ·
        </span>
      );
    return mark.present ? (
      <span title="Present" aria-label="Present">
        ✓
      </span>
    ) : (
      <span title="Absent" aria-label="Absent">
        ✗
      </span>
    );
  };
  return (
    <ListTable
      label="Attendance"
      columns={['Participant', ...days.map((day) => formatShortDay(day)), 'Days present']}
    >
      {seated.map((e) => (
        <tr key={e.enrolmentId}>
          <td>{participantName(e)}</td>
          {days.map((day) => (
            <td key={day}>{cell(e, day)}</td>
          ))}
          <td>
            {formatNumber(e.attendance.filter((a) => a.present).length, 0)} of{' '}
            {formatNumber(days.length, 0)}
          </td>
        </tr>
      ))}
    </ListTable>
  );
}

/** Records one day: the participants ticked were there, every other seated one was not. */
export function RecordAttendance(props: {
  offering: OfferingDetail;
  onDone: (what: string) => void;
}) {
  const { offering } = props;
  const seated = seatedIn(offering);
  const days = daysOfOffering(offering);
  const firstUnrecorded = days.find((day) => !offering.sessionDays.includes(day)) ?? days[0] ?? '';
  const [present, setPresent] = useState<string[]>(seated.map((e) => e.enrolmentId));
  const form = useCommandForm({
    initial: { day: firstUnrecorded },
    fields: ['present'],
    version: offering.streamVersion,
    invalidates: [TRAINING_KEY],
    send: (v, ifMatch) =>
      trainingCommands.recordAttendance(offering.offeringId, v.day, present, ifMatch),
    onSuccess: (_result, v) =>
      props.onDone(
        `Attendance of ${formatDay(v.day)} recorded: ${formatNumber(present.length, 0)} of ${formatNumber(seated.length, 0)} present.`,
      ),
  });
  if (!offeringAllows(offering.status, 'RecordAttendance') || seated.length === 0) return null;
  return (
    <FormPanel title="Record a day’s attendance" onSubmit={form.onSubmit}>
      <SelectField
        label="Day"
        {...form.bind('day')}
        options={days}
        format={(day) =>
          `${formatDay(day)}${offering.sessionDays.includes(day) ? ' (recorded)' : ''}`
        }
      />
      <fieldset className="field checkboxes">
        <legend>Present</legend>
        {seated.map((e) => (
          <label key={e.enrolmentId} className="checkbox">
            <input
              type="checkbox"
              checked={present.includes(e.enrolmentId)}
              onChange={(event) =>
                setPresent(
                  event.target.checked
                    ? [...present, e.enrolmentId]
                    : present.filter((id) => id !== e.enrolmentId),
                )
              }
            />
            {participantName(e)}
          </label>
        ))}
        <FieldMessages
          id="attendance-present-error"
          messages={form.errors?.messagesFor('present') ?? []}
        />
      </fieldset>
      <FormFooter form={form} submit="Record attendance" busyLabel="Recording…" />
    </FormPanel>
  );
}
