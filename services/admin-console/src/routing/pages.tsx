// The console's pages: where each is (its route), what it is called, who may
// see it, and in which section of the navigation it is listed.
import type { ComponentType } from 'react';
import type { Permission } from '@sfp/contracts';
import { NewRequestPage } from '../contexts/help-desk/new-request.page';
import { QueuePage } from '../contexts/help-desk/queue.page';
import { RequestPage } from '../contexts/help-desk/request.page';
import { StatisticsPage } from '../contexts/help-desk/statistics.page';
import { SentMailPage } from '../contexts/help-desk/sent-mail.page';
import { MacrosPage } from '../contexts/help-desk/macros.page';
import { ProgressReportPage } from '../contexts/reporting/progress-report.page';
import { ReportingViewsPage } from '../contexts/reporting/views.page';
import { DeadLettersPage } from '../contexts/operations/dead-letters.page';
import { ErasurePage } from '../contexts/operations/erasure.page';
import { ProjectionsPage } from '../contexts/operations/projections.page';
import { ClientsPage } from '../contexts/identity/clients.page';
import { FileReportPage } from '../contexts/knowledge-base/file-report.page';
import { GniPage } from '../contexts/knowledge-base/gni.page';
import { InstitutionPage } from '../contexts/knowledge-base/institution.page';
import { InstitutionsPage } from '../contexts/knowledge-base/institutions.page';
import {
  ImpactAssessmentPage,
  PracticeNotePage,
} from '../contexts/knowledge-base/library-entry.page';
import { LibraryPage } from '../contexts/knowledge-base/library.page';
import { NewImpactAssessmentPage } from '../contexts/knowledge-base/new-impact-assessment.page';
import { NewPracticeNotePage } from '../contexts/knowledge-base/new-practice-note.page';
import { ReportPage } from '../contexts/knowledge-base/report.page';
import { ReportImportPage } from '../contexts/knowledge-base/report-import.page';
import { TargetsPage } from '../contexts/knowledge-base/targets.page';
import { UsersPage } from '../contexts/identity/users.page';
import { CostBenefitSummaryPage } from '../contexts/innovation-research/cost-benefit-summary.page';
import { FindingsLibraryPage } from '../contexts/innovation-research/findings-library.page';
import { MilestoneCalendarPage } from '../contexts/innovation-research/milestone-calendar.page';
import { ResearchPortfolioPage } from '../contexts/innovation-research/portfolio.page';
import { ResearchProjectPage } from '../contexts/innovation-research/project.page';
import { ProposeProjectPage } from '../contexts/innovation-research/propose-project.page';
import { ProposalChangesPage } from '../contexts/quality-monitoring/changes.page';
import { LinkageMapPage } from '../contexts/quality-monitoring/linkage-map.page';
import { QualityProposalPage } from '../contexts/quality-monitoring/proposal.page';
import { QualityReportsPage } from '../contexts/quality-monitoring/reports.page';
import { ReviewPolicyPage } from '../contexts/quality-monitoring/review-policy.page';
import { ReviewQueuePage } from '../contexts/quality-monitoring/review-queue.page';
import { SubmitProposalPage } from '../contexts/quality-monitoring/submit-proposal.page';
import { CoursePage } from '../contexts/training/course.page';
import { CoursesPage } from '../contexts/training/courses.page';
import { NewCoursePage } from '../contexts/training/new-course.page';
import { NewOfferingPage } from '../contexts/training/new-offering.page';
import { OfferingPage } from '../contexts/training/offering.page';
import { OfferingsPage } from '../contexts/training/offerings.page';
import { ProgrammeLaunchPage } from '../contexts/training/programme-launch.page';
import { ProgrammePage } from '../contexts/training/programme.page';
import { ProgrammesPage } from '../contexts/training/programmes.page';
import { TrainingStatisticsPage } from '../contexts/training/statistics.page';
import type { PlainRouteName, RouteName } from './paths';

export type NavSection =
  | 'Help desk'
  | 'Knowledge base'
  | 'Training'
  | 'Research'
  | 'Quality monitoring'
  | 'Reporting'
  | 'Operations';

interface PageBase {
  title: string;
  permission: Permission;
  /** Shown only when the platform serves this API path (contexts arrive one by one). */
  needsPath?: string;
  Page: ComponentType;
}

/** A page listed in the navigation (reached without parameters), or one reached by links. */
export type ConsolePage =
  | (PageBase & { route: PlainRouteName; nav?: NavSection })
  | (PageBase & { route: Exclude<RouteName, PlainRouteName>; nav?: never });

/** In navigation order within each section. */
export const PAGES: ConsolePage[] = [
  {
    route: 'queue',
    title: 'Request queue',
    permission: 'records:read',
    Page: QueuePage,
    nav: 'Help desk',
  },
  {
    route: 'newRequest',
    title: 'File a request',
    permission: 'records:write',
    Page: NewRequestPage,
    nav: 'Help desk',
  },
  { route: 'request', title: 'Request', permission: 'records:read', Page: RequestPage },
  {
    route: 'statistics',
    title: 'Statistics',
    permission: 'reports:read',
    Page: StatisticsPage,
    nav: 'Help desk',
  },
  {
    route: 'macros',
    title: 'Macros',
    permission: 'records:read',
    needsPath: '/api/help-desk/macros',
    Page: MacrosPage,
    nav: 'Help desk',
  },
  {
    route: 'sentMail',
    title: 'Sent mail',
    permission: 'records:read',
    needsPath: '/api/help-desk/sent-mail',
    Page: SentMailPage,
    nav: 'Help desk',
  },
  {
    route: 'institutions',
    title: 'Institutions',
    permission: 'reports:read',
    needsPath: '/api/knowledge-base/institutions',
    Page: InstitutionsPage,
    nav: 'Knowledge base',
  },
  {
    route: 'institution',
    title: 'Institution',
    permission: 'reports:read',
    needsPath: '/api/knowledge-base/institutions/{id}/profile',
    Page: InstitutionPage,
  },
  {
    route: 'fileReport',
    title: 'File a performance report',
    permission: 'records:write',
    needsPath: '/api/knowledge-base/institutions/{id}/performance-reports',
    Page: FileReportPage,
  },
  {
    route: 'report',
    title: 'Performance report',
    permission: 'records:read',
    needsPath: '/api/knowledge-base/performance-reports/{reportId}',
    Page: ReportPage,
  },
  {
    route: 'reportImport',
    title: 'Import performance reports',
    permission: 'records:write',
    needsPath: '/api/knowledge-base/performance-report-imports',
    Page: ReportImportPage,
  },
  {
    route: 'targets',
    title: 'Targets',
    permission: 'reports:read',
    needsPath: '/api/knowledge-base/targets',
    Page: TargetsPage,
    nav: 'Knowledge base',
  },
  {
    route: 'gni',
    title: 'GNI per capita',
    permission: 'reports:read',
    needsPath: '/api/knowledge-base/reference/gni-per-capita',
    Page: GniPage,
    nav: 'Knowledge base',
  },
  {
    route: 'newImpactAssessment',
    title: 'Record an impact assessment',
    permission: 'records:write',
    needsPath: '/api/knowledge-base/impact-assessments',
    Page: NewImpactAssessmentPage,
  },
  {
    route: 'newPracticeNote',
    title: 'Write a practice note',
    permission: 'records:write',
    needsPath: '/api/knowledge-base/practice-notes',
    Page: NewPracticeNotePage,
  },
  {
    route: 'practiceNote',
    title: 'Practice note',
    permission: 'records:read',
    needsPath: '/api/knowledge-base/practice-notes/{id}',
    Page: PracticeNotePage,
  },
  {
    route: 'impactAssessment',
    title: 'Impact assessment',
    permission: 'records:read',
    needsPath: '/api/knowledge-base/impact-assessments/{id}',
    Page: ImpactAssessmentPage,
  },
  {
    route: 'library',
    title: 'Library',
    permission: 'reports:read',
    needsPath: '/api/knowledge-base/search',
    Page: LibraryPage,
    nav: 'Knowledge base',
  },
  {
    route: 'trainingCourses',
    title: 'Course catalogue',
    permission: 'records:read',
    needsPath: '/api/training/courses',
    Page: CoursesPage,
    nav: 'Training',
  },
  {
    route: 'newCourse',
    title: 'Write a course',
    permission: 'records:write',
    needsPath: '/api/training/courses',
    Page: NewCoursePage,
  },
  {
    route: 'trainingCourse',
    title: 'Course',
    permission: 'records:read',
    needsPath: '/api/training/courses/{id}',
    Page: CoursePage,
  },
  {
    route: 'trainingOfferings',
    title: 'Offering calendar',
    permission: 'records:read',
    needsPath: '/api/training/offerings',
    Page: OfferingsPage,
    nav: 'Training',
  },
  {
    route: 'newOffering',
    title: 'Plan an offering',
    permission: 'records:write',
    needsPath: '/api/training/offerings',
    Page: NewOfferingPage,
    nav: 'Training',
  },
  {
    route: 'trainingOffering',
    title: 'Offering',
    permission: 'records:read',
    needsPath: '/api/training/offerings/{id}',
    Page: OfferingPage,
  },
  {
    route: 'trainingProgrammes',
    title: 'Programmes',
    permission: 'records:read',
    needsPath: '/api/training/programmes',
    Page: ProgrammesPage,
    nav: 'Training',
  },
  {
    route: 'launchProgramme',
    title: 'Launch a programme',
    permission: 'records:write',
    needsPath: '/api/training/programmes',
    Page: ProgrammeLaunchPage,
  },
  {
    route: 'trainingProgramme',
    title: 'Programme',
    permission: 'records:read',
    needsPath: '/api/training/programmes/{id}',
    Page: ProgrammePage,
  },
  {
    route: 'trainingStatistics',
    // Not "… statistics": the help desk's "Statistics" stays the only link of that name.
    title: 'Participation and results',
    permission: 'reports:read',
    needsPath: '/api/training/statistics',
    Page: TrainingStatisticsPage,
    nav: 'Training',
  },
  {
    route: 'researchPortfolio',
    title: 'Research portfolio',
    permission: 'records:read',
    needsPath: '/api/innovation-research/projects',
    Page: ResearchPortfolioPage,
    nav: 'Research',
  },
  {
    route: 'proposeResearchProject',
    title: 'Propose a project',
    permission: 'records:write',
    needsPath: '/api/innovation-research/projects',
    Page: ProposeProjectPage,
  },
  {
    route: 'researchProject',
    title: 'Research project',
    permission: 'records:read',
    needsPath: '/api/innovation-research/projects/{id}',
    Page: ResearchProjectPage,
  },
  {
    route: 'researchMilestones',
    title: 'Milestone calendar',
    permission: 'records:read',
    needsPath: '/api/innovation-research/milestones',
    Page: MilestoneCalendarPage,
    nav: 'Research',
  },
  {
    route: 'researchFindings',
    title: 'Findings library',
    permission: 'records:read',
    needsPath: '/api/innovation-research/findings',
    Page: FindingsLibraryPage,
    nav: 'Research',
  },
  {
    route: 'researchCostBenefit',
    title: 'Cost-benefit summary',
    permission: 'reports:read',
    needsPath: '/api/innovation-research/cost-benefit',
    Page: CostBenefitSummaryPage,
    nav: 'Research',
  },
  {
    route: 'qualityQueue',
    title: 'Review queue',
    permission: 'records:read',
    needsPath: '/api/quality-monitoring/proposals',
    Page: ReviewQueuePage,
    nav: 'Quality monitoring',
  },
  {
    route: 'submitProposal',
    title: 'Submit a proposal',
    permission: 'records:write',
    needsPath: '/api/quality-monitoring/proposals',
    Page: SubmitProposalPage,
    nav: 'Quality monitoring',
  },
  {
    route: 'qualityProposal',
    title: 'Proposal',
    permission: 'records:read',
    needsPath: '/api/quality-monitoring/proposals',
    Page: QualityProposalPage,
  },
  {
    route: 'qualityChanges',
    title: 'What changed',
    permission: 'records:read',
    needsPath: '/api/quality-monitoring/proposals',
    Page: ProposalChangesPage,
  },
  {
    route: 'qualityLinkageMap',
    title: 'Linkage map',
    permission: 'reports:read',
    needsPath: '/api/quality-monitoring/reports/linkage-map',
    Page: LinkageMapPage,
    nav: 'Quality monitoring',
  },
  {
    route: 'qualityReports',
    title: 'Quality reports',
    permission: 'reports:read',
    needsPath: '/api/quality-monitoring/reports/turnaround',
    Page: QualityReportsPage,
    nav: 'Quality monitoring',
  },
  {
    route: 'qualityPolicy',
    title: 'Review policy',
    permission: 'records:read',
    needsPath: '/api/quality-monitoring/review-policy',
    Page: ReviewPolicyPage,
    nav: 'Quality monitoring',
  },
  {
    route: 'reportingViews',
    title: 'Views and queries',
    permission: 'reports:read',
    needsPath: '/api/reporting/views',
    Page: ReportingViewsPage,
    nav: 'Reporting',
  },
  {
    route: 'progressReport',
    title: 'Progress report',
    permission: 'reports:read',
    needsPath: '/api/reporting/reports/progress',
    Page: ProgressReportPage,
    nav: 'Reporting',
  },
  {
    route: 'projections',
    title: 'Projections',
    permission: 'platform:admin',
    Page: ProjectionsPage,
    nav: 'Operations',
  },
  {
    route: 'users',
    title: 'Users and roles',
    permission: 'platform:admin',
    Page: UsersPage,
    nav: 'Operations',
  },
  {
    route: 'clients',
    title: 'Clients and API keys',
    permission: 'platform:admin',
    Page: ClientsPage,
    nav: 'Operations',
  },
  {
    route: 'deadLetters',
    title: 'Dead letters',
    permission: 'platform:admin',
    needsPath: '/api/dead-letters',
    Page: DeadLettersPage,
    nav: 'Operations',
  },
  {
    route: 'erasure',
    title: 'Personal data erasure',
    permission: 'platform:admin',
    Page: ErasurePage,
    nav: 'Operations',
  },
];
