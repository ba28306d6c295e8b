import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

/** The path of a route on one course (`/courses/{id}…`): its id, a version 4 UUID (else 400). */
export class CourseIdParams {
  @ApiProperty({ description: 'The course’s id (a version 4 UUID, as its creation answered)' })
  @IsUUID('4')
  id!: string;
}

/** The path of a route on one offering (`/offerings/{id}…`). */
export class OfferingIdParams {
  @ApiProperty({ description: 'The offering’s id (a version 4 UUID, as its planning answered)' })
  @IsUUID('4')
  id!: string;
}

/** The path of a route on one enrolment of an offering (`/offerings/{id}/enrolments/{enrolmentId}…`). */
export class EnrolmentParams extends OfferingIdParams {
  @ApiProperty({ description: 'The enrolment’s id (as the enrolment answered)' })
  @IsUUID('4')
  enrolmentId!: string;
}

/** The path of a route on one certificate of an offering (`/offerings/{id}/certificates/{certificateId}…`). */
export class CertificateParams extends OfferingIdParams {
  @ApiProperty({ description: 'The certificate’s id (as issued on completion)' })
  @IsUUID('4')
  certificateId!: string;
}

export const NO_SUCH_COURSE = 'No such course (code COURSE_NOT_FOUND)';
export const NO_SUCH_OFFERING = 'No such offering (code OFFERING_NOT_FOUND)';
