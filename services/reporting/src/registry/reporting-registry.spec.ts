import { defaultReportingPlugins } from '../reporting.plugins';
import { helpDeskReporting } from '../help-desk/help-desk.reporting-plugin';
import type { ReportingPlugin } from './reporting-plugin';
import { ReportingRegistry } from './reporting-registry';

describe('reporting registry', () => {
  it('lists the views of every plugin', () => {
    const registry = new ReportingRegistry(defaultReportingPlugins());
    expect(registry.contexts).toEqual([
      'help-desk',
      'knowledge-base',
      'training',
      'innovation-research',
      'quality-monitoring',
    ]);
    expect(registry.views.map((v) => [v.name, v.projection.name])).toEqual([
      ['service-requests', 'reporting-service-requests'],
      ['institutions', 'reporting-institutions'],
      ['performance-reports', 'reporting-performance-reports'],
      ['targets', 'reporting-targets'],
      ['impact-assessments', 'reporting-impact-assessments'],
      ['training-courses', 'reporting-training-courses'],
      ['training-offerings', 'reporting-training-offerings'],
      ['training-participations', 'reporting-training-participations'],
      ['training-programmes', 'reporting-training-programmes'],
      ['research-portfolio', 'reporting-research-portfolio'],
      ['research-milestone-record', 'reporting-research-milestone-record'],
      ['research-publications', 'reporting-research-publications'],
      ['research-cost-benefit-record', 'reporting-research-cost-benefit-record'],
      ['quality-proposals', 'reporting-quality-proposals'],
      ['quality-decisions', 'reporting-quality-decisions'],
      ['quality-portfolio', 'reporting-quality-portfolio'],
      ['quality-linkages', 'reporting-quality-linkages'],
    ]);
    expect(registry.view('targets')?.context).toBe('knowledge-base');
    expect(registry.view('__proto__')).toBeUndefined();
  });

  it('takes a new context by its plugin alone, and refuses clashes', () => {
    const innovation: ReportingPlugin = {
      context: 'resource-mobilisation',
      shapeProblems: () => [],
      views: [],
      sections: [],
    };
    expect(new ReportingRegistry([...defaultReportingPlugins(), innovation]).contexts).toContain(
      'innovation-research',
    );
    expect(() => new ReportingRegistry([helpDeskReporting, helpDeskReporting])).toThrow(
      'Two reporting plugins read help-desk',
    );
    expect(
      () => new ReportingRegistry([helpDeskReporting, { ...helpDeskReporting, context: 'other' }]),
    ).toThrow(/Two reporting views are named service-requests|reads help-desk/);
    expect(
      () =>
        new ReportingRegistry([
          helpDeskReporting,
          { ...innovation, sections: helpDeskReporting.sections },
        ]),
    ).toThrow('Two plugins report the function help-desk-and-service');
  });
});
