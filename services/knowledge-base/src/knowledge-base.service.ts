import { defineService } from '@sfp/service-kit';
import { GniReferenceController } from './gni/application/gni-reference.http.controller';
import { RecordGniHandler } from './gni/application/record-gni/record-gni.handler';
import { gniTableProjection } from './gni/projections/gni-table.projection';
import { ChangeInstitutionStatusHandler } from './institution/application/change-institution-status/change-institution-status.handler';
import { InstitutionsController } from './institution/application/institutions.http.controller';
import { LinkInstitutionToProgrammeHandler } from './institution/application/link-institution-to-programme/link-institution-to-programme.handler';
import { RegisterInstitutionHandler } from './institution/application/register-institution/register-institution.handler';
import { InstitutionProfileController } from './institution/projections/institution-profile.http.controller';
import { institutionProfilesProjection } from './institution/projections/institution-profile.projection';
import { programmeMembersProjection } from './institution/projections/programme-members.projection';
import {
  GniSeed,
  KnowledgeBaseInboundCommands,
  TargetReevaluation,
} from './knowledge-base.background';
import {
  KNOWLEDGE_BASE_CONTEXT,
  KNOWLEDGE_BASE_ERROR_STATUSES,
  knowledgeBaseEventTypes,
} from './knowledge-base.context';
import { QualityMonitoringLinkages } from './linked-proposal/application/quality-monitoring-linkages.subscription';
import { LibraryLinkedProposalsController } from './linked-proposal/projections/linked-proposals.http.controller';
import { libraryLinkedProposalsProjection } from './linked-proposal/projections/linked-proposals.projection';
import { LibraryController } from './library/application/library.http.controller';
import { RecordLibraryEntryHandler } from './library/application/record-library-entry/record-library-entry.handler';
import { libraryProjection } from './library/projections/library.projection';
import { FileReportHandler } from './performance-report/application/file-report/file-report.handler';
import { PerformanceReportsController } from './performance-report/application/performance-reports.http.controller';
import { ReportImportsController } from './performance-report/application/import-reports/report-imports.http.controller';
import { RestateReportHandler } from './performance-report/application/restate-report/restate-report.handler';
import { ReportViewsController } from './performance-report/projections/report-views.http.controller';
import { performanceReportsProjection } from './performance-report/projections/performance-reports.projection';
import { PortfolioViewController } from './portfolio/portfolio-view.http.controller';
import { ResearchFindings } from './research-findings/application/research-findings.subscription';
import { SetTargetHandler } from './target/application/set-target/set-target.handler';
import { TargetsController } from './target/application/targets.http.controller';
import { WithdrawTargetHandler } from './target/application/withdraw-target/withdraw-target.handler';
import { targetsProjection } from './target/projections/targets.projection';

/** One handler per use case (a command, or a small group of one record's commands). */
const COMMAND_HANDLERS = [
  RegisterInstitutionHandler,
  ChangeInstitutionStatusHandler,
  LinkInstitutionToProgrammeHandler,
  FileReportHandler,
  RestateReportHandler,
  SetTargetHandler,
  WithdrawTargetHandler,
  RecordGniHandler,
  RecordLibraryEntryHandler,
];

/**
 * The knowledge base: finance institutions, performance reports with the
 * standard ratios, targets and their re-evaluation, peer benchmarks, the GNI
 * per capita table, impact assessments and practice notes; over HTTP
 * (/api/knowledge-base) and by message (sfp.knowledge-base.commands).
 */
export const knowledgeBaseService = defineService({
  context: KNOWLEDGE_BASE_CONTEXT,
  title: 'SFP Knowledge Base',
  description:
    'The knowledge base on its own: finance institutions, performance reports with the standard ratios, targets, ' +
    'peer benchmarks, impact assessments and practice notes. Departments and regional offices can also register ' +
    'institutions and file reports by message on sfp.knowledge-base.commands.',
  defaultPort: 3003,
  eventTypes: knowledgeBaseEventTypes,
  errorStatuses: KNOWLEDGE_BASE_ERROR_STATUSES,
  controllers: [
    InstitutionProfileController,
    InstitutionsController,
    ReportImportsController,
    PerformanceReportsController,
    ReportViewsController,
    TargetsController,
    PortfolioViewController,
    GniReferenceController,
    LibraryController,
    LibraryLinkedProposalsController,
  ],
  providers: COMMAND_HANDLERS,
  projections: [
    institutionProfilesProjection,
    performanceReportsProjection,
    targetsProjection,
    programmeMembersProjection,
    gniTableProjection,
    libraryProjection,
    libraryLinkedProposalsProjection,
  ],
  reactors: [TargetReevaluation],
  inboundCommands: KnowledgeBaseInboundCommands,
  subscriptions: [ResearchFindings, QualityMonitoringLinkages],
  workers: [GniSeed],
});
