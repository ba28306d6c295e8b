import type { ProjectionDefinition } from '@sfp/projections';
import { CertificateCheckController } from './certificate/certificate-check.http.controller';
import { certificatesProjection } from './certificate/certificates.projection';
import { courseCatalogueProjection } from './course/projections/course-catalogue.projection';
import { CoursesQueryController } from './course/projections/courses.http.controller';
import { offeringCalendarProjection } from './offering/projections/offering-calendar.projection';
import { OfferingsQueryController } from './offering/projections/offerings.http.controller';
import { participationsProjection } from './statistics/participations.projection';
import { TrainingStatisticsController } from './statistics/training-statistics.http.controller';

/**
 * The training context's views, each built from its events: the course
 * catalogue, the offering calendar, the certificates and the enrolments the
 * statistics count. None holds personal data: names and e-mails are read from
 * the streams, where an erasure reaches them.
 */
export const TRAINING_PROJECTIONS: ReadonlyArray<ProjectionDefinition<never>> = [
  courseCatalogueProjection,
  offeringCalendarProjection,
  certificatesProjection,
  participationsProjection,
];

/** The routes that read them, and the records' own streams. */
export const TRAINING_QUERY_CONTROLLERS = [
  CoursesQueryController,
  OfferingsQueryController,
  CertificateCheckController,
  TrainingStatisticsController,
];
