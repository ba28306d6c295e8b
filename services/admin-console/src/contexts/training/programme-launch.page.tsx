import {
  CONSTITUENT_GROUPS,
  PROGRAMME_SCOPE_KINDS,
  REGIONS,
  type ConstituentGroup,
  type ProgrammeScope,
  type ProgrammeScopeKind,
  type Region,
} from '@sfp/contracts';
import { SelectField, TextField } from '../../components/fields';
import { FormFooter } from '../../components/form-layout';
import { BackLink } from '../../routing/back-link';
import { href } from '../../routing/paths';
import { SCOPE_KIND_LABELS } from './programme-progress';
import { programmeCommands } from './training.api';
import { CONSTITUENT_GROUP_LABELS, regionName } from './training-labels';
import { useTrainingForm } from './use-training-form';

/** Launches a capacity-building programme: its title, whom it is for and its period. */
export function ProgrammeLaunchPage() {
  const form = useTrainingForm({
    initial: {
      title: '',
      'scope.kind': 'organisation' as ProgrammeScopeKind,
      'scope.organisation': '',
      'scope.constituentGroup': 'workers-organisation' as ConstituentGroup,
      'scope.country': '',
      'scope.region': 'africa' as Region,
      startsOn: '',
      endsOn: '',
    },
    fields: ['scope'],
    send: (v) => {
      const country = v['scope.country'].trim().toUpperCase();
      const scope: ProgrammeScope =
        v['scope.kind'] === 'organisation'
          ? {
              kind: 'organisation',
              organisation: v['scope.organisation'].trim(),
              constituentGroup: v['scope.constituentGroup'],
              country,
            }
          : v['scope.kind'] === 'country'
            ? { kind: 'country', country }
            : { kind: 'region', region: v['scope.region'] };
      return programmeCommands.launch({
        title: v.title.trim(),
        scope,
        startsOn: v.startsOn,
        endsOn: v.endsOn,
      });
    },
    opens: (launched) => href('trainingProgramme', { programmeId: launched.programmeId }),
  });
  const { bind, values } = form;
  const kind = values['scope.kind'];
  return (
    <main id="main">
      <BackLink to={href('trainingProgrammes')}>Programmes</BackLink>
      <h1>Launch a programme</h1>
      <form className="panel" aria-label="Programme" onSubmit={form.onSubmit} noValidate>
        <TextField label="Title" {...bind('title')} required maxLength={300} />
        <SelectField
          label="For"
          {...bind('scope.kind')}
          options={PROGRAMME_SCOPE_KINDS}
          format={(k) => SCOPE_KIND_LABELS[k]}
          required
        />
        {kind === 'organisation' ? (
          <>
            <TextField
              label="Organisation"
              {...bind('scope.organisation')}
              required
              maxLength={300}
            />
            <SelectField
              label="Constituent group"
              {...bind('scope.constituentGroup')}
              options={CONSTITUENT_GROUPS}
              format={(g) => CONSTITUENT_GROUP_LABELS[g]}
              required
            />
          </>
        ) : null}
        {kind === 'organisation' || kind === 'country' ? (
          <TextField
            label="Country"
            {...bind('scope.country')}
            required
            maxLength={2}
            hint="Two letters (ISO 3166-1), e.g. KE for Kenya"
          />
        ) : null}
        {kind === 'region' ? (
          <SelectField
            label="Region"
            {...bind('scope.region')}
            options={REGIONS}
            format={regionName}
            required
          />
        ) : null}
        <TextField label="First day" type="date" {...bind('startsOn')} required />
        <TextField label="Last day" type="date" {...bind('endsOn')} required />
        <FormFooter form={form} submit="Launch the programme" busyLabel="Launching…" />
      </form>
    </main>
  );
}
