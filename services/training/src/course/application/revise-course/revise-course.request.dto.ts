import { Text } from '@sfp/service-kit/body-fields';
import { CourseBodyDto } from '../course-definition.dto';

export class ReviseCourseDto extends CourseBodyDto {
  @Text(1, 1000, { example: 'Added a module on digital credit' })
  reason!: string;
}
