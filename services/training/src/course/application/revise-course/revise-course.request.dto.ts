import { Text } from '../../../http/field-decorators';
import { CourseBodyDto } from '../course-definition.dto';

export class ReviseCourseDto extends CourseBodyDto {
  @Text(1, 1000, { example: 'Added a module on digital credit' })
  reason!: string;
}
