import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { ErrorMessage } from '../../components/feedback';
import { href, useRouteParams } from '../../routing/paths';
import { knowledgeBaseCommands, knowledgeBaseQueries } from './knowledge-base.api';
import { ReportForm } from './report-form';

/** Files a performance report for an active institution; its ratios are computed on filing. */
export function FileReportPage() {
  const { institutionId } = useRouteParams('fileReport');
  const navigate = useNavigate();
  const institution = useQuery(knowledgeBaseQueries.institution(institutionId));
  const name = institution.data?.name;
  const year = new Date().getUTCFullYear() - 1;
  return (
    <main id="main" className="medium">
      <p>
        <Link to={href('institution', { institutionId })}>← {name ?? 'Institution'}</Link>
      </p>
      <h1>File a performance report{name ? ` for ${name}` : ''}</h1>
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
        send={(body) => knowledgeBaseCommands.fileReport(institutionId, body)}
        onSuccess={(filed) => navigate(href('report', { reportId: filed.id }, { filed: '1' }))}
      />
    </main>
  );
}
