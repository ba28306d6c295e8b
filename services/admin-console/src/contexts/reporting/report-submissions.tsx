// Freezing a period's report: the submit button (with a note), and the
// versions submitted so far, each served exactly as it was submitted (JSON,
// CSV, printable HTML) while the live report keeps moving.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { downloadText, openHtml } from '../../components/download';
import { ErrorMessage, Notice, QueryState } from '../../components/feedback';
import { TextField } from '../../components/fields';
import { FormFooter } from '../../components/form-layout';
import { formatDateTime } from '../../components/format';
import { ListTable } from '../../components/table';
import { useCommandForm } from '../../components/use-command-form';
import { useCommand } from '../../api/query';
import { useAuth } from '../../session';
import {
  REPORTING_KEY,
  reportingCommands,
  reportingQueries,
  submittedReportAs,
  type ReportFormat,
} from './reporting.api';

export function ReportSubmissions({ period }: { period: string }) {
  const { can } = useAuth();
  const [frozen, setFrozen] = useState<{ version: number; submittedAt: string } | null>(null);
  const submissions = useQuery(reportingQueries.submissions(period));
  const form = useCommandForm({
    initial: { note: '' },
    send: (values) => reportingCommands.submit(period, values.note),
    invalidates: [REPORTING_KEY],
    resetOnSuccess: true,
    onSuccess: (result) => setFrozen(result),
  });
  const open = useCommand(
    async ({ version, format }: { version: number; format: ReportFormat }) => {
      const answer = await submittedReportAs(period, version, format);
      // JSON comes parsed: written back as it came.
      const body = typeof answer === 'string' ? answer : JSON.stringify(answer, null, 2);
      if (format === 'html') openHtml(body);
      else
        downloadText(
          body,
          `progress-report-${period}-v${version}.${format}`,
          format === 'csv' ? 'text/csv' : 'application/json',
        );
    },
    { invalidates: [] },
  );
  const items = [...(submissions.data ?? [])].sort((a, b) => b.version - a.version);
  return (
    <section aria-labelledby="submissions-heading" className="panel">
      <h2 id="submissions-heading">Submitted versions</h2>
      <p className="sub">
        Submitting freezes the report as it is now: the submitted version is kept and served as it
        was, while the live report keeps moving.
      </p>
      {can('reports:read') ? (
        <form onSubmit={form.onSubmit} noValidate aria-label="Submit the report">
          <TextField
            label="Note (optional)"
            {...form.bind('note')}
            hint="e.g. Sent to the Governing Body for its spring session"
            maxLength={2000}
          />
          <FormFooter form={form} submit="Submit (freeze) this report" busyLabel="Submitting…" />
        </form>
      ) : null}
      <QueryState query={submissions} what="Reading the submitted versions" />
      <ErrorMessage error={open.error} />
      {items.length ? (
        <>
          <ListTable label="Submitted versions" columns={['Version', 'Submitted', 'Note', 'Open']}>
            {items.map((s) => (
              <tr key={s.submissionId}>
                <td>Version {s.version}</td>
                <td>
                  {formatDateTime(s.submittedAt)}
                  {s.submittedBy ? ` by ${s.submittedBy}` : ''}
                </td>
                <td>{s.note ?? '—'}</td>
                <td className="actions-cell">
                  {(['json', 'csv', 'html'] as const).map((format) => (
                    <button
                      key={format}
                      type="button"
                      className="small"
                      aria-label={`Version ${s.version} as ${format.toUpperCase()}`}
                      onClick={() => open.run({ version: s.version, format })}
                    >
                      {format === 'html' ? 'Print view' : format.toUpperCase()}
                    </button>
                  ))}
                </td>
              </tr>
            ))}
          </ListTable>
        </>
      ) : submissions.data ? (
        <p className="empty">Not submitted yet.</p>
      ) : null}
      {frozen ? (
        <Notice>
          Submitted as version {frozen.version}, {formatDateTime(frozen.submittedAt)}.
        </Notice>
      ) : null}
    </section>
  );
}
