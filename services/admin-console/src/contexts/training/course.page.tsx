import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import {
  COURSE_COMMAND_ALLOWED_FROM,
  COURSE_COMMANDS,
  type CourseCommandType,
  type CourseDetail,
  type CourseStatus,
} from '@sfp/contracts';
import { ActionPicker } from '../../components/action-picker';
import { Badge, Notice, PendingRecord } from '../../components/feedback';
import { TextField } from '../../components/fields';
import { FormFooter } from '../../components/form-layout';
import { formatDateTime, formatHours, formatNumber, label, NONE } from '../../components/format';
import { LinkedProposals } from '../../components/linked-proposals';
import { ListTable } from '../../components/table';
import { useCommandForm } from '../../components/use-command-form';
import { BackLink } from '../../routing/back-link';
import { href, useRouteParams } from '../../routing/paths';
import { useAuth, useDirectory } from '../../session';
import {
  COURSE_EXTRA_FIELDS,
  CourseFields,
  courseDefinitionOf,
  courseValuesOf,
} from './course-form';
import { trainingCommands, trainingQueries, TRAINING_KEY } from './training.api';
import {
  AUDIENCE_LABELS,
  COURSE_KIND_LABELS,
  COURSE_STATUS_LABELS,
  languageName,
  PRIORITY_AREA_LABELS,
  STATUS_BADGES,
} from './training-labels';

const ACTION_LABELS: Record<CourseCommandType, string> = {
  ReviseCourse: 'Revise',
  PublishCourse: 'Publish',
  RetireCourse: 'Retire',
};

const DONE: Record<CourseCommandType, string> = {
  ReviseCourse: 'Course revised.',
  PublishCourse: 'Course published: offerings of it can be planned.',
  RetireCourse: 'Course retired: no new offering of it can be planned.',
};

/** The commands a course's status allows (@sfp/contracts, by which the API refuses the rest). */
const allowedIn = (status: CourseStatus) =>
  COURSE_COMMANDS.filter((command) => COURSE_COMMAND_ALLOWED_FROM[command].includes(status));

/** A course: its current definition, what its status allows, the proposals linked to it and its revisions. */
export function CoursePage() {
  const { courseId } = useRouteParams('trainingCourse');
  const { can } = useAuth();
  const nameOf = useDirectory();
  const [notice, setNotice] = useState<string | null>(null);
  const query = useQuery(trainingQueries.course(courseId));
  const c = query.data;
  const back = <BackLink to={href('trainingCourses')}>Course catalogue</BackLink>;
  if (!c) return <PendingRecord back={back} error={query.error} what="Loading the course" />;
  const d = c.course;
  return (
    <main id="main">
      {back}
      <div className="title-row">
        <h1>{d.title}</h1>
        <Badge kind={STATUS_BADGES[c.status] ?? 'warn'}>
          <span data-testid="course-status">{COURSE_STATUS_LABELS[c.status]}</span>
        </Badge>
      </div>
      <p className="sub">
        {d.code} · {COURSE_KIND_LABELS[d.kind]} · revision {formatNumber(c.revision, 0)}
      </p>
      {notice ? <Notice>{notice}</Notice> : null}
      <p className="actions">
        {c.status === 'published' && can('records:write') ? (
          <Link to={href('newOffering', { course: c.courseId })} className="button primary">
            Plan an offering of this course
          </Link>
        ) : null}
        <Link to={href('trainingOfferings', { courseId: c.courseId })}>Its offerings</Link>
      </p>
      <section aria-labelledby="course-heading">
        <h2 id="course-heading">The course</h2>
        <dl className="details">
          <dt>Priority area</dt>
          <dd>{PRIORITY_AREA_LABELS[d.priorityArea]}</dd>
          <dt>Audiences</dt>
          <dd>{d.audiences.map((a) => AUDIENCE_LABELS[a]).join(', ') || NONE}</dd>
          <dt>Themes</dt>
          <dd>{d.themes.map(label).join(', ') || NONE}</dd>
          <dt>Languages</dt>
          <dd>{d.languages.map(languageName).join(', ')}</dd>
          <dt>Duration</dt>
          <dd>{formatHours(d.durationHours)}</dd>
          <dt>Owner</dt>
          <dd>{d.owner}</dd>
          <dt>Completion</dt>
          <dd>
            At least {formatNumber(d.completionRule.minAttendancePercent, 0)} % of the days attended
            {d.completionRule.minPostTestScore === undefined
              ? ', no test'
              : ` and a post-test score of at least ${formatNumber(d.completionRule.minPostTestScore, 0)} %`}
          </dd>
          <dt>Staff enrolments</dt>
          <dd>
            {d.supervisorApprovalRequired
              ? 'Wait for their supervisor’s approval'
              : 'Need no approval'}
          </dd>
          {c.retirement ? (
            <>
              <dt>Retired</dt>
              <dd>
                {formatDateTime(c.retirement.retiredAt)} by{' '}
                {nameOf('person', c.retirement.retiredBy)}: {c.retirement.reason}
              </dd>
            </>
          ) : null}
        </dl>
        <h3>Learning objectives</h3>
        <ul>
          {d.learningObjectives.map((objective) => (
            <li key={objective}>{objective}</li>
          ))}
        </ul>
      </section>
      {can('records:write') ? (
        <section aria-labelledby="actions-heading">
          <h2 id="actions-heading">Actions</h2>
          <ActionPicker
            label="Actions this status allows"
            allowed={allowedIn(c.status)}
            labels={ACTION_LABELS}
            none={`None: the course is ${COURSE_STATUS_LABELS[c.status].toLowerCase()}.`}
          >
            {(action, close) => (
              <CourseActionForm
                key={`${action}-${c.streamVersion}`}
                action={action}
                course={c}
                onCancel={close}
                onDone={(what) => {
                  close();
                  setNotice(what);
                }}
              />
            )}
          </ActionPicker>
        </section>
      ) : null}
      <LinkedProposals
        query={trainingQueries.courseLinkedProposals(c.courseId)}
        what="this course"
      />
      <section aria-labelledby="revisions-heading">
        <h2 id="revisions-heading">Revisions</h2>
        <ListTable label="Revisions" columns={['Revision', 'Written', 'Published', 'Why']}>
          {[...c.revisions].reverse().map((r) => (
            <tr key={r.revision}>
              <td>{formatNumber(r.revision, 0)}</td>
              <td>
                {formatDateTime(r.writtenAt)}
                <div className="sub">{nameOf('person', r.writtenBy)}</div>
              </td>
              <td>{r.publishedAt ? formatDateTime(r.publishedAt) : NONE}</td>
              <td>{r.reason ?? NONE}</td>
            </tr>
          ))}
        </ListTable>
      </section>
    </main>
  );
}

function CourseActionForm(props: {
  action: CourseCommandType;
  course: CourseDetail;
  onCancel: () => void;
  onDone: (what: string) => void;
}) {
  const { action, course } = props;
  const form = useCommandForm({
    initial: courseValuesOf(course.course),
    fields: COURSE_EXTRA_FIELDS,
    version: course.streamVersion,
    invalidates: [TRAINING_KEY],
    send: (v, ifMatch) => {
      switch (action) {
        case 'ReviseCourse':
          return trainingCommands.reviseCourse(
            course.courseId,
            courseDefinitionOf(v),
            v.reason,
            ifMatch,
          );
        case 'PublishCourse':
          return trainingCommands.publishCourse(course.courseId, ifMatch);
        case 'RetireCourse':
          return trainingCommands.retireCourse(course.courseId, v.reason, ifMatch);
      }
    },
    onSuccess: () => props.onDone(DONE[action]),
  });
  return (
    <form
      className="panel"
      aria-label={`${ACTION_LABELS[action]} the course`}
      onSubmit={form.onSubmit}
      noValidate
    >
      {action === 'ReviseCourse' ? <CourseFields form={form} /> : null}
      {action === 'PublishCourse' ? (
        <p>Publishing makes this revision the one new offerings are planned from.</p>
      ) : null}
      {action !== 'PublishCourse' ? (
        <TextField
          label={action === 'ReviseCourse' ? 'What changed' : 'Reason'}
          {...form.bind('reason')}
          required
          multiline
        />
      ) : null}
      {form.stale ? (
        <p className="error">The course changed since you opened it: reload the page.</p>
      ) : null}
      <FormFooter form={form} submit={ACTION_LABELS[action]} busyLabel="Saving…">
        <button type="button" onClick={props.onCancel} disabled={form.busy}>
          Cancel
        </button>
      </FormFooter>
    </form>
  );
}
