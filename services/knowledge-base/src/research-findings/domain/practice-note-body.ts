import type { ResearchPublication } from '@sfp/contracts';

const number = (value: number) =>
  new Intl.NumberFormat('en-GB', { maximumSignificantDigits: 4 }).format(value);

/** What each hypothesis's finding says, in plain words: a null result is stated as one. */
function findingLines(p: ResearchPublication): string[] {
  return p.hypotheses.map((h) => {
    const f = h.finding;
    if (!f) return `- ${h.hypothesisId}: ${h.statement} Not tested: no finding was recorded.`;
    const { size, unit, confidenceInterval: ci } = f.effect;
    const interval = `${number(size)} ${unit} (95 % interval ${number(ci.lower)} to ${number(ci.upper)})`;
    const sign =
      ci.lower > 0 || ci.upper < 0
        ? `An effect of ${interval} on ${h.indicator}.`
        : `No effect detected on ${h.indicator}: ${interval}; the interval contains zero.`;
    const verdict =
      f.verdict === 'supported'
        ? 'The hypothesis is supported.'
        : f.verdict === 'not-supported'
          ? 'The hypothesis is not supported.'
          : 'The result is inconclusive.';
    return `- ${h.hypothesisId}: ${h.statement} ${sign} ${verdict}`;
  });
}

/** The practice note's text: the question, the findings, the cost-benefit headline and the recommendations. */
export function practiceNoteBody(p: ResearchPublication): string {
  const parts: string[] = [`Research question: ${p.researchQuestion}`];
  if (p.outcome === 'abandoned')
    parts.push(
      `The project was abandoned${p.abandonedReason ? `: ${p.abandonedReason}` : ''}. What it learnt is published here.`,
    );
  parts.push(`Innovation studied (${p.innovation.kind}): ${p.innovation.description}`);
  parts.push(['Findings:', ...findingLines(p)].join('\n'));
  if (p.costBenefit) {
    const { input, result } = p.costBenefit;
    const npv = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }).format(
      result.netPresentValue,
    );
    const ratio =
      result.benefitCostRatio === null
        ? 'no benefit-cost ratio (no costs entered)'
        : `a benefit-cost ratio of ${result.benefitCostRatio.toFixed(2)}`;
    parts.push(
      `Cost-benefit: net present value ${input.currency} ${npv} and ${ratio}, at a ${number(input.discountRate * 100)} % discount rate over ${input.horizonYears} years.`,
    );
  }
  if (p.recommendations.length > 0)
    parts.push(
      ['Recommendations:', ...p.recommendations.map((r) => `- For ${r.audience}: ${r.text}`)].join(
        '\n',
      ),
    );
  if (p.correctionReason)
    parts.push(`Version ${p.version} corrects the previous one: ${p.correctionReason}`);
  return parts.join('\n\n');
}
