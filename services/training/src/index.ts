// Training as the platform host and the standalone main see it.
export {
  trainingService,
  COURSE_COMMAND_CONTROLLERS,
  OFFERING_COMMAND_CONTROLLERS,
} from './training.service';
export {
  TRAINING_CONTEXT,
  TRAINING_ERROR_STATUSES,
  trainingEventTypes,
  courseStreamId,
  offeringStreamId,
} from './training.context';
