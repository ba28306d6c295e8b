import { createHash } from 'node:crypto';
import { assembleProgressReport } from './domain/progress-report';
import { parseReportPeriod } from './domain/report-period';
import {
  PROGRESS_REPORT_CONTENT_SECURITY_POLICY,
  escapeHtml,
  progressReportCsv,
  progressReportHtml,
} from './progress-report.renderers';

const report = assembleProgressReport({
  period: parseReportPeriod('2026-Q1'),
  generatedAt: '2026-04-02T00:00:00.000Z',
  sections: [
    {
      function: 'help-desk-and-service',
      context: 'help-desk',
      figures: [
        { metric: 'requestsReceived', key: null, value: 4, unit: 'count' },
        { metric: 'medianHoursToResolution', key: null, value: null, unit: 'hours' },
        {
          metric: 'requestsReceivedByKind',
          key: '<script>alert("x")</script>',
          value: 1,
          unit: 'count',
        },
        {
          metric: 'requestsReceivedByTheme',
          key: '=HYPERLINK("http://evil")',
          value: 2,
          unit: 'count',
        },
      ],
      notes: ['Counted "by hand" & <checked>'],
    },
  ],
});

describe('progress report', () => {
  it('lists every function; those with no reporting say so plainly, with no figures', () => {
    expect(report.functions.map((f) => [f.function, f.status])).toEqual([
      ['help-desk-and-service', 'reported'],
      ['innovation', 'not-reported'],
      ['knowledge-management', 'not-reported'],
      ['training', 'not-reported'],
      ['quality-monitoring', 'not-reported'],
      ['capacity-building', 'not-reported'],
    ]);
    const training = report.functions.find((f) => f.function === 'training');
    expect(training).toEqual({
      function: 'training',
      title: 'Staff training',
      status: 'not-reported',
      note: expect.stringMatching(
        /^Not reported yet: the training service .* \(not zero: unknown\)\.$/,
      ),
    });
    expect(training).not.toHaveProperty('figures');
    // Capacity building is served by the training service too: a report without its section says so.
    expect(report.functions.find((f) => f.function === 'capacity-building')).toMatchObject({
      status: 'not-reported',
      note: expect.stringMatching(/^Not reported yet: the training service /),
    });
  });

  it('escapes every value in the HTML page', () => {
    const html = progressReportHtml(report);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('Counted &quot;by hand&quot; &amp; &lt;checked&gt;');
    expect(html).toContain('<h2>Knowledge management</h2><p class="not-reported">Not reported yet');
    expect(html).toContain('n/a (nothing to measure)');
    expect(escapeHtml(`'"<>&`)).toBe('&#39;&quot;&lt;&gt;&amp;');
  });

  it('serves the page with a policy that lets only its own style sheet in (by hash), no script', () => {
    const html = progressReportHtml(report);
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    const hash = createHash('sha256').update(style).digest('base64');
    expect(PROGRESS_REPORT_CONTENT_SECURITY_POLICY).toBe(
      `default-src 'none'; style-src 'sha256-${hash}'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    );
    expect(html).not.toMatch(/<script|\son\w+=|style="/);
  });

  it('writes one CSV line per figure, defuses formulas, and says which functions are not reported', () => {
    const lines = progressReportCsv(report).trimEnd().split('\r\n');
    expect(lines[0]).toBe('period,function,status,metric,key,value,unit,note');
    expect(lines[1]).toBe('2026-Q1,help-desk-and-service,reported,requestsReceived,,4,count,');
    expect(lines[2]).toBe(
      '2026-Q1,help-desk-and-service,reported,medianHoursToResolution,,,hours,',
    );
    expect(lines[4]).toBe(
      `2026-Q1,help-desk-and-service,reported,requestsReceivedByTheme,"'=HYPERLINK(""http://evil"")",2,count,`,
    );
    expect(lines[5]).toMatch(/^2026-Q1,innovation,not-reported,,,,,"Not reported yet: /);
    expect(lines).toHaveLength(10);
  });
});
