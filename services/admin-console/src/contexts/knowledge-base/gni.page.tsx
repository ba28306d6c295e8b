import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Empty, Notice, QueryState } from '../../components/feedback';
import { textFieldsOf } from '../../components/fields';
import { FormFooter, FormPanel } from '../../components/form-layout';
import { FilterBar, FilterInput } from '../../components/filters';
import { numberOf } from '../../components/form-values';
import { formatDateTime, formatNumber } from '../../components/format';
import { ListTable } from '../../components/table';
import { useCommandForm } from '../../components/use-command-form';
import { useRouteSearch } from '../../routing/paths';
import { useAuth } from '../../session';
import {
  KNOWLEDGE_BASE_KEY,
  knowledgeBaseCommands,
  knowledgeBaseQueries,
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
      </FilterBar>
      <QueryState query={table} what="Loading the table" />
      {table.data?.items.length === 0 ? (
        <Empty>{country ? `No value recorded for ${country}.` : 'No value recorded yet.'}</Empty>
      ) : null}
      {table.data?.items.length ? (
        <ListTable
          label="GNI per capita"
          columns={['Country', 'Year', 'USD', 'Source', 'Recorded']}
        >
          {table.data.items.map((row) => (
            <tr key={`${row.country}-${row.year}`}>
              <td>{row.country}</td>
              <td>{row.year}</td>
              <td>{formatNumber(row.usd, 0)}</td>
              <td>{row.source}</td>
              <td>{formatDateTime(row.recordedAt)}</td>
            </tr>
          ))}
        </ListTable>
      ) : null}
    </main>
  );
}

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
