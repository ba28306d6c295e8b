// The proposal as the reviewer reads it: its financial component, partners,
// logical framework, exit strategy, constituents and outcomes.
import type { ProposalDefinition } from '@sfp/contracts';
import { Figures } from '../../components/figures';
import {
  formatCurrency,
  formatDate,
  formatNumber,
  formatPercent,
  label,
} from '../../components/format';
import { ListTable } from '../../components/table';
import {
  CHANNEL_LABELS,
  CONSTITUENT_LABELS,
  countryName,
  INSTRUMENT_LABELS,
  ORGANISATION_ROLE_LABELS,
  PRICING_LABELS,
} from './quality-labels';

export function ProposalFacts(props: {
  proposal: ProposalDefinition;
  /** A partner's name by its knowledge-base id (from the review's ratios), when known. */
  partnerName: (institutionId: string) => string;
}) {
  const p = props.proposal;
  const f = p.financialComponent;
  return (
    <section aria-label="The proposal" className="proposal-facts">
      <h2>The proposal</h2>
      <p className="prose">{p.description}</p>
      <Figures
        items={[
          { label: 'Department', value: p.department },
          { label: 'Countries', value: p.countries.map(countryName).join(', ') },
          { label: 'Themes', value: p.themes.map(label).join(', ') || 'None' },
          {
            label: 'Budget',
            value:
              p.currency === 'USD'
                ? formatCurrency(p.budget, p.currency)
                : `${formatCurrency(p.budget, p.currency)} (${formatCurrency(p.budgetUsd, 'USD')})`,
          },
          {
            label: 'Duration',
            value: `${formatNumber(p.durationMonths, 0)} months from ${formatDate(p.plannedStart)}`,
          },
        ]}
      />
      <section aria-label="Financial component">
        <h3>Financial component</h3>
        <Figures
          items={[
            { label: 'Instrument', value: INSTRUMENT_LABELS[f.instrument] },
            { label: 'Channel', value: CHANNEL_LABELS[f.channel] },
            {
              label: 'Pricing',
              value:
                f.pricingPolicy === 'capped' && f.interestRateCap !== undefined
                  ? `${PRICING_LABELS[f.pricingPolicy]} at ${formatPercent(f.interestRateCap)} a year`
                  : PRICING_LABELS[f.pricingPolicy],
            },
            { label: 'Amount', value: formatCurrency(f.amount, p.currency) },
            {
              label: 'Co-financing',
              value: f.coFinancing ? formatCurrency(f.coFinancing, p.currency) : 'None',
            },
          ]}
        />
        <p className="prose">{f.description}</p>
      </section>
      <section aria-label="Partners">
        <h3>Partner institutions</h3>
        {p.partnerInstitutionIds.length ? (
          <ul>
            {p.partnerInstitutionIds.map((id) => (
              <li key={id}>{props.partnerName(id)}</li>
            ))}
          </ul>
        ) : (
          <p className="empty">None named.</p>
        )}
        {p.participatingOrganisations.length ? (
          <ListTable label="Participating organisations" columns={['Organisation', 'Role']}>
            {p.participatingOrganisations.map((o) => (
              <tr key={`${o.name}-${o.role}`}>
                <td>{o.name}</td>
                <td>{ORGANISATION_ROLE_LABELS[o.role]}</td>
              </tr>
            ))}
          </ListTable>
        ) : null}
      </section>
      <section aria-label="Logical framework">
        <h3>Logical framework</h3>
        {p.logframe.length === 0 ? <p className="empty">No outcome stated.</p> : null}
        {p.logframe.map((o, i) => (
          <div key={`${o.outcome}-${i}`}>
            <p>
              <strong>Outcome {i + 1}:</strong> {o.outcome}
            </p>
            <ListTable
              label={`Indicators of outcome ${i + 1}`}
              columns={['Indicator', 'Baseline', 'Target', 'Means of verification']}
            >
              {o.indicators.map((x) => (
                <tr key={x.indicator}>
                  <td>{x.indicator}</td>
                  <td>
                    {formatNumber(x.baseline)} {x.unit}
                    {x.baselineDate ? (
                      <div className="sub">{formatDate(x.baselineDate)}</div>
                    ) : null}
                  </td>
                  <td>
                    {formatNumber(x.target)} {x.unit}
                    {x.targetDate ? <div className="sub">by {formatDate(x.targetDate)}</div> : null}
                  </td>
                  <td>{x.meansOfVerification}</td>
                </tr>
              ))}
            </ListTable>
          </div>
        ))}
      </section>
      <section aria-label="Exit strategy">
        <h3>Exit strategy</h3>
        {p.exitStrategy.trim() ? (
          <p className="prose">{p.exitStrategy}</p>
        ) : (
          <p className="empty">None stated.</p>
        )}
      </section>
      <section aria-label="Constituents and outcomes">
        <h3>Constituents and outcomes</h3>
        <p>
          <strong>Constituents:</strong>{' '}
          {p.constituents.map((c) => CONSTITUENT_LABELS[c]).join(', ') || 'None'}
        </p>
        <p>
          <strong>Gender outcomes:</strong> {p.genderOutcomes || 'None stated'}
        </p>
        <p>
          <strong>Decent-work outcomes:</strong> {p.decentWorkOutcomes || 'None stated'}
        </p>
        <p>
          <strong>Sectors (OECD DAC purpose codes):</strong> {p.sectors.join(', ') || 'None'}
          {p.iatiIdentifier ? (
            <>
              {' · '}
              <strong>IATI identifier:</strong> {p.iatiIdentifier}
            </>
          ) : null}
        </p>
      </section>
    </section>
  );
}
