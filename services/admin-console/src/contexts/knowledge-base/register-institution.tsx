import { INSTITUTION_KINDS, LEGAL_TYPES, REGIONS } from '@sfp/contracts';
import { CheckboxField, SelectField, TextField } from '../../components/fields';
import { FormFooter, FormPanel } from '../../components/form-layout';
import { listOf } from '../../components/form-values';
import { href } from '../../routing/paths';
import { knowledgeBaseCommands, type NewInstitution } from './knowledge-base.api';
import { useKnowledgeBaseForm } from './use-knowledge-base-form';

/** Registers an institution, and activates it at once unless told not to. */
export function RegisterInstitution() {
  const form = useKnowledgeBaseForm({
    initial: {
      name: '',
      kind: 'microfinance-institution' as NewInstitution['kind'],
      legalType: 'nbfi' as NewInstitution['legalType'],
      country: '',
      region: 'africa' as NewInstitution['region'],
      programmes: '',
      reportingDepartment: '',
      activate: true,
    },
    send: async (v) => {
      const created = await knowledgeBaseCommands.registerInstitution({
        name: v.name.trim(),
        kind: v.kind,
        legalType: v.legalType,
        country: v.country.trim().toUpperCase(),
        region: v.region,
        programmes: listOf(v.programmes),
        ...(v.reportingDepartment.trim()
          ? { reportingDepartment: v.reportingDepartment.trim() }
          : {}),
      });
      if (v.activate)
        await knowledgeBaseCommands.changeStatus(
          created.id,
          'ActivateInstitution',
          {},
          created.streamVersion,
        );
      return created;
    },
    opens: (created) => href('institution', { institutionId: created.id }),
  });
  const { bind } = form;
  return (
    <FormPanel title="Register an institution" onSubmit={form.onSubmit}>
      <TextField label="Name" {...bind('name')} required />
      <SelectField label="Kind" {...bind('kind')} options={INSTITUTION_KINDS} />
      <SelectField label="Legal type" {...bind('legalType')} options={LEGAL_TYPES} />
      <TextField label="Country" {...bind('country')} required hint="ISO 3166-1 alpha-2, e.g. KE" />
      <SelectField label="Region" {...bind('region')} options={REGIONS} />
      <TextField
        label="Programmes"
        {...bind('programmes')}
        hint="Comma-separated ids, e.g. sfp-youth-employment"
      />
      <TextField label="Reporting department (optional)" {...bind('reportingDepartment')} />
      <CheckboxField
        checked={form.values.activate}
        onChange={(activate) => form.set('activate', activate)}
      >
        Activate it now (reports can be filed for active institutions)
      </CheckboxField>
      <FormFooter form={form} submit="Register" busyLabel="Registering…" />
    </FormPanel>
  );
}
