import { helpDeskReporting } from './help-desk/help-desk.reporting-plugin';
import { innovationResearchReporting } from './innovation-research/innovation-research.reporting-plugin';
import { knowledgeBaseReporting } from './knowledge-base/knowledge-base.reporting-plugin';
import { qualityMonitoringReporting } from './quality-monitoring/quality-monitoring.reporting-plugin';
import type { ReportingPlugin } from './registry/reporting-plugin';
import { trainingReporting } from './training/training.reporting-plugin';

/**
 * The contexts reporting reads. A new context plugs in here with its own
 * plugin (views, checks, report sections); the others do not change.
 */
export function defaultReportingPlugins(): ReportingPlugin[] {
  return [
    helpDeskReporting,
    knowledgeBaseReporting,
    trainingReporting,
    innovationResearchReporting,
    qualityMonitoringReporting,
  ];
}
