// What a review rests on besides the proposal: the red flags the rules raised
// (each blocks approval) and the partners' ratios frozen when it started,
// with their report's date and a notice when the knowledge base has a newer one.
import type { QualityFrozenPartnerRatios, QualityReviewView, RaisedRedFlag } from '@sfp/contracts';
import { Badge } from '../../components/feedback';
import { formatDate, formatPercent } from '../../components/format';
import { ListTable } from '../../components/table';
import { RED_FLAG_LABELS } from './quality-labels';

export function RedFlags({ flags }: { flags: readonly RaisedRedFlag[] }) {
  return (
    <section aria-label="Red flags" className={flags.length ? 'red-flags' : undefined}>
      <h2>Red flags</h2>
      {flags.length === 0 ? (
        <p className="empty">None: nothing blocks an approval.</p>
      ) : (
        <>
          <p>
            <strong>
              {flags.length === 1 ? 'This red flag blocks' : 'These red flags block'} approval,
              whatever the score.
            </strong>
          </p>
          <ul data-testid="red-flags">
            {flags.map((f) => (
              <li key={`${f.flag}-${f.institutionId ?? ''}`}>
                <Badge kind="bad">{RED_FLAG_LABELS[f.flag]}</Badge> {f.detail}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

export function PartnerRatiosTable({ review }: { review: QualityReviewView }) {
  if (!review.partnerRatios.length && !review.partnersWithoutReport.length) return null;
  return (
    <section aria-label="Partner ratios">
      <h2>Partner ratios</h2>
      <p className="sub">As the knowledge base last published them when the review started.</p>
      {review.partnerRatios.length ? (
        <ListTable
          label="Partner ratios"
          columns={[
            'Partner',
            'Report',
            'Portfolio at risk (30 days)',
            'Self-sufficiency',
            'Operating expense ratio',
          ]}
        >
          {review.partnerRatios.map((r) => (
            <tr key={r.institutionId}>
              <td>
                {r.name}
                {r.newerReportAvailable ? (
                  <div className="notice-inline" role="note">
                    <NewerReport ratios={r} />: these figures are the ones the review started with.
                  </div>
                ) : null}
              </td>
              <td>
                Period ending {formatDate(r.periodEnd)}
                <div className="sub">
                  Recorded {formatDate(r.reportedAt)}
                  {r.reportVersion > 1 ? `, restated (version ${r.reportVersion})` : ''}
                </div>
              </td>
              <td>{formatPercent(r.par30)}</td>
              <td>{formatPercent(r.operationalSelfSufficiency)}</td>
              <td>{formatPercent(r.operatingExpenseRatio)}</td>
            </tr>
          ))}
        </ListTable>
      ) : null}
      {review.partnersWithoutReport.length ? (
        <p>
          No report published yet for {review.partnersWithoutReport.length}{' '}
          {review.partnersWithoutReport.length === 1 ? 'partner' : 'partners'}.
        </p>
      ) : null}
    </section>
  );
}

/** What is newer than the frozen figures: a restatement of the same report, or a later report. */
function NewerReport({ ratios: r }: { ratios: QualityFrozenPartnerRatios }) {
  if (!r.latest) return <>A newer report exists</>;
  if (r.latest.reportId === r.reportId)
    return (
      <>
        A newer figure exists: the report was restated (version {r.latest.reportVersion}, recorded{' '}
        {formatDate(r.latest.reportedAt)})
      </>
    );
  return (
    <>
      A newer report exists (period ending {formatDate(r.latest.periodEnd)}, recorded{' '}
      {formatDate(r.latest.reportedAt)})
    </>
  );
}
