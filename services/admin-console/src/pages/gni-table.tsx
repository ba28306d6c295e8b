import { useState, type FormEvent } from 'react';
import { ApiError, get, lastWritePosition, post, queryString } from '../api/client';
import {
  Empty,
  ErrorMessage,
  FormErrors,
  formatDateTime,
  Loading,
  Notice,
  TextField,
  useLoad,
} from '../components/ui';
import { numberOf } from '../components/form-values';
import { formatNumber } from '../components/format';
import { useRouteSearch } from '../routing/paths';
import { useAuth } from '../session';

const GNI = '/api/knowledge-base/reference/gni-per-capita';

interface GniRow {
  country: string;
  year: number;
  usd: number;
  source: string;
  recordedAt: string;
}

/**
 * The GNI per capita reference table (depth of outreach divides the average
 * loan by it): read by country, and for users who may write records, a value
 * added or corrected with its source. Reports filed or restated afterwards use
 * the new value; reports already filed keep the one they were computed with.
 */
export function GniPage() {
  const { can } = useAuth();
  const [search, update] = useRouteSearch('gni');
  const country = search.get('country') ?? '';
  const [draft, setDraft] = useState(country);
  const [notice, setNotice] = useState<string | null>(null);
  const table = useLoad(
    () =>
      get<{ items: GniRow[] }>(
        `${GNI}${queryString({ country: country || undefined, minPosition: lastWritePosition('knowledge-base') })}`,
      ),
    country,
  );
  return (
    <main id="main">
      <h1>GNI per capita</h1>
      <p className="sub">
        Current USD (Atlas method), by country and year: the depth-of-outreach ratio divides the
        average loan balance by it.
      </p>
      {notice ? <Notice>{notice}</Notice> : null}
      {can('records:write') ? (
        <RecordGni
          onRecorded={(what, recordedCountry) => {
            setNotice(what);
            setDraft(recordedCountry);
            if (recordedCountry === country) table.reload();
            else update({ country: recordedCountry });
          }}
        />
      ) : null}
      <form
        className="filters"
        role="search"
        aria-label="Filter the table"
        onSubmit={(e) => {
          e.preventDefault();
          update({ country: draft.trim().toUpperCase() || undefined });
        }}
      >
        <div className="field">
          <label htmlFor="gni-country">Country (ISO code)</label>
          <input
            id="gni-country"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            size={4}
            maxLength={2}
          />
        </div>
        <button type="submit">Show</button>
      </form>
      <ErrorMessage error={table.error} />
      {!table.data && table.loading ? <Loading what="Loading the table" /> : null}
      {table.data?.items.length === 0 ? (
        <Empty>{country ? `No value recorded for ${country}.` : 'No value recorded yet.'}</Empty>
      ) : null}
      {table.data?.items.length ? (
        <table className="list" aria-label="GNI per capita">
          <thead>
            <tr>
              <th scope="col">Country</th>
              <th scope="col">Year</th>
              <th scope="col">USD</th>
              <th scope="col">Source</th>
              <th scope="col">Recorded</th>
            </tr>
          </thead>
          <tbody>
            {table.data.items.map((row) => (
              <tr key={`${row.country}-${row.year}`}>
                <td>{row.country}</td>
                <td>{row.year}</td>
                <td>{formatNumber(row.usd, 0)}</td>
                <td>{row.source}</td>
                <td>{formatDateTime(row.recordedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </main>
  );
}

function RecordGni({ onRecorded }: { onRecorded: (what: string, country: string) => void }) {
  const [values, setValues] = useState({ country: '', year: '', usd: '', source: '' });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (name: keyof typeof values) => (value: string) =>
    setValues((v) => ({ ...v, [name]: value }));
  const errors = error instanceof ApiError ? error : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const country = values.country.trim().toUpperCase();
    try {
      await post(GNI, {
        entries: [{ country, year: numberOf(values.year), usd: numberOf(values.usd) }],
        source: values.source,
      });
      setBusy(false);
      setValues({ country: '', year: '', usd: '', source: '' });
      onRecorded(`Recorded: ${country} ${values.year}.`, country);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <form className="panel" aria-label="Record a value" onSubmit={submit} noValidate>
      <h2>Record a value</h2>
      <TextField
        label="Country"
        name="entries.0.country"
        value={values.country}
        onChange={set('country')}
        errors={errors}
        required
        hint="ISO 3166-1 alpha-2, e.g. KE."
      />
      <TextField
        label="Year"
        name="entries.0.year"
        type="number"
        value={values.year}
        onChange={set('year')}
        errors={errors}
        required
      />
      <TextField
        label="GNI per capita (USD)"
        name="entries.0.usd"
        type="number"
        value={values.usd}
        onChange={set('usd')}
        errors={errors}
        required
      />
      <TextField
        label="Source"
        name="source"
        value={values.source}
        onChange={set('source')}
        errors={errors}
        required
        hint="e.g. World Bank WDI NY.GNP.PCAP.CD, July 2026 release. A value for the same country and year replaces the one before."
      />
      <FormErrors
        error={error}
        fields={['entries.0.country', 'entries.0.year', 'entries.0.usd', 'source']}
      />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Recording…' : 'Record'}
        </button>
      </div>
    </form>
  );
}
