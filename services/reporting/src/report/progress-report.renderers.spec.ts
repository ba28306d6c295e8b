import { createHash } from 'node:crypto';
import { assembleProgressReport, reportTables } from './domain/progress-report';
import { previousReportPeriod } from './domain/previous-period';
import { parseReportPeriod } from './domain/report-period';
import {
  PROGRESS_REPORT_CONTENT_SECURITY_POLICY,
  escapeHtml,
  progressReportCsv,
  progressReportHtml,
  reportTableCsv,
} from './progress-report.renderers';
import { REPORT_LABELS } from './report-labels';

const period = parseReportPeriod('2026-Q1');
const report = assembleProgressReport({
  period,
  previousPeriod: previousReportPeriod(period),
  generatedAt: '2026-04-02T00:00:00.000Z',
  sections: [
    {
      function: 'help-desk-and-service',
      context: 'help-desk',
      figures: [
        { metric: 'requestsReceived', key: null, value: 1234, unit: 'count' },
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
  previousSections: [
    {
      function: 'help-desk-and-service',
      context: 'help-desk',
      figures: [
        { metric: 'requestsReceived', key: null, value: 1000, unit: 'count' },
        { metric: 'medianHoursToResolution', key: null, value: 12, unit: 'hours' },
        { metric: 'requestsReceivedByTheme', key: 'youth', value: 3, unit: 'count' },
      ],
      notes: [],
    },
  ],
  narratives: {
    'help-desk-and-service': {
      text: 'More requests.\n\n<b>Not bold</b>',
      author: 'ana',
      writtenAt: '2026-04-01T10:00:00.000Z',
    },
  },
  labels: REPORT_LABELS,
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
      narrative: null,
    });
    expect(training).not.toHaveProperty('figures');
    expect(report.functions.find((f) => f.function === 'capacity-building')).toMatchObject({
      status: 'not-reported',
      note: expect.stringMatching(/^Not reported yet: the training service /),
    });
  });

  it('escapes every value in the HTML page', () => {
    const html = progressReportHtml(report);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('Counted &quot;by hand&quot; &amp; &lt;checked&gt;');
    expect(html).toContain(
      '<h2>Knowledge management</h2><p class="no-narrative">No narrative has been written for this section.</p><p class="not-reported">Not reported yet',
    );
    expect(html).toContain('<p>&lt;b&gt;Not bold&lt;/b&gt;</p>');
    expect(escapeHtml(`'"<>&`)).toBe('&#39;&quot;&lt;&gt;&amp;');
  });

  it('prints a table of contents, labels, formatted figures beside the previous period, and inline SVG charts', () => {
    const html = progressReportHtml(report);
    expect(html).toContain('<nav><h2>Contents</h2><ol><li><a href="#help-desk-and-service">');
    expect(html).toContain(
      '<li><a href="#help-desk-and-service.figures">Figures</a></li><li><a href="#help-desk-and-service.requestsReceivedByKind">Requests received by kind</a></li>',
    );
    expect(html).toContain(
      '<a href="#innovation">Innovation (action research)</a> (not reported yet)',
    );
    expect(html).toContain(
      '<tr><th scope="row">Requests received</th><td>1,234</td><td>1,000</td><td>+234</td><td>count</td></tr>',
    );
    expect(html).toContain(
      '<tr><th scope="row">Median time to resolution (hours)</th><td>n/a</td><td>12 hours</td><td>n/a</td><td>hours</td></tr>',
    );
    // youth was received in the previous period only: 0 now, −3.
    expect(html).toContain('<tr><th scope="row">Youth</th><td>0</td><td>3</td><td>−3</td></tr>');
    expect(html).toContain('<p>More requests.</p>');
    expect(html).toContain('Written by ana on 2026-04-01.');
    const charts = html.match(/<svg class="chart"[\s\S]*?<\/svg>/g) ?? [];
    // The headline figures: one chart per unit (counts; hours); one per breakdown.
    expect(charts).toHaveLength(4);
    expect(charts[0]).toContain(
      '<title>Help desk and service: counts, 2026-Q1 and 2025-Q4 (previous)</title>',
    );
    expect(charts[0]).toContain('>1,234</text>');
    expect(charts[0]).toContain('>1,000</text>');
    // 1,234 is the longest bar (300 wide); 1,000 in proportion.
    expect(charts[0]).toContain('width="300.0"');
    expect(charts[0]).toContain(`width="${((1000 / 1234) * 300).toFixed(1)}"`);
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

  it('writes one CSV line per figure with its label, previous value and change, defuses formulas, and says which functions are not reported', () => {
    const lines = progressReportCsv(report).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'period,function,section,status,metric,key,label,value,unit,previous (2025-Q4),change,note',
    );
    expect(lines[1]).toBe(
      '2026-Q1,help-desk-and-service,Help desk and service,reported,requestsReceived,,Requests received,1234,count,1000,234,',
    );
    expect(lines[2]).toBe(
      '2026-Q1,help-desk-and-service,Help desk and service,reported,medianHoursToResolution,,Median time to resolution (hours),,hours,12,,',
    );
    expect(lines[4]).toBe(
      `2026-Q1,help-desk-and-service,Help desk and service,reported,requestsReceivedByTheme,"'=HYPERLINK(""http://evil"")","Requests received by theme: =HYPERLINK(""http://evil"")",2,count,0,2,`,
    );
    expect(lines[5]).toBe(
      '2026-Q1,help-desk-and-service,Help desk and service,reported,requestsReceivedByTheme,youth,Requests received by theme: Youth,0,count,3,-3,',
    );
    expect(lines[6]).toMatch(
      /^2026-Q1,innovation,Innovation \(action research\),not-reported,,,,,,,,"Not reported yet: /,
    );
    expect(lines).toHaveLength(11);
  });

  it('serves every named table as CSV: the column labels as header, raw values', () => {
    expect(reportTables(report).map((t) => t.id)).toEqual([
      'help-desk-and-service.figures',
      'help-desk-and-service.requestsReceivedByKind',
      'help-desk-and-service.requestsReceivedByTheme',
    ]);
    const theme = reportTables(report)[2]!;
    expect(reportTableCsv(theme).trimEnd().split('\r\n')).toEqual([
      'Theme,2026-Q1,2025-Q4 (previous period),Change',
      `"'=HYPERLINK(""http://evil"")",2,0,2`,
      'Youth,0,3,-3',
    ]);
  });
});
