import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Empty, Notice, QueryState } from '../../components/feedback';
import { textFieldsOf } from '../../components/fields';
import { FormFooter, FormPanel } from '../../components/form-layout';
import { FilterBar, FilterInput } from '../../components/filters';
import { numberOf } from '../../components/form-values';
import { REGION_LABELS, regionOfCountry } from '@sfp/contracts';
import { formatCount, formatCurrency, formatDateTime, formatNumber } from '../../components/format';
import { ListTable } from '../../components/table';
import { useCommandForm } from '../../components/use-command-form';
import { useRouteSearch } from '../../routing/paths';
import { useAuth } from '../../session';
import {
  KNOWLEDGE_BASE_KEY,
  knowledgeBaseCommands,
  knowledgeBaseQueries,
  type GniRow,
} from './knowledge-base.api';

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
  const table = useQuery(knowledgeBaseQueries.gni(country || undefined));
  const show = (code: string) => {
    setDraft(code);
    update({ country: code.trim().toUpperCase() || undefined });
  };
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
          onRecorded={(what, recorded) => {
            setNotice(what);
            show(recorded);
          }}
        />
      ) : null}
      <FilterBar label="Filter the table" role="search" onSubmit={() => show(draft)}>
        <FilterInput
          label="Country (ISO code)"
          value={draft}
          onChange={setDraft}
          size={4}
          maxLength={2}
        />
        <button type="submit">Show</button>
        {country ? (
          <button type="button" onClick={() => show('')}>
            All countries, by region
          </button>
        ) : null}
      </FilterBar>
      <QueryState query={table} what="Loading the table" />
      {table.data?.items.length === 0 ? (
        <Empty>{country ? `No value recorded for ${country}.` : 'No value recorded yet.'}</Empty>
      ) : null}
      {table.data?.items.length ? (
        country ? (
          <GniHistory rows={table.data.items} />
        ) : (
          <GniByRegion
            rows={table.data.items}
            open={search.get('region')}
            onToggle={(region) => update({ region }, { replace: true })}
            onCountry={show}
          />
        )
      ) : null}
    </main>
  );
}

const REGION_NAMES: Record<string, string> = REGION_LABELS;
const countryNames =
  typeof Intl.DisplayNames === 'function'
    ? new Intl.DisplayNames(['en'], { type: 'region' })
    : null;
const countryName = (code: string): string => {
  try {
    return countryNames?.of(code) ?? code;
  } catch {
    return code;
  }
};

/** Every year recorded for one country, latest first. */
function GniHistory({ rows }: { rows: GniRow[] }) {
  const sorted = [...rows].sort((a, b) => b.year - a.year);
  return (
    <ListTable label="GNI per capita" columns={['Country', 'Year', 'USD', 'Source', 'Recorded']}>
      {sorted.map((row) => (
        <tr key={`${row.country}-${row.year}`}>
          <td>
            {countryName(row.country)} ({row.country})
          </td>
          <td>{row.year}</td>
          <td>{formatCurrency(row.usd, 'USD')}</td>
          <td>{row.source}</td>
          <td>{formatDateTime(row.recordedAt)}</td>
        </tr>
      ))}
    </ListTable>
  );
}

/**
 * The table grouped by region, one collapsible group each (one open at a
 * time, kept in the URL): per country its latest value; a country's every
 * year is one click away.
 */
function GniByRegion(props: {
  rows: GniRow[];
  open: string | undefined;
  onToggle: (region: string | undefined) => void;
  onCountry: (country: string) => void;
}) {
  const latest = new Map<string, GniRow & { years: number }>();
  for (const row of props.rows) {
    const seen = latest.get(row.country);
    if (!seen || row.year > seen.year)
      latest.set(row.country, { ...row, years: (seen?.years ?? 0) + 1 });
    else seen.years += 1;
  }
  const groups = new Map<string, Array<GniRow & { years: number }>>();
  for (const row of latest.values()) {
    const region = regionOfCountry(row.country) ?? 'other';
    groups.set(region, [...(groups.get(region) ?? []), row]);
  }
  const regions = [...groups.keys()].sort((a, b) => regionName(a).localeCompare(regionName(b)));
  return (
    <div className="gni-regions">
      {regions.map((region) => {
        const countries = (groups.get(region) ?? []).sort((a, b) =>
          countryName(a.country).localeCompare(countryName(b.country)),
        );
        return (
          <details
            key={region}
            className="panel"
            open={props.open === region}
            onToggle={(event) => {
              const opened = event.currentTarget.open;
              if (opened && props.open !== region) props.onToggle(region);
              if (!opened && props.open === region) props.onToggle(undefined);
            }}
          >
            <summary>
              <strong>{regionName(region)}</strong> ·{' '}
              {formatCount(countries.length, 'country', 'countries')}
            </summary>
            <ListTable
              label={`GNI per capita, ${regionName(region)}`}
              columns={['Country', 'Latest year', 'USD', 'Years recorded', 'Source']}
            >
              {countries.map((row) => (
                <tr key={row.country}>
                  <td>
                    <button
                      type="button"
                      className="link"
                      onClick={() => props.onCountry(row.country)}
                    >
                      {countryName(row.country)} ({row.country})
                    </button>
                  </td>
                  <td>{row.year}</td>
                  <td>{formatCurrency(row.usd, 'USD')}</td>
                  <td>{formatNumber(row.years, 0)}</td>
                  <td>{row.source}</td>
                </tr>
              ))}
            </ListTable>
          </details>
        );
      })}
    </div>
  );
}

const regionName = (region: string) => {
  const name = REGION_NAMES[region] ?? 'other countries';
  return name.charAt(0).toUpperCase() + name.slice(1);
};

function RecordGni({ onRecorded }: { onRecorded: (what: string, country: string) => void }) {
  const form = useCommandForm({
    initial: { 'entries.0.country': '', 'entries.0.year': '', 'entries.0.usd': '', source: '' },
    invalidates: [KNOWLEDGE_BASE_KEY],
    resetOnSuccess: true,
    send: (v) =>
      knowledgeBaseCommands.recordGni({
        entries: [
          {
            country: v['entries.0.country'].trim().toUpperCase(),
            year: numberOf(v['entries.0.year']),
            usd: numberOf(v['entries.0.usd']),
          },
        ],
        source: v.source,
      }),
    onSuccess: (_result, v) => {
      const country = v['entries.0.country'].trim().toUpperCase();
      onRecorded(`Recorded: ${country} ${v['entries.0.year']}.`, country);
    },
  });
  const text = textFieldsOf(form.bind, true);
  return (
    <FormPanel title="Record a value" onSubmit={form.onSubmit}>
      {text('entries.0.country', 'Country', { hint: 'ISO 3166-1 alpha-2, e.g. KE.' })}
      {text('entries.0.year', 'Year', { type: 'number' })}
      {text('entries.0.usd', 'GNI per capita (USD)', { type: 'number' })}
      {text('source', 'Source', {
        hint: 'e.g. World Bank WDI NY.GNP.PCAP.CD, July 2026 release. A value for the same country and year replaces the one before.',
      })}
      <FormFooter form={form} submit="Record" busyLabel="Recording…" />
    </FormPanel>
  );
}
