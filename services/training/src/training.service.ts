import { defineService } from '@sfp/service-kit';
import { courseCommandController } from './course/application/course.command-routes';
import { Courses } from './course/application/courses';
import {
  LINKED_PROPOSAL_CONTROLLERS,
  LINKED_PROPOSAL_PROJECTIONS,
  LINKED_PROPOSAL_SUBSCRIPTIONS,
} from './linked-proposal/linked-proposal.module-parts';
import { CreateCourseController } from './course/application/create-course/create-course.http.controller';
import { publishCourse } from './course/application/publish-course/publish-course.use-case';
import { retireCourse } from './course/application/retire-course/retire-course.use-case';
import { reviseCourse } from './course/application/revise-course/revise-course.use-case';
import { approveEnrolment } from './offering/application/approve-enrolment/approve-enrolment.use-case';
import { cancelOffering } from './offering/application/cancel-offering/cancel-offering.use-case';
import { changeCapacity } from './offering/application/change-capacity/change-capacity.use-case';
import { completeOffering } from './offering/application/complete-offering/complete-offering.use-case';
import { declineEnrolment } from './offering/application/decline-enrolment/decline-enrolment.use-case';
import { EnrolParticipantController } from './offering/application/enrol-participant/enrol-participant.http.controller';
import { offeringCommandController } from './offering/application/offering.command-routes';
import { Offerings } from './offering/application/offerings';
import { openOffering } from './offering/application/open-offering/open-offering.use-case';
import { PlanOfferingController } from './offering/application/plan-offering/plan-offering.http.controller';
import { recordAttendance } from './offering/application/record-attendance/record-attendance.use-case';
import { recordTestScores } from './offering/application/record-test-scores/record-test-scores.use-case';
import { revokeCertificate } from './offering/application/revoke-certificate/revoke-certificate.use-case';
import { startOffering } from './offering/application/start-offering/start-offering.use-case';
import { submitEvaluation } from './offering/application/submit-evaluation/submit-evaluation.use-case';
import { TrainingInboundCommands } from './offering/application/training.inbound-commands';
import { withdrawEnrolment } from './offering/application/withdraw-enrolment/withdraw-enrolment.use-case';
import {
  PROGRAMME_CONTROLLERS,
  PROGRAMME_PROJECTIONS,
  PROGRAMME_PROVIDERS,
} from './programme/programme.module-parts';
import { PersonalDataErasureController } from './personal-data/personal-data-erasure.http.controller';
import { TRAINING_CONTEXT, TRAINING_ERROR_STATUSES, trainingEventTypes } from './training.context';
import { TRAINING_PROJECTIONS, TRAINING_QUERY_CONTROLLERS } from './training.read-side';

/** One controller per command of a course: creating it, then each use case's route. */
export const COURSE_COMMAND_CONTROLLERS = [
  CreateCourseController,
  ...[reviseCourse, publishCourse, retireCourse].map((useCase) => courseCommandController(useCase)),
];

/** One controller per command of an offering: planning it, enrolling, then each use case's route. */
export const OFFERING_COMMAND_CONTROLLERS = [
  PlanOfferingController,
  EnrolParticipantController,
  offeringCommandController(openOffering),
  offeringCommandController(changeCapacity),
  offeringCommandController(approveEnrolment),
  offeringCommandController(declineEnrolment),
  offeringCommandController(withdrawEnrolment),
  offeringCommandController(startOffering),
  offeringCommandController(recordAttendance),
  offeringCommandController(recordTestScores),
  offeringCommandController(completeOffering),
  offeringCommandController(cancelOffering),
  offeringCommandController(revokeCertificate),
  offeringCommandController(submitEvaluation),
];

/**
 * Training: courses and their revisions, offerings of them with enrolment,
 * waitlists, attendance, tests, completion and certificates, and
 * capacity-building programmes with targets, over HTTP
 * (/api/training) and by message (sfp.training.commands) for departments'
 * learning systems.
 */
export const trainingService = defineService({
  context: TRAINING_CONTEXT,
  title: 'SFP Training',
  description:
    'The training service on its own: courses, offerings, enrolments, attendance, results and certificates, and capacity-building programmes with targets. ' +
    'Departments’ learning systems can also enrol participants and withdraw enrolments by message on sfp.training.commands.',
  defaultPort: 3004,
  personalData: true,
  eventTypes: trainingEventTypes,
  errorStatuses: TRAINING_ERROR_STATUSES,
  controllers: [
    ...COURSE_COMMAND_CONTROLLERS,
    ...OFFERING_COMMAND_CONTROLLERS,
    ...TRAINING_QUERY_CONTROLLERS,
    ...PROGRAMME_CONTROLLERS,
    ...LINKED_PROPOSAL_CONTROLLERS,
    PersonalDataErasureController,
  ],
  providers: [Courses, Offerings, ...PROGRAMME_PROVIDERS],
  projections: [...TRAINING_PROJECTIONS, ...PROGRAMME_PROJECTIONS, ...LINKED_PROPOSAL_PROJECTIONS],
  inboundCommands: TrainingInboundCommands,
  subscriptions: LINKED_PROPOSAL_SUBSCRIPTIONS,
});
