// The frame of every page: the sign-in and forced password change gates, the
// header with the navigation the user's roles allow, and the page itself,
// which checks its own permission and API (so a bookmarked link says why it
// cannot be shown instead of failing).
import { useEffect, useState } from 'react';
import {
  Link,
  Navigate,
  NavLink,
  Outlet,
  ScrollRestoration,
  useLocation,
  useRouteError,
} from 'react-router';
import { useCapabilitiesKnown, useHasPath } from '../api/capabilities';
import { label } from '../components/format';
import { ErrorMessage, Loading } from '../components/feedback';
import { HomeDashboard, useDashboardPanels } from '../contexts/home/home.page';
import { ChangePasswordPage } from '../contexts/identity/change-password.page';
import { SignInPage } from '../contexts/identity/sign-in.page';
import { useAuth } from '../session';
import { PAGES, type ConsolePage, type NavSection } from './pages';
import { href, ROUTES } from './paths';

/** The pages this user may open on this platform (its mounted contexts). */
function useVisiblePages(): ConsolePage[] {
  const { can } = useAuth();
  const hasPath = useHasPath();
  return PAGES.filter((p) => can(p.permission) && (!p.needsPath || hasPath(p.needsPath) === true));
}

function useDocumentTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = `${title ? `${title} — ` : ''}SFP admin console`;
  }, [title]);
}

export function Shell() {
  const { me, checking, signOut } = useAuth();
  const visible = useVisiblePages();
  // On a narrow screen the navigation is folded behind a menu button (CSS shows
  // the button under 48rem), and folds again when a page is chosen.
  const { pathname } = useLocation();
  const [menuOpenOn, setMenuOpenOn] = useState<string | null>(null);
  const menuOpen = menuOpenOn === pathname;
  if (checking) return <Loading what="Checking your session" />;
  if (!me) return <SignInPage />;
  if (me.passwordChangeRequired) return <ChangePasswordPage forced />;
  const sections = [...new Set(visible.flatMap((p) => (p.nav ? [p.nav] : [])))];
  const listed = (section: NavSection) => visible.filter((p) => p.nav === section);
  return (
    <>
      <ScrollRestoration />
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="top">
        <Link to={href('home')} className="brand">
          SFP Platform
        </Link>
        <button
          type="button"
          className="menu-button"
          aria-expanded={menuOpen}
          aria-controls="main-navigation"
          onClick={() => setMenuOpenOn(menuOpen ? null : pathname)}
        >
          Menu
        </button>
        <nav aria-label="Main" id="main-navigation" className={menuOpen ? 'open' : undefined}>
          {sections.map((section) => (
            <div key={section} className="nav-section">
              <span className="nav-heading">{section}</span>
              <ul>
                {listed(section).map((p) => (
                  <li key={p.route}>
                    <NavLink to={ROUTES[p.route].path} end>
                      {p.title}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </nav>
        <div className={`who${menuOpen ? ' open' : ''}`}>
          <span>
            Signed in as <strong data-testid="signed-in-user">{me.displayName ?? me.name}</strong>
            <span className="sub"> {me.roles.map(label).join(', ')}</span>
          </span>
          <NavLink to={href('changePassword')}>Change password</NavLink>
          <button type="button" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </header>
      <Outlet />
    </>
  );
}

/** `/`: the home dashboard of this user's roles, else the first page the navigation offers them. */
export function Home() {
  const first = useVisiblePages().find((p) => p.nav);
  const known = useCapabilitiesKnown();
  const panels = useDashboardPanels();
  useDocumentTitle('Home');
  if (Object.values(panels).some(Boolean)) return <HomeDashboard />;
  if (!known) return <Loading />;
  if (first) return <Navigate to={ROUTES[first.route].path} replace />;
  return <NoAccess />;
}

/** A page of the table: shown when the user may and the platform serves its API. */
export function GuardedPage({ page }: { page: ConsolePage }) {
  const { can } = useAuth();
  const hasPath = useHasPath();
  useDocumentTitle(page.title);
  if (!can(page.permission)) return <NoAccess what={page.title} />;
  const served = page.needsPath ? hasPath(page.needsPath) : true;
  if (served === undefined) return <Loading />;
  if (!served) return <NotFound />;
  return <page.Page />;
}

export function ChangePasswordRoute() {
  useDocumentTitle('Change password');
  return <ChangePasswordPage forced={false} />;
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

export function NotFound() {
  useDocumentTitle(undefined);
  return (
    <main id="main">
      <h1>Page not found</h1>
      <p>
        There is no such page. <Link to={href('home')}>Go to the start page</Link>.
      </p>
    </main>
  );
}

/** A page that threw while rendering: what happened, and a way on. */
export function Crash() {
  const error = useRouteError();
  useDocumentTitle('Error');
  return (
    <main id="main">
      <h1>This page failed</h1>
      <ErrorMessage error={error} title="The console failed." />
      <p>
        <a href={href('home')}>Reload the console</a>.
      </p>
    </main>
  );
}
