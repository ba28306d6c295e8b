import type { ReactNode } from 'react';
import type { Permission } from '@sfp/contracts';
import { CapabilitiesProvider, useHasPath } from './api/capabilities';
import { label } from './api/types';
import { Loading } from './components/ui';
import { ChangePasswordPage, SignInPage } from './pages/account';
import { ClientsPage } from './pages/clients';
import { DeadLettersPage } from './pages/dead-letters';
import {
  FileReportPage,
  InstitutionPage,
  InstitutionsPage,
  LibraryPage,
  ReportPage,
  TargetsPage,
} from './pages/knowledge-base';
import { ProgressReportPage, ReportingViewsPage } from './pages/reporting';
import { ErasurePage } from './pages/erasure';
import { NewRequestPage } from './pages/new-request';
import { ProjectionsPage } from './pages/projections';
import { QueuePage } from './pages/queue';
import { RequestPage } from './pages/request';
import { StatisticsPage } from './pages/statistics';
import { UsersPage } from './pages/users';
import { GniPage } from './pages/gni-table';
import { NewImpactAssessmentPage } from './pages/impact-assessment-form';
import { NewPracticeNotePage } from './pages/practice-note-form';
import { Link, navigate, useLocation } from './router';
import { AuthProvider, useAuth } from './session';

interface Route {
  path: RegExp;
  title: string;
  permission: Permission;
  /** Shown only when the platform serves this API path (contexts arrive one by one). */
  needsPath?: string;
  render: (match: RegExpExecArray) => ReactNode;
  /** In the navigation under this section (none: reached by links). */
  nav?: string;
}

export const ROUTES: Route[] = [
  {
    path: /^\/help-desk\/queue$/,
    title: 'Request queue',
    permission: 'records:read',
    render: () => <QueuePage />,
    nav: 'Help desk',
  },
  {
    path: /^\/help-desk\/requests\/new$/,
    title: 'File a request',
    permission: 'records:write',
    render: () => <NewRequestPage />,
    nav: 'Help desk',
  },
  {
    path: /^\/help-desk\/requests\/([^/]+)$/,
    title: 'Request',
    permission: 'records:read',
    render: (m) => <RequestPage id={decodeURIComponent(m[1] ?? '')} />,
  },
  {
    path: /^\/help-desk\/statistics$/,
    title: 'Statistics',
    permission: 'reports:read',
    render: () => <StatisticsPage />,
    nav: 'Help desk',
  },
  {
    path: /^\/knowledge-base\/institutions$/,
    title: 'Institutions',
    permission: 'reports:read',
    needsPath: '/api/knowledge-base/institutions',
    render: () => <InstitutionsPage />,
    nav: 'Knowledge base',
  },
  {
    path: /^\/knowledge-base\/institutions\/([^/]+)$/,
    title: 'Institution',
    permission: 'reports:read',
    needsPath: '/api/knowledge-base/institutions/{id}/profile',
    render: (m) => <InstitutionPage id={decodeURIComponent(m[1] ?? '')} />,
  },
  {
    path: /^\/knowledge-base\/institutions\/([^/]+)\/reports\/new$/,
    title: 'File a performance report',
    permission: 'records:write',
    needsPath: '/api/knowledge-base/institutions/{id}/performance-reports',
    render: (m) => <FileReportPage institutionId={decodeURIComponent(m[1] ?? '')} />,
  },
  {
    path: /^\/knowledge-base\/reports\/([^/]+)$/,
    title: 'Performance report',
    permission: 'records:read',
    needsPath: '/api/knowledge-base/performance-reports/{reportId}',
    render: (m) => <ReportPage reportId={decodeURIComponent(m[1] ?? '')} />,
  },
  {
    path: /^\/knowledge-base\/targets$/,
    title: 'Targets',
    permission: 'reports:read',
    needsPath: '/api/knowledge-base/targets',
    render: () => <TargetsPage />,
    nav: 'Knowledge base',
  },
  {
    path: /^\/knowledge-base\/gni$/,
    title: 'GNI per capita',
    permission: 'reports:read',
    needsPath: '/api/knowledge-base/reference/gni-per-capita',
    render: () => <GniPage />,
    nav: 'Knowledge base',
  },
  {
    path: /^\/knowledge-base\/library\/impact-assessments\/new$/,
    title: 'Record an impact assessment',
    permission: 'records:write',
    needsPath: '/api/knowledge-base/impact-assessments',
    render: () => <NewImpactAssessmentPage />,
  },
  {
    path: /^\/knowledge-base\/library\/practice-notes\/new$/,
    title: 'Write a practice note',
    permission: 'records:write',
    needsPath: '/api/knowledge-base/practice-notes',
    render: () => <NewPracticeNotePage />,
  },
  {
    path: /^\/knowledge-base\/library$/,
    title: 'Library',
    permission: 'reports:read',
    needsPath: '/api/knowledge-base/search',
    render: () => <LibraryPage />,
    nav: 'Knowledge base',
  },
  {
    path: /^\/reporting\/views$/,
    title: 'Views and queries',
    permission: 'reports:read',
    needsPath: '/api/reporting/views',
    render: () => <ReportingViewsPage />,
    nav: 'Reporting',
  },
  {
    path: /^\/reporting\/progress$/,
    title: 'Progress report',
    permission: 'reports:read',
    needsPath: '/api/reporting/reports/progress',
    render: () => <ProgressReportPage />,
    nav: 'Reporting',
  },
  {
    path: /^\/operations\/projections$/,
    title: 'Projections',
    permission: 'platform:admin',
    render: () => <ProjectionsPage />,
    nav: 'Operations',
  },
  {
    path: /^\/operations\/users$/,
    title: 'Users and roles',
    permission: 'platform:admin',
    render: () => <UsersPage />,
    nav: 'Operations',
  },
  {
    path: /^\/operations\/clients$/,
    title: 'Clients and API keys',
    permission: 'platform:admin',
    render: () => <ClientsPage />,
    nav: 'Operations',
  },
  {
    path: /^\/operations\/dead-letters$/,
    title: 'Dead letters',
    permission: 'platform:admin',
    needsPath: '/api/dead-letters',
    render: () => <DeadLettersPage />,
    nav: 'Operations',
  },
  {
    path: /^\/operations\/erasure$/,
    title: 'Personal data erasure',
    permission: 'platform:admin',
    render: () => <ErasurePage />,
    nav: 'Operations',
  },
];

const NAV_PATHS: Record<string, string> = {
  'Request queue': '/help-desk/queue',
  'File a request': '/help-desk/requests/new',
  Statistics: '/help-desk/statistics',
  Institutions: '/knowledge-base/institutions',
  Targets: '/knowledge-base/targets',
  Library: '/knowledge-base/library',
  'GNI per capita': '/knowledge-base/gni',
  'Views and queries': '/reporting/views',
  'Progress report': '/reporting/progress',
  Projections: '/operations/projections',
  'Dead letters': '/operations/dead-letters',
  'Users and roles': '/operations/users',
  'Clients and API keys': '/operations/clients',
  'Personal data erasure': '/operations/erasure',
};

export function App() {
  return (
    <CapabilitiesProvider>
      <AuthProvider>
        <Shell />
      </AuthProvider>
    </CapabilitiesProvider>
  );
}

function Shell() {
  const { me, checking, can, signOut } = useAuth();
  const { pathname } = useLocation();
  const hasPath = useHasPath();
  if (checking) return <Loading what="Checking your session" />;
  if (!me) return <SignInPage />;
  if (me.passwordChangeRequired) return <ChangePasswordPage forced />;

  const visible = ROUTES.filter(
    (r) => can(r.permission) && (!r.needsPath || hasPath(r.needsPath) === true),
  );
  const sections = [...new Set(visible.filter((r) => r.nav).map((r) => r.nav as string))];
  let content: ReactNode;
  if (pathname === '/' || pathname === '') {
    const first = visible.find((r) => r.nav);
    if (first) queueMicrotask(() => navigate(NAV_PATHS[first.title] ?? '/', { replace: true }));
    content = first ? <Loading /> : <NoAccess />;
  } else if (pathname === '/account/password') {
    content = <ChangePasswordPage forced={false} />;
  } else {
    const route = ROUTES.find((r) => r.path.test(pathname));
    const match = route?.path.exec(pathname);
    if (!route || !match) content = <NotFound />;
    else if (!can(route.permission)) content = <NoAccess what={route.title} />;
    else if (route.needsPath && hasPath(route.needsPath) === undefined) content = <Loading />;
    else if (route.needsPath && !hasPath(route.needsPath)) content = <NotFound />;
    else content = route.render(match);
  }
  const routeTitle = ROUTES.find((r) => r.path.test(pathname))?.title;
  if (typeof document !== 'undefined')
    // eslint-disable-next-line react-hooks/immutability -- idempotent, derived from the path; an effect would have to sit above the early returns and would retitle the sign-in pages too
    document.title = `${routeTitle ? `${routeTitle} — ` : ''}SFP admin console`;

  return (
    <>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="top">
        <Link to="/" className="brand">
          SFP Platform
        </Link>
        <nav aria-label="Main">
          {sections.map((section) => (
            <div key={section} className="nav-section">
              <span className="nav-heading">{section}</span>
              <ul>
                {visible
                  .filter((r) => r.nav === section)
                  .map((r) => (
                    <li key={r.title}>
                      <Link to={NAV_PATHS[r.title] ?? '/'}>{r.title}</Link>
                    </li>
                  ))}
              </ul>
            </div>
          ))}
        </nav>
        <div className="who">
          <span>
            Signed in as <strong data-testid="signed-in-user">{me.displayName ?? me.name}</strong>
            <span className="sub"> {me.roles.map(label).join(', ')}</span>
          </span>
          <Link to="/account/password">Change password</Link>
          <button type="button" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </header>
      {content}
    </>
  );
}

function NoAccess({ what }: { what?: string }) {
  return (
    <main id="main">
      <h1>Not available to you</h1>
      <p>
        {what
          ? `${what} needs a role you do not have.`
          : 'Your roles give you no page of this console yet.'}{' '}
        An administrator can change your roles.
      </p>
    </main>
  );
}

function NotFound() {
  return (
    <main id="main">
      <h1>Page not found</h1>
      <p>
        There is no such page. <Link to="/">Go to the start page</Link>.
      </p>
    </main>
  );
}
