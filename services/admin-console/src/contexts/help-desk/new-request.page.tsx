import { useNavigate, Link } from 'react-router';
import { CONSTITUENT_GROUPS, ORIGINS, PRIORITIES, REGIONS } from '@sfp/contracts';
import { SelectField, TextField } from '../../components/fields';
import { FormFooter } from '../../components/form-layout';
import { useCommandForm } from '../../components/use-command-form';
import { BackLink } from '../../routing/back-link';
import { href } from '../../routing/paths';
import { ClassificationFields } from './classification-fields';
import { HELP_DESK_KEY, helpDeskCommands, type Choice, type NewRequest } from './help-desk.api';

type Requester = NewRequest['requester'];

/** The form's values, keyed by the API's field names, typed by the request they become. */
const INITIAL = {
  'requester.name': '',
  'requester.email': '',
  'requester.origin': 'unit' as Requester['origin'],
  'requester.organisation': '',
  'requester.constituentGroup': '' as Choice<NonNullable<Requester['constituentGroup']>>,
  title: '',
  description: '',
  kind: '' as NewRequest['kind'],
  globalInitiative: '' as Choice<NonNullable<NewRequest['globalInitiative']>>,
  themes: [] as NewRequest['themes'],
  region: '' as NewRequest['region'],
  country: '',
  priority: 'normal' as NewRequest['priority'],
};

/** Files a request. The API validates it; its messages are shown beside the fields. */
export function NewRequestPage() {
  const navigate = useNavigate();
  const form = useCommandForm({
    initial: INITIAL,
    invalidates: [HELP_DESK_KEY],
    send: (v) =>
      helpDeskCommands.submit({
        requester: {
          name: v['requester.name'],
          email: v['requester.email'],
          origin: v['requester.origin'],
          organisation: v['requester.organisation'],
          ...(v['requester.origin'] === 'constituent' && v['requester.constituentGroup']
            ? { constituentGroup: v['requester.constituentGroup'] }
            : {}),
        },
        title: v.title,
        description: v.description,
        kind: v.kind,
        ...(v.kind === 'global-initiative-coordination' && v.globalInitiative
          ? { globalInitiative: v.globalInitiative }
          : {}),
        themes: v.themes,
        region: v.region,
        country: v.country.trim().toUpperCase(),
        priority: v.priority,
      }),
    onSuccess: (result) => navigate(href('request', { requestId: result.requestId })),
  });
  const { values, bind } = form;
  return (
    <main id="main" className="medium">
      <BackLink to={href('queue')}>Request queue</BackLink>
      <h1>File a request</h1>
      <form onSubmit={form.onSubmit} aria-label="File a request" noValidate>
        <fieldset>
          <legend>Requester</legend>
          <TextField
            label="Name"
            {...bind('requester.name')}
            required
            hint="Personal data: stored encrypted, erasable"
          />
          <TextField label="E-mail" type="email" {...bind('requester.email')} required />
          <SelectField label="Origin" {...bind('requester.origin')} options={ORIGINS} />
          <TextField
            label="Organisation"
            {...bind('requester.organisation')}
            required
            hint="Unit, department, office or constituent organisation"
          />
          {values['requester.origin'] === 'constituent' ? (
            <SelectField
              label="Constituent group"
              {...bind('requester.constituentGroup')}
              options={CONSTITUENT_GROUPS}
              emptyLabel="Choose…"
            />
          ) : null}
        </fieldset>
        <fieldset>
          <legend>Request</legend>
          <TextField label="Title" {...bind('title')} required />
          <TextField label="Description" {...bind('description')} required multiline />
          <ClassificationFields
            kind={bind('kind')}
            globalInitiative={bind('globalInitiative')}
            themes={bind('themes')}
            unclassified
          />
          <SelectField
            label="Region"
            {...bind('region')}
            options={REGIONS}
            emptyLabel="Choose…"
            required
          />
          <TextField
            label="Country"
            {...bind('country')}
            required
            hint="ISO 3166-1 alpha-2 code, e.g. SN"
            maxLength={10}
          />
          <SelectField label="Priority" {...bind('priority')} options={PRIORITIES} />
        </fieldset>
        <FormFooter form={form} submit="File the request" busyLabel="Filing…">
          <Link to={href('queue')} className="button">
            Cancel
          </Link>
        </FormFooter>
      </form>
    </main>
  );
}
