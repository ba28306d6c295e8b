import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { PERFORMANCE_INPUT_LABELS, type PerformanceInputField } from '@sfp/contracts';
import { ApiError } from '../../api/client';
import { ErrorMessage, Notice } from '../../components/feedback';
import { formatCount } from '../../components/format';
import { ListTable } from '../../components/table';
import { href } from '../../routing/paths';
import {
  downloadImportTemplate,
  KNOWLEDGE_BASE_KEY,
  knowledgeBaseCommands,
  type ReportImportResult,
} from './knowledge-base.api';

/**
 * Performance reports imported from a CSV or XLSX file in the template: the
 * errors by row and column; nothing filed while a row is invalid, unless the
 * valid rows only are asked for (records:write).
 */
export function ReportImportPage() {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [validRowsOnly, setValidRowsOnly] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ReportImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!file) {
      setError(new Error('Choose a CSV or XLSX file first.'));
      return;
    }
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await knowledgeBaseCommands.importReports(file, validRowsOnly));
      await queryClient.invalidateQueries({ queryKey: KNOWLEDGE_BASE_KEY });
    } catch (failure) {
      // 422: nothing filed; the answer's details are the import's result, errors by row.
      const details = failure instanceof ApiError ? failure.details : undefined;
      if (details && Array.isArray(details['errors']))
        setResult(details as unknown as ReportImportResult);
      else setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main">
      <h1>Import performance reports</h1>
      <p>
        One report per row, in the template&apos;s columns (the same fields as filing one report,
        named by their path, e.g. <code>inputs.par30Balance</code>). Every row is checked as a
        filing would be, before any is filed.{' '}
        <button type="button" className="link" onClick={() => void downloadImportTemplate('csv')}>
          CSV template
        </button>{' '}
        ·{' '}
        <button type="button" className="link" onClick={() => void downloadImportTemplate('xlsx')}>
          XLSX template (with a sheet describing each column)
        </button>
      </p>
      <form className="panel" onSubmit={(e) => void submit(e)} aria-labelledby="import-heading">
        <h2 id="import-heading">File to import</h2>
        <div className="field">
          <label htmlFor="import-file">CSV or XLSX file</label>
          <input
            id="import-file"
            type="file"
            accept=".csv,.xlsx,text/csv"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <div className="field">
          <label>
            <input
              type="checkbox"
              checked={validRowsOnly}
              onChange={(e) => setValidRowsOnly(e.target.checked)}
            />{' '}
            Import the valid rows only (otherwise nothing is imported while a row is invalid)
          </label>
        </div>
        <ErrorMessage error={error} />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Importing…' : 'Import'}
          </button>
        </div>
      </form>
      {result ? <ImportResult result={result} /> : null}
    </main>
  );
}

const HEAD_LABELS: Record<string, string> = {
  institutionId: 'Institution',
  'period.start': 'Period start',
  'period.end': 'Period end',
  currency: 'Currency',
  'fx.periodAverage': 'Average exchange rate',
  'fx.periodEnd': 'Period-end exchange rate',
};
const ENDS: Record<string, string> = { opening: 'start of period', closing: 'end of period' };

/** A template column in words: `inputs.totalAssets.opening` → "Total assets, start of period". */
function columnLabel(column: string): string {
  if (HEAD_LABELS[column]) return HEAD_LABELS[column];
  const [, field, end] =
    /^inputs\.(?:adjustments\.)?([A-Za-z0-9]+)(?:\.(opening|closing))?$/.exec(column) ?? [];
  const name = field ? PERFORMANCE_INPUT_LABELS[field as PerformanceInputField] : undefined;
  if (!name) return column;
  return end ? `${name}, ${ENDS[end]}` : name;
}

function ImportResult({ result }: { result: ReportImportResult }) {
  const { imported, errors, rows } = result;
  return (
    <section aria-labelledby="result-heading">
      <h2 id="result-heading">Result</h2>
      {imported.length ? (
        <Notice>
          Imported {formatCount(imported.length, 'report')} of {formatCount(rows, 'row')}.
        </Notice>
      ) : (
        <p role="alert" className="error">
          Nothing imported: {formatCount(errors.length, 'error')} in{' '}
          {formatCount(new Set(errors.map((e) => e.row)).size, 'row')} of {formatCount(rows, 'row')}
          . {result.validRowsOnly ? '' : 'Fix them, or import the valid rows only.'}
        </p>
      )}
      {errors.length ? (
        <ListTable label="Errors" columns={['Row', 'Column', 'Error']}>
          {errors.map((e, i) => (
            <tr key={i}>
              <td>{e.row}</td>
              <td>
                {e.column ? (
                  <>
                    {columnLabel(e.column)}
                    <div className="sub">
                      <code>{e.column}</code>
                    </div>
                  </>
                ) : (
                  'whole row'
                )}
              </td>
              <td>{e.message}</td>
            </tr>
          ))}
        </ListTable>
      ) : null}
      {imported.length ? (
        <ListTable label="Imported reports" columns={['Row', 'Report']}>
          {imported.map((r) => (
            <tr key={r.reportId}>
              <td>{r.row}</td>
              <td>
                <Link to={href('report', { reportId: r.reportId })}>
                  {r.period.start} to {r.period.end}
                </Link>
              </td>
            </tr>
          ))}
        </ListTable>
      ) : null}
    </section>
  );
}
