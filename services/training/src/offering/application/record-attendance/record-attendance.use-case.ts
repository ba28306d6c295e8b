import { offeringCommand } from '../offering.command-routes';
import { RecordAttendanceDto } from './record-attendance.request.dto';

/** Who was there on one session day (recording a day again replaces it). POST /offerings/:id/attendance */
export const recordAttendance = offeringCommand({
  path: 'attendance',
  commandType: 'RecordAttendance',
  summary: 'Record who attended one session day (again for a day: replaces it).',
  done: 'Attendance recorded',
  dto: RecordAttendanceDto,
  command: (dto) => ({ type: 'RecordAttendance', day: dto.day, present: dto.present }),
});
