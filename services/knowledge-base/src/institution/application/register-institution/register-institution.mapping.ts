import type { Untimed } from '../../../application/knowledge-base-command';
import type { RegisterInstitution } from '../../domain/institution.commands';
import type { RegisterInstitutionDto } from '../institution.request.dto';

/** The registration a validated DTO asks for, from HTTP or by message alike. */
export function registrationOf(
  institutionId: string,
  dto: RegisterInstitutionDto,
): Untimed<RegisterInstitution> {
  return {
    type: 'RegisterInstitution',
    institutionId,
    name: dto.name,
    kind: dto.kind,
    legalType: dto.legalType,
    country: dto.country,
    region: dto.region,
    programmes: dto.programmes,
    ...(dto.reportingDepartment ? { reportingDepartment: dto.reportingDepartment } : {}),
  };
}
