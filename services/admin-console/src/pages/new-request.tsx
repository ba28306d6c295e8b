import { useState, type FormEvent } from 'react';
import {
  CONSTITUENT_GROUPS,
  GLOBAL_INITIATIVES,
  ORIGINS,
  PRIORITIES,
  REGIONS,
  REQUEST_KINDS,
  THEMES,
} from '@sfp/contracts';
import { ApiError, post } from '../api/client';
import { label, type CommandResult } from '../api/types';
import { CheckboxGroup, FormErrors, SelectField, TextField } from '../components/ui';
import { Link, useNavigate } from 'react-router';
import { href } from '../routing/paths';

const FIELDS = [
  'requester.name',
  'requester.email',
  'requester.origin',
  'requester.organisation',
  'requester.constituentGroup',
  'title',
  'description',
  'kind',
  'globalInitiative',
  'themes',
  'region',
  'country',
  'priority',
] as const;

/** Files a request. The API validates it; its messages are shown beside the fields. */
export function NewRequestPage() {
  const navigate = useNavigate();
  const [values, setValues] = useState<Record<string, string>>({
    priority: 'normal',
    'requester.origin': 'unit',
  });
  const [themes, setThemes] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (name: string) => (value: string) => setValues((v) => ({ ...v, [name]: value }));
  const errors = error instanceof ApiError ? error : null;
  const v = (name: string) => values[name] ?? '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const origin = v('requester.origin');
    try {
      const result = await post<CommandResult>('/api/help-desk/service-requests', {
        requester: {
          name: v('requester.name'),
          email: v('requester.email'),
          origin,
          organisation: v('requester.organisation'),
          ...(origin === 'constituent' && v('requester.constituentGroup')
            ? { constituentGroup: v('requester.constituentGroup') }
            : {}),
        },
        title: v('title'),
        description: v('description'),
        kind: v('kind'),
        ...(v('kind') === 'global-initiative-coordination' && v('globalInitiative')
          ? { globalInitiative: v('globalInitiative') }
          : {}),
        themes,
        region: v('region'),
        country: v('country').trim().toUpperCase(),
        priority: v('priority'),
      });
      navigate(href('request', { requestId: result.requestId }));
    } catch (e) {
      setError(e);
      setBusy(false);
      // Move to the first field in error, so a keyboard or screen-reader user lands on it.
      setTimeout(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
    }
  };

  return (
    <main id="main" className="medium">
      <p>
        <Link to={href('queue')}>← Request queue</Link>
      </p>
      <h1>File a request</h1>
      <form onSubmit={submit} aria-label="File a request" noValidate>
        <fieldset>
          <legend>Requester</legend>
          <TextField
            label="Name"
            name="requester.name"
            value={v('requester.name')}
            onChange={set('requester.name')}
            errors={errors}
            required
            hint="Personal data: stored encrypted, erasable"
          />
          <TextField
            label="E-mail"
            name="requester.email"
            type="email"
            value={v('requester.email')}
            onChange={set('requester.email')}
            errors={errors}
            required
          />
          <SelectField
            label="Origin"
            name="requester.origin"
            value={v('requester.origin')}
            onChange={set('requester.origin')}
            options={ORIGINS}
            format={label}
            errors={errors}
          />
          <TextField
            label="Organisation"
            name="requester.organisation"
            value={v('requester.organisation')}
            onChange={set('requester.organisation')}
            errors={errors}
            required
            hint="Unit, department, office or constituent organisation"
          />
          {v('requester.origin') === 'constituent' ? (
            <SelectField
              label="Constituent group"
              name="requester.constituentGroup"
              value={v('requester.constituentGroup')}
              onChange={set('requester.constituentGroup')}
              options={CONSTITUENT_GROUPS}
              emptyLabel="Choose…"
              format={label}
              errors={errors}
            />
          ) : null}
        </fieldset>
        <fieldset>
          <legend>Request</legend>
          <TextField
            label="Title"
            name="title"
            value={v('title')}
            onChange={set('title')}
            errors={errors}
            required
          />
          <TextField
            label="Description"
            name="description"
            value={v('description')}
            onChange={set('description')}
            errors={errors}
            required
            multiline
          />
          <SelectField
            label="Kind"
            name="kind"
            value={v('kind')}
            onChange={set('kind')}
            options={REQUEST_KINDS}
            emptyLabel="Choose…"
            format={label}
            errors={errors}
            required
          />
          {v('kind') === 'global-initiative-coordination' ? (
            <SelectField
              label="Global initiative"
              name="globalInitiative"
              value={v('globalInitiative')}
              onChange={set('globalInitiative')}
              options={GLOBAL_INITIATIVES}
              emptyLabel="Choose…"
              format={label}
              errors={errors}
            />
          ) : null}
          <CheckboxGroup
            legend="Themes"
            name="themes"
            options={THEMES}
            value={themes}
            onChange={setThemes}
            format={label}
            errors={errors}
          />
          <SelectField
            label="Region"
            name="region"
            value={v('region')}
            onChange={set('region')}
            options={REGIONS}
            emptyLabel="Choose…"
            format={label}
            errors={errors}
            required
          />
          <TextField
            label="Country"
            name="country"
            value={v('country')}
            onChange={set('country')}
            errors={errors}
            required
            hint="ISO 3166-1 alpha-2 code, e.g. SN"
            maxLength={10}
          />
          <SelectField
            label="Priority"
            name="priority"
            value={v('priority')}
            onChange={set('priority')}
            options={PRIORITIES}
            format={label}
            errors={errors}
          />
        </fieldset>
        <FormErrors error={error} fields={FIELDS} />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Filing…' : 'File the request'}
          </button>
          <Link to={href('queue')} className="button">
            Cancel
          </Link>
        </div>
      </form>
    </main>
  );
}
