import { useState, type FormEvent } from 'react';
import {
  ADJUSTMENT_FIELDS,
  COMPARATORS,
  COUNT_FIELDS,
  COUNT_OPENING_CLOSING,
  INDICATOR_LABELS,
  INDICATOR_UNITS,
  INDICATORS,
  INSTITUTION_KINDS,
  INSTITUTION_STATUSES,
  LEGAL_TYPES,
  MONEY_FLOWS,
  MONEY_OPENING_CLOSING,
  MONEY_STOCKS,
  PERFORMANCE_INPUT_LABELS,
  REGIONS,
  TARGET_SCOPE_KINDS,
  TARGET_STATUSES,
  type Indicator,
} from '@sfp/contracts';
import { ApiError, get, lastWritePosition, post, queryString } from '../api/client';
import { label, type HistoryEntry } from '../api/types';
import { LineChart, type Series } from '../components/charts';
import { formatNumber, formatPercent } from '../components/format';
import {
  Badge,
  Empty,
  ErrorMessage,
  FormErrors,
  formatDateTime,
  Loading,
  Notice,
  Pager,
  SelectField,
  TextField,
  useLoad,
} from '../components/ui';
import { Link, useNavigate } from 'react-router';
import { href, useRouteSearch } from '../routing/paths';
import { InstitutionLifecycle } from './institution-lifecycle';
import { useAuth, useDirectory } from '../session';

const KB = '/api/knowledge-base';
const isIndicator = (value: string): value is Indicator =>
  (INDICATORS as readonly string[]).includes(value);
const indicatorName = (indicator: string) =>
  isIndicator(indicator) ? INDICATOR_LABELS[indicator] : indicator;

interface Target {
  targetId: string;
  indicator: string;
  comparator: 'at-least' | 'at-most';
  threshold: number;
  tolerance: number;
  dueDate: string;
  status: string;
  active: boolean;
  value?: number | null;
  description?: string;
  scopeKind?: string;
  institutionId?: string;
  programme?: string;
  statusChangedAt?: string;
}
interface Ratio {
  value: number | null;
  reason?: string;
}
interface SeriesPoint {
  reportId: string;
  period: { start: string; end: string };
  year: number;
  version: number;
  currency: string;
  restated: boolean;
  ratios: Record<string, Ratio>;
}
interface Institution {
  institutionId: string;
  name: string;
  kind: string;
  legalType: string;
  country: string;
  region: string;
  programmes: string[];
  status: string;
  registeredAt: string;
  reports?: number;
  targetsOffTrack?: number;
  latestPeriodEnd?: string;
}
interface Profile extends Institution {
  series: SeriesPoint[];
  targets: Target[];
}
interface BenchmarkGroup {
  region: string;
  legalType: string;
  year: number;
  institutions: number;
  ratios: Record<string, { count: number; median?: number }>;
}

function targetBadge(status: string) {
  const kind =
    status === 'on-track'
      ? 'good'
      : status === 'at-risk'
        ? 'warn'
        : status === 'off-track'
          ? 'bad'
          : 'none';
  return <Badge kind={kind}>{label(status)}</Badge>;
}

function formatRatio(value: number | null | undefined, indicator: string): string {
  if (value === null || value === undefined) return '—';
  // Amounts in USD and numbers of people as such; fractions as percentages.
  if (isIndicator(indicator) && INDICATOR_UNITS[indicator] !== 'fraction')
    return formatNumber(value, 1);
  return formatPercent(value, 1);
}

// ---------------------------------------------------------------- institutions

export function InstitutionsPage() {
  const { can } = useAuth();
  const [search, update] = useRouteSearch('institutions');
  const filters = {
    region: search.get('region') ?? undefined,
    legalType: search.get('legalType') ?? undefined,
    kind: search.get('kind') ?? undefined,
    status: search.get('status') ?? undefined,
  };
  const cursor = search.get('cursor') ?? undefined;
  const trail = (search.get('trail') ?? '').split('.').filter(Boolean);
  const key = queryString({ ...filters, cursor });
  const list = useLoad(
    () =>
      get<{ items: Institution[]; nextCursor?: string }>(
        `${KB}/institutions${queryString({ ...filters, cursor, limit: 25, minPosition: lastWritePosition('knowledge-base') })}`,
      ),
    key,
  );
  const setFilter = (name: string, value: string | undefined) =>
    update({ [name]: value, cursor: undefined, trail: undefined });
  return (
    <main id="main">
      <h1>Finance institutions</h1>
      <form className="filters" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
        {(
          [
            ['region', 'Region', REGIONS],
            ['legalType', 'Legal type', LEGAL_TYPES],
            ['kind', 'Kind', INSTITUTION_KINDS],
            ['status', 'Status', INSTITUTION_STATUSES],
          ] as const
        ).map(([name, text, options]) => (
          <div className="field" key={name}>
            <label htmlFor={`kb-${name}`}>{text}</label>
            <select
              id={`kb-${name}`}
              value={filters[name] ?? ''}
              onChange={(e) => setFilter(name, e.target.value || undefined)}
            >
              <option value="">Any</option>
              {options.map((o) => (
                <option key={o} value={o}>
                  {label(o)}
                </option>
              ))}
            </select>
          </div>
        ))}
      </form>
      <ErrorMessage error={list.error} />
      {!list.data && list.loading ? <Loading what="Loading institutions" /> : null}
      {list.data?.items.length === 0 ? (
        <Empty>
          No institution
          {Object.values(filters).some(Boolean) ? ' matches these filters' : ' registered yet'}.
        </Empty>
      ) : null}
      {list.data?.items.length ? (
        <>
          <table className="list" aria-label="Institutions">
            <thead>
              <tr>
                <th scope="col">Institution</th>
                <th scope="col">Kind, legal type</th>
                <th scope="col">Country</th>
                <th scope="col">Status</th>
                <th scope="col">Reports</th>
                <th scope="col">Latest period</th>
                <th scope="col">Targets off track</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((i) => (
                <tr key={i.institutionId}>
                  <td>
                    <Link to={href('institution', { institutionId: i.institutionId })}>
                      {i.name}
                    </Link>
                    <div className="sub">{i.programmes.join(', ')}</div>
                  </td>
                  <td>
                    {label(i.kind)}
                    <div className="sub">{label(i.legalType)}</div>
                  </td>
                  <td>
                    {i.country} ({label(i.region)})
                  </td>
                  <td>
                    <Badge
                      kind={
                        i.status === 'active' ? 'good' : i.status === 'registered' ? 'warn' : 'bad'
                      }
                    >
                      {i.status}
                    </Badge>
                  </td>
                  <td>{i.reports ?? 0}</td>
                  <td>{i.latestPeriodEnd ?? '—'}</td>
                  <td>{i.targetsOffTrack ? <Badge kind="bad">{i.targetsOffTrack}</Badge> : 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager
            hasPrevious={cursor !== undefined}
            nextCursor={list.data.nextCursor}
            onFirst={() => update({ cursor: undefined, trail: undefined })}
            onPrevious={() =>
              update({ cursor: trail.at(-1), trail: trail.slice(0, -1).join('.') || undefined })
            }
            onNext={(next) =>
              update({ cursor: next, trail: cursor ? [...trail, cursor].join('.') : undefined })
            }
          />
        </>
      ) : null}
      {can('records:write') ? <RegisterInstitution /> : null}
    </main>
  );
}

function RegisterInstitution() {
  const navigate = useNavigate();
  const [v, setV] = useState<Record<string, string>>({
    kind: 'microfinance-institution',
    legalType: 'nbfi',
    region: 'africa',
  });
  const [activate, setActivate] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const errors = error instanceof ApiError ? error : null;
  const set = (name: string) => (value: string) => setV((x) => ({ ...x, [name]: value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const created = await post<{ id: string; streamVersion: number }>(`${KB}/institutions`, {
        name: (v.name ?? '').trim(),
        kind: v.kind,
        legalType: v.legalType,
        country: (v.country ?? '').trim().toUpperCase(),
        region: v.region,
        programmes: (v.programmes ?? '')
          .split(',')
          .map((p) => p.trim())
          .filter(Boolean),
        ...(v.reportingDepartment?.trim()
          ? { reportingDepartment: v.reportingDepartment.trim() }
          : {}),
      });
      if (activate)
        await post(`${KB}/institutions/${created.id}/activate`, {}, created.streamVersion);
      navigate(href('institution', { institutionId: created.id }));
    } catch (e) {
      setError(e);
    }
  };
  return (
    <form className="panel" onSubmit={submit} aria-labelledby="register-heading" noValidate>
      <h2 id="register-heading">Register an institution</h2>
      <TextField
        label="Name"
        name="name"
        value={v.name ?? ''}
        onChange={set('name')}
        errors={errors}
        required
      />
      <SelectField
        label="Kind"
        name="kind"
        value={v.kind ?? ''}
        onChange={set('kind')}
        options={INSTITUTION_KINDS}
        format={label}
        errors={errors}
      />
      <SelectField
        label="Legal type"
        name="legalType"
        value={v.legalType ?? ''}
        onChange={set('legalType')}
        options={LEGAL_TYPES}
        format={label}
        errors={errors}
      />
      <TextField
        label="Country"
        name="country"
        value={v.country ?? ''}
        onChange={set('country')}
        errors={errors}
        required
        hint="ISO 3166-1 alpha-2, e.g. KE"
      />
      <SelectField
        label="Region"
        name="region"
        value={v.region ?? ''}
        onChange={set('region')}
        options={REGIONS}
        format={label}
        errors={errors}
      />
      <TextField
        label="Programmes"
        name="programmes"
        value={v.programmes ?? ''}
        onChange={set('programmes')}
        errors={errors}
        hint="Comma-separated ids, e.g. sfp-youth-employment"
      />
      <TextField
        label="Reporting department (optional)"
        name="reportingDepartment"
        value={v.reportingDepartment ?? ''}
        onChange={set('reportingDepartment')}
        errors={errors}
      />
      <div className="field checkbox-field">
        <label>
          <input
            type="checkbox"
            checked={activate}
            onChange={(e) => setActivate(e.target.checked)}
          />{' '}
          Activate it now (reports can be filed for active institutions)
        </label>
      </div>
      <FormErrors
        error={error}
        fields={[
          'name',
          'kind',
          'legalType',
          'country',
          'region',
          'programmes',
          'reportingDepartment',
        ]}
      />
      <button type="submit" className="primary">
        Register
      </button>
    </form>
  );
}

export function InstitutionPage({ id }: { id: string }) {
  const { can } = useAuth();
  const [search, update] = useRouteSearch('institution');
  const indicator = search.get('ratio') ?? 'oss';
  const [notice, setNotice] = useState<string | null>(null);
  // The table always shows PAR30 and OSS; the chart's ratio gets a column of its own when it is another one.
  const extraColumn = indicator !== 'par30' && indicator !== 'oss';
  const profile = useLoad(
    () =>
      get<Profile>(
        `${KB}/institutions/${id}/profile${queryString({ minPosition: lastWritePosition('knowledge-base') })}`,
      ),
    id,
  );
  const p = profile.data;
  const peers = useLoad(
    () =>
      p
        ? get<{ groups: BenchmarkGroup[] }>(
            `${KB}/benchmarks${queryString({ region: p.region, legalType: p.legalType, minPosition: lastWritePosition('knowledge-base') })}`,
          )
        : Promise.resolve({ groups: [] }),
    p ? `${p.region}|${p.legalType}|${p.series.length}` : 'none',
  );
  if (!p) {
    return (
      <main id="main">
        <p>
          <Link to={href('institutions')}>← Institutions</Link>
        </p>
        {profile.error ? (
          <ErrorMessage error={profile.error} />
        ) : (
          <Loading what="Loading the institution" />
        )}
      </main>
    );
  }
  const years = p.series.map((s) => String(s.year));
  const series: Series[] = [
    {
      name: p.name,
      points: p.series.map((s) => ({ x: String(s.year), y: s.ratios[indicator]?.value ?? null })),
    },
  ];
  const medians = (peers.data?.groups ?? []).filter((g) => years.includes(String(g.year)));
  if (medians.length) {
    series.push({
      name: `Peer median (${label(p.region)}, ${label(p.legalType)})`,
      dashed: true,
      points: medians.map((g) => ({ x: String(g.year), y: g.ratios[indicator]?.median ?? null })),
    });
  }
  for (const target of p.targets.filter((t) => t.indicator === indicator && t.active)) {
    series.push({
      name: `Target: ${target.comparator} ${formatRatio(target.threshold, indicator)} by ${target.dueDate}`,
      dashed: true,
      points: [],
      constant: target.threshold,
    });
  }
  const missing = p.series.filter((s) => s.ratios[indicator]?.value === null);
  return (
    <main id="main">
      <p>
        <Link to={href('institutions')}>← Institutions</Link>
      </p>
      <div className="title-row">
        <h1>{p.name}</h1>
        <Badge kind={p.status === 'active' ? 'good' : 'warn'}>
          <span data-testid="institution-status">{p.status}</span>
        </Badge>
      </div>
      <p className="sub">
        {label(p.kind)}, {label(p.legalType)} · {p.country}, {label(p.region)} · programmes:{' '}
        {p.programmes.join(', ') || 'none'}
      </p>
      {notice ? <Notice>{notice}</Notice> : null}
      {can('records:write') ? (
        <section aria-labelledby="status-heading">
          <h2 id="status-heading">Status</h2>
          <InstitutionLifecycle
            institutionId={p.institutionId}
            name={p.name}
            status={p.status}
            onDone={(what) => {
              setNotice(what);
              profile.reload();
            }}
          />
        </section>
      ) : null}
      <section aria-labelledby="ratios-heading">
        <h2 id="ratios-heading">Ratios over time</h2>
        <div className="field inline">
          <label htmlFor="ratio-select">Ratio</label>
          <select
            id="ratio-select"
            value={indicator}
            onChange={(e) => update({ ratio: e.target.value }, { replace: true })}
          >
            {INDICATORS.map((i) => (
              <option key={i} value={i}>
                {indicatorName(i)}
              </option>
            ))}
          </select>
        </div>
        {p.series.length === 0 ? (
          <Empty>No performance report yet.</Empty>
        ) : (
          <LineChart
            title={`${indicatorName(indicator)}: ${p.name} against targets and peers`}
            series={series}
          />
        )}
        {missing.map((s) => (
          <p key={s.reportId} className="sub">
            {s.year}: not computable — {s.ratios[indicator]?.reason}
          </p>
        ))}
      </section>
      <section aria-labelledby="reports-heading">
        <div className="title-row">
          <h2 id="reports-heading">Performance reports</h2>
          {can('records:write') && p.status === 'active' ? (
            <Link
              to={href('fileReport', { institutionId: p.institutionId })}
              className="button primary"
            >
              File a performance report
            </Link>
          ) : null}
        </div>
        {p.series.length === 0 ? (
          <Empty>None filed.</Empty>
        ) : (
          <table className="list" aria-label="Performance reports">
            <thead>
              <tr>
                <th scope="col">Period</th>
                <th scope="col">Version</th>
                <th scope="col">Currency</th>
                {extraColumn ? <th scope="col">{indicatorName(indicator)}</th> : null}
                <th scope="col">PAR30</th>
                <th scope="col">OSS</th>
              </tr>
            </thead>
            <tbody>
              {[...p.series].reverse().map((s) => (
                <tr key={s.reportId}>
                  <td>
                    <Link to={href('report', { reportId: s.reportId })}>
                      {s.period.start} to {s.period.end}
                    </Link>
                  </td>
                  <td>
                    {s.version} {s.restated ? <Badge kind="warn">restated</Badge> : null}
                  </td>
                  <td>{s.currency}</td>
                  {extraColumn ? (
                    <td>{formatRatio(s.ratios[indicator]?.value, indicator)}</td>
                  ) : null}
                  <td>{formatRatio(s.ratios.par30?.value, 'par30')}</td>
                  <td>{formatRatio(s.ratios.oss?.value, 'oss')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="targets-heading">
        <h2 id="targets-heading">Targets</h2>
        <TargetsTable targets={p.targets} />
        <p>
          <Link to={href('targets', { institution: p.institutionId })}>
            Set a target for {p.name}
          </Link>
        </p>
      </section>
    </main>
  );
}

function TargetsTable({ targets }: { targets: Target[] }) {
  if (!targets.length) return <Empty>No target.</Empty>;
  return (
    <table className="list" aria-label="Targets">
      <thead>
        <tr>
          <th scope="col">Indicator</th>
          <th scope="col">Target</th>
          <th scope="col">Due</th>
          <th scope="col">Latest value</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {targets.map((t) => (
          <tr key={t.targetId}>
            <td>
              {indicatorName(t.indicator)}
              {t.scopeKind && t.scopeKind !== 'institution' ? (
                <div className="sub">
                  {t.scopeKind === 'programme' ? `programme ${t.programme}` : 'whole portfolio'}
                </div>
              ) : null}
            </td>
            <td>
              {t.comparator} {formatRatio(t.threshold, t.indicator)} (±{' '}
              {formatRatio(t.tolerance, t.indicator)})
            </td>
            <td>{t.dueDate}</td>
            <td>{formatRatio(t.value, t.indicator)}</td>
            <td>
              {targetBadge(t.status)} {t.active ? null : <Badge kind="none">withdrawn</Badge>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

// ----------------------------------------------------------- performance reports

/** The report's figures, as the knowledge base groups them (@sfp/contracts). */
const OPENING_CLOSING = [...MONEY_OPENING_CLOSING, ...COUNT_OPENING_CLOSING];
const SINGLE_VALUES = [...MONEY_STOCKS, ...MONEY_FLOWS, ...COUNT_FIELDS];

type ReportValues = Record<string, string>;

function valuesOf(report: {
  currency: string;
  fx: { periodAverage: number; periodEnd: number };
  inputs: Record<string, unknown>;
}): ReportValues {
  const values: ReportValues = {
    currency: report.currency,
    'fx.periodAverage': String(report.fx.periodAverage),
    'fx.periodEnd': String(report.fx.periodEnd),
  };
  for (const [key, value] of Object.entries(report.inputs)) {
    if (value && typeof value === 'object') {
      for (const [sub, n] of Object.entries(value as Record<string, number>)) {
        values[`inputs.${key}.${sub}`] = String(n);
      }
    } else values[`inputs.${key}`] = String(value);
  }
  return values;
}

/** The JSON body from the form: numbers where numbers go; an empty box is left out so the API names it. */
function bodyOf(values: ReportValues, withAdjustments: boolean): Record<string, unknown> {
  const number = (name: string) => {
    const text = (values[name] ?? '').replace(/[\s,]/g, '');
    return text === '' ? undefined : Number(text);
  };
  const inputs: Record<string, unknown> = {};
  for (const key of OPENING_CLOSING)
    inputs[key] = {
      opening: number(`inputs.${key}.opening`),
      closing: number(`inputs.${key}.closing`),
    };
  for (const key of SINGLE_VALUES) inputs[key] = number(`inputs.${key}`);
  if (withAdjustments) {
    inputs.adjustments = Object.fromEntries(
      ADJUSTMENT_FIELDS.map((key) => [key, number(`inputs.adjustments.${key}`)]),
    );
  }
  return {
    currency: (values.currency ?? '').trim().toUpperCase(),
    fx: { periodAverage: number('fx.periodAverage'), periodEnd: number('fx.periodEnd') },
    inputs,
  };
}

function ReportForm(props: {
  title: string;
  initial: ReportValues;
  withPeriod: boolean;
  withReason: boolean;
  submitLabel: string;
  onSubmit: (body: Record<string, unknown>) => Promise<void>;
}) {
  const [values, setValues] = useState<ReportValues>(props.initial);
  const [withAdjustments, setWithAdjustments] = useState(
    Object.keys(props.initial).some((k) => k.startsWith('inputs.adjustments.')),
  );
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const errors = error instanceof ApiError ? error : null;
  const set = (name: string) => (value: string) => setValues((v) => ({ ...v, [name]: value }));
  const field = (name: string, text: string, hint?: string) => (
    <TextField
      key={name}
      label={text}
      name={name}
      value={values[name] ?? ''}
      onChange={set(name)}
      errors={errors}
      hint={hint}
    />
  );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = bodyOf(values, withAdjustments);
      if (props.withPeriod)
        body.period = { start: values['period.start'] ?? '', end: values['period.end'] ?? '' };
      if (props.withReason) body.reason = (values.reason ?? '').trim();
      await props.onSubmit(body);
    } catch (e) {
      setError(e);
      setBusy(false);
      setTimeout(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
    }
  };
  const identity = error instanceof ApiError && error.code === 'IDENTITY_VIOLATED';
  return (
    <form onSubmit={submit} aria-label={props.title} noValidate className="report-form">
      {props.withPeriod ? (
        <fieldset>
          <legend>Period</legend>
          <div className="pair">
            {field('period.start', 'Start', 'YYYY-MM-DD')}
            {field('period.end', 'End', 'YYYY-MM-DD')}
          </div>
        </fieldset>
      ) : null}
      <fieldset>
        <legend>Currency</legend>
        <div className="pair">
          {field('currency', 'Currency', 'ISO 4217, e.g. KES')}
          {field('fx.periodAverage', 'Per USD, period average', 'Converts flows')}
          {field('fx.periodEnd', 'Per USD, period end', 'Converts stocks')}
        </div>
      </fieldset>
      <fieldset>
        <legend>Balances (opening and closing)</legend>
        {OPENING_CLOSING.map((key) => (
          <div className="pair" key={key}>
            {field(`inputs.${key}.opening`, `${PERFORMANCE_INPUT_LABELS[key]}, opening`)}
            {field(`inputs.${key}.closing`, `${PERFORMANCE_INPUT_LABELS[key]}, closing`)}
          </div>
        ))}
      </fieldset>
      <fieldset>
        <legend>Figures of the period</legend>
        <div className="grid-3">
          {SINGLE_VALUES.map((key) => field(`inputs.${key}`, PERFORMANCE_INPUT_LABELS[key]))}
        </div>
      </fieldset>
      <fieldset>
        <legend>Adjustments</legend>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={withAdjustments}
            onChange={(e) => setWithAdjustments(e.target.checked)}
          />{' '}
          The report gives subsidy and inflation adjustments (needed for FSS, AROA, AROE)
        </label>
        {withAdjustments ? (
          <div className="grid-3">
            {ADJUSTMENT_FIELDS.map((key) =>
              field(`inputs.adjustments.${key}`, PERFORMANCE_INPUT_LABELS[key]),
            )}
          </div>
        ) : null}
      </fieldset>
      {props.withReason
        ? field(
            'reason',
            'Why restate it',
            'e.g. Audited statements: PAR30 higher than in the management accounts',
          )
        : null}
      {identity ? (
        <div className="error" role="alert">
          <strong>The figures do not add up.</strong> {error.message}
        </div>
      ) : (
        <FormErrors
          error={error}
          fields={Object.keys(values).concat(['period', 'reason', 'currency', 'fx', 'inputs'])}
        />
      )}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Saving…' : props.submitLabel}
      </button>
    </form>
  );
}

export function FileReportPage({ institutionId }: { institutionId: string }) {
  const navigate = useNavigate();
  const institution = useLoad(
    () => get<{ name: string }>(`${KB}/institutions/${institutionId}`),
    institutionId,
  );
  const year = new Date().getUTCFullYear() - 1;
  return (
    <main id="main" className="medium">
      <p>
        <Link to={href('institution', { institutionId })}>
          ← {institution.data?.name ?? 'Institution'}
        </Link>
      </p>
      <h1>File a performance report{institution.data ? ` for ${institution.data.name}` : ''}</h1>
      <p>
        Amounts in the report&apos;s currency. The platform checks the accounting identities and
        computes the ratios; a figure that breaks one is named beside its box.
      </p>
      <ErrorMessage error={institution.error} />
      <ReportForm
        title="Performance report"
        initial={{
          'period.start': `${year}-01-01`,
          'period.end': `${year}-12-31`,
          'fx.periodAverage': '1',
          'fx.periodEnd': '1',
          currency: 'USD',
        }}
        withPeriod
        withReason={false}
        submitLabel="File the report"
        onSubmit={async (body) => {
          const filed = await post<{ id: string }>(
            `${KB}/institutions/${institutionId}/performance-reports`,
            body,
          );
          navigate(href('report', { reportId: filed.id }, { filed: '1' }));
        }}
      />
    </main>
  );
}

interface ReportVersion {
  reportId: string;
  institutionId: string;
  version: number;
  period: { start: string; end: string };
  year: number;
  currency: string;
  fx: { periodAverage: number; periodEnd: number };
  inputs: Record<string, unknown>;
  ratios: Record<string, Ratio>;
  gniPerCapitaUsd?: number;
  institution?: { name: string };
  filedBy?: string;
  filedAt?: string;
  reason?: string;
}

export function ReportPage({ reportId }: { reportId: string }) {
  const { can } = useAuth();
  const nameOf = useDirectory();
  const [search, update] = useRouteSearch('report');
  const report = useLoad(
    () =>
      get<{
        version: number;
        current: ReportVersion;
        versions: ReportVersion[];
        history: HistoryEntry[];
      }>(`${KB}/performance-reports/${encodeURIComponent(reportId)}`),
    `${reportId}|${search.get('v') ?? ''}`,
  );
  const restating = search.get('restate') === '1';
  const r = report.data?.current;
  if (!r || !report.data) {
    return (
      <main id="main">
        {report.error ? (
          <ErrorMessage error={report.error} />
        ) : (
          <Loading what="Loading the report" />
        )}
      </main>
    );
  }
  return (
    <main id="main">
      <p>
        <Link to={href('institution', { institutionId: r.institutionId })}>
          ← {r.institution?.name ?? 'Institution'}
        </Link>
      </p>
      <h1>
        Performance report {r.period.start} to {r.period.end}
      </h1>
      {search.get('filed') === '1' ? <Notice>Filed: version {report.data.version}.</Notice> : null}
      {search.get('restated') === '1' ? (
        <Notice>
          Restated: version {report.data.version} now counts; the earlier versions stay in the
          history.
        </Notice>
      ) : null}
      <p className="sub">
        Version {report.data.version} · {r.currency} (per USD: average {r.fx.periodAverage}, end{' '}
        {r.fx.periodEnd}){r.gniPerCapitaUsd ? ` · GNI per capita ${r.gniPerCapitaUsd} USD` : ''}
      </p>
      <table className="list" aria-label="Ratios">
        <thead>
          <tr>
            <th scope="col">Ratio</th>
            <th scope="col">Value</th>
          </tr>
        </thead>
        <tbody>
          {INDICATORS.map((i) => (
            <tr key={i}>
              <th scope="row">{indicatorName(i)}</th>
              <td>
                {r.ratios[i]?.value === null ? (
                  <span className="sub">not computable: {r.ratios[i]?.reason}</span>
                ) : (
                  formatRatio(r.ratios[i]?.value, i)
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {can('records:write') ? (
        restating ? (
          <section className="panel" aria-labelledby="restate-heading">
            <h2 id="restate-heading">Restate this report</h2>
            <ReportForm
              title="Restatement"
              initial={valuesOf(r)}
              withPeriod={false}
              withReason
              submitLabel="Restate"
              onSubmit={async (body) => {
                await post(
                  `${KB}/performance-reports/${encodeURIComponent(reportId)}/restatements`,
                  body,
                  report.data?.version,
                );
                update({
                  restate: undefined,
                  filed: undefined,
                  restated: '1',
                  v: String((report.data?.version ?? 0) + 1),
                });
              }}
            />
          </section>
        ) : (
          <p>
            <button
              type="button"
              onClick={() => update({ restate: '1', restated: undefined, filed: undefined })}
            >
              Restate this report
            </button>
          </p>
        )
      ) : null}
      <section aria-labelledby="versions-heading">
        <h2 id="versions-heading">History</h2>
        <ol className="timeline" aria-label="Timeline">
          {[...report.data.history].reverse().map((entry) => (
            <li key={entry.streamVersion}>
              <div className="when">
                <time dateTime={entry.occurredAt}>{formatDateTime(entry.occurredAt)}</time>
              </div>
              <div>
                <strong>
                  {entry.event
                    .replace(/^.*\./, '')
                    .replace(/^PerformanceReport/, 'Report ')
                    .toLowerCase()}
                </strong>{' '}
                by <span className="actor">{nameOf(entry.actor?.kind, entry.actor?.id)}</span>
                {typeof entry.data.reason === 'string' ? (
                  <div className="event-summary">Reason: {entry.data.reason}</div>
                ) : null}
              </div>
            </li>
          ))}
        </ol>
      </section>
    </main>
  );
}

// --------------------------------------------------------------------- targets

export function TargetsPage() {
  const { can } = useAuth();
  const [search, update] = useRouteSearch('targets');
  const status = search.get('status') ?? undefined;
  const active = search.get('active') ?? 'true';
  const cursor = search.get('cursor') ?? undefined;
  const trail = (search.get('trail') ?? '').split('.').filter(Boolean);
  const key = queryString({ status, active, cursor });
  const list = useLoad(
    () =>
      get<{ items: Target[]; nextCursor?: string }>(
        `${KB}/targets${queryString({ status, active: active === 'all' ? undefined : active, cursor, limit: 25, minPosition: lastWritePosition('knowledge-base') })}`,
      ),
    key,
  );
  return (
    <main id="main">
      <h1>Targets</h1>
      <form className="filters" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="t-status">Status</label>
          <select
            id="t-status"
            value={status ?? ''}
            onChange={(e) =>
              update({ status: e.target.value || undefined, cursor: undefined, trail: undefined })
            }
          >
            <option value="">Any</option>
            {TARGET_STATUSES.map((s) => (
              <option key={s} value={s}>
                {label(s)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="t-active">Which</label>
          <select
            id="t-active"
            value={active}
            onChange={(e) =>
              update({
                active: e.target.value === 'true' ? undefined : e.target.value,
                cursor: undefined,
                trail: undefined,
              })
            }
          >
            <option value="true">Active</option>
            <option value="false">Withdrawn</option>
            <option value="all">All</option>
          </select>
        </div>
      </form>
      <ErrorMessage error={list.error} />
      {!list.data && list.loading ? <Loading what="Loading targets" /> : null}
      {list.data ? <TargetsTable targets={list.data.items} /> : null}
      {list.data ? (
        <Pager
          hasPrevious={cursor !== undefined}
          nextCursor={list.data.nextCursor}
          onFirst={() => update({ cursor: undefined, trail: undefined })}
          onPrevious={() =>
            update({ cursor: trail.at(-1), trail: trail.slice(0, -1).join('.') || undefined })
          }
          onNext={(next) =>
            update({ cursor: next, trail: cursor ? [...trail, cursor].join('.') : undefined })
          }
        />
      ) : null}
      {can('records:write') ? (
        <SetTarget institutionId={search.get('institution') ?? ''} onSet={list.reload} />
      ) : null}
    </main>
  );
}

function SetTarget({ institutionId, onSet }: { institutionId: string; onSet: () => void }) {
  const [v, setV] = useState<Record<string, string>>({
    scope: institutionId ? 'institution' : 'portfolio',
    institutionId,
    indicator: 'oss',
    comparator: 'at-least',
    tolerance: '0',
  });
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const errors = error instanceof ApiError ? error : null;
  const set = (name: string) => (value: string) => setV((x) => ({ ...x, [name]: value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setDone(null);
    const n = (text: string | undefined) => (text && text.trim() !== '' ? Number(text) : undefined);
    try {
      await post(`${KB}/targets`, {
        scope: v.scope,
        ...(v.scope === 'institution' ? { institutionId: (v.institutionId ?? '').trim() } : {}),
        ...(v.scope === 'programme' ? { programme: (v.programme ?? '').trim() } : {}),
        indicator: v.indicator,
        comparator: v.comparator,
        threshold: n(v.threshold),
        tolerance: n(v.tolerance),
        dueDate: v.dueDate ?? '',
        ...(v.description?.trim() ? { description: v.description.trim() } : {}),
      });
      setDone(`Target set: ${indicatorName(v.indicator ?? '')} ${v.comparator} ${v.threshold}.`);
      onSet();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <form className="panel" onSubmit={submit} aria-labelledby="set-target-heading" noValidate>
      <h2 id="set-target-heading">Set a target</h2>
      {done ? <Notice>{done}</Notice> : null}
      <SelectField
        label="Scope"
        name="scope"
        value={v.scope ?? ''}
        onChange={set('scope')}
        options={TARGET_SCOPE_KINDS}
        format={label}
        errors={errors}
      />
      {v.scope === 'institution' ? (
        <TextField
          label="Institution id"
          name="institutionId"
          value={v.institutionId ?? ''}
          onChange={set('institutionId')}
          errors={errors}
        />
      ) : null}
      {v.scope === 'programme' ? (
        <TextField
          label="Programme"
          name="programme"
          value={v.programme ?? ''}
          onChange={set('programme')}
          errors={errors}
          hint="e.g. sfp-youth-employment"
        />
      ) : null}
      <SelectField
        label="Indicator"
        name="indicator"
        value={v.indicator ?? ''}
        onChange={set('indicator')}
        options={INDICATORS}
        format={indicatorName}
        errors={errors}
      />
      <SelectField
        label="Comparator"
        name="comparator"
        value={v.comparator ?? ''}
        onChange={set('comparator')}
        options={COMPARATORS}
        format={label}
        errors={errors}
      />
      <TextField
        label="Threshold"
        name="threshold"
        value={v.threshold ?? ''}
        onChange={set('threshold')}
        errors={errors}
        hint="Fractions as fractions: OSS 100% = 1, PAR30 5% = 0.05"
      />
      <TextField
        label="Tolerance"
        name="tolerance"
        value={v.tolerance ?? ''}
        onChange={set('tolerance')}
        errors={errors}
        hint="Width of the at-risk band beyond the threshold"
      />
      <TextField
        label="Due date"
        name="dueDate"
        type="date"
        value={v.dueDate ?? ''}
        onChange={set('dueDate')}
        errors={errors}
      />
      <TextField
        label="Description (optional)"
        name="description"
        value={v.description ?? ''}
        onChange={set('description')}
        errors={errors}
      />
      <FormErrors
        error={error}
        fields={[
          'scope',
          'institutionId',
          'programme',
          'indicator',
          'comparator',
          'threshold',
          'tolerance',
          'dueDate',
          'description',
        ]}
      />
      <button type="submit" className="primary">
        Set the target
      </button>
    </form>
  );
}

// --------------------------------------------------------------------- library

interface SearchHit {
  score: number;
  kind: 'impact-assessment' | 'practice-note';
  entryId: string;
  title: string;
  summary: string;
  tags: string[];
  themes: string[];
  recordedAt: string;
}

/** Impact assessments and practice notes, searched by words (reports:read). */
export function LibraryPage() {
  const { can } = useAuth();
  const [search, update] = useRouteSearch('library');
  const q = search.get('q') ?? '';
  const kind = search.get('kind') ?? '';
  const [draft, setDraft] = useState(q);
  const results = useLoad(
    () =>
      q.trim()
        ? get<{ items: SearchHit[] }>(
            `${KB}/search${queryString({ q, kind: kind || undefined, minPosition: lastWritePosition('knowledge-base') })}`,
          )
        : get<{ items: SearchHit[] }>(
            `${KB}/${kind === 'impact-assessment' ? 'impact-assessments' : 'practice-notes'}${queryString({ limit: 25, minPosition: lastWritePosition('knowledge-base') })}`,
          ).then((page) => ({
            items: (page.items as unknown as Array<Record<string, unknown>>).map((item) => ({
              score: 0,
              kind: kind === 'impact-assessment' ? 'impact-assessment' : 'practice-note',
              entryId: String(item.entryId ?? item.id ?? ''),
              title: String(item.title ?? ''),
              summary: String(item.summary ?? ''),
              tags: (item.tags as string[] | undefined) ?? [],
              themes: (item.themes as string[] | undefined) ?? [],
              recordedAt: String(item.recordedAt ?? ''),
            })) as SearchHit[],
          })),
    `${q}|${kind}`,
  );
  return (
    <main id="main">
      <div className="title-row">
        <h1>Impact assessments and practice notes</h1>
        {can('records:write') ? (
          <div>
            <Link to={href('newImpactAssessment')} className="button">
              Record an impact assessment
            </Link>{' '}
            <Link to={href('newPracticeNote')} className="button primary">
              Write a practice note
            </Link>
          </div>
        ) : null}
      </div>
      {search.get('published') === 'practice-note' ? (
        <Notice>Practice note published.</Notice>
      ) : search.get('published') === 'impact-assessment' ? (
        <Notice>Impact assessment recorded.</Notice>
      ) : null}
      <form
        className="filters"
        role="search"
        aria-label="Search the library"
        onSubmit={(e) => {
          e.preventDefault();
          update({ q: draft.trim() || undefined, published: undefined });
        }}
      >
        <div className="field">
          <label htmlFor="lib-q">Words</label>
          <input
            id="lib-q"
            type="search"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            size={40}
          />
        </div>
        <div className="field">
          <label htmlFor="lib-kind">Kind</label>
          <select
            id="lib-kind"
            value={kind}
            onChange={(e) => update({ kind: e.target.value || undefined })}
          >
            <option value="">Both</option>
            <option value="impact-assessment">Impact assessments</option>
            <option value="practice-note">Practice notes</option>
          </select>
        </div>
        <div className="filter-actions">
          <button type="submit" className="primary">
            Search
          </button>
        </div>
      </form>
      <ErrorMessage error={results.error} />
      {!results.data && results.loading ? <Loading what="Searching" /> : null}
      {results.data?.items.length === 0 ? (
        <Empty>{q ? `Nothing matches “${q}”.` : 'Nothing recorded yet.'}</Empty>
      ) : null}
      <ul className="letters" aria-label="Results">
        {results.data?.items.map((hit) => (
          <li key={`${hit.kind}-${hit.entryId}`} className="panel">
            <strong>{hit.title}</strong> <Badge kind="none">{label(hit.kind)}</Badge>
            <p>{hit.summary}</p>
            <p className="sub">
              {[...hit.themes.map(label), ...hit.tags].join(' · ')}{' '}
              {hit.recordedAt ? `· ${formatDateTime(hit.recordedAt)}` : ''}
            </p>
          </li>
        ))}
      </ul>
      {!q ? (
        <p className="sub">
          Type words to search both; with no words, the latest{' '}
          {kind === 'impact-assessment' ? 'impact assessments' : 'practice notes'} are listed.
        </p>
      ) : null}
    </main>
  );
}
