// The console's router (react-router): the shell around every page, `/` to the
// first page the user may open, each page of the table at its path, and a
// "not found" page for the rest; public pages (a certificate's check) outside
// the shell, so they open without signing in. The platform serves index.html for any page
// path (services/admin-console/serve), so a deep link opens its page.
import { createBrowserRouter, type RouteObject } from 'react-router';
import { CertificateCheckPage } from '../contexts/training/certificate-check.page';
import { RequesterPage } from '../contexts/help-desk/requester.page';
import { PAGES } from './pages';
import { ROUTES } from './paths';
import { ChangePasswordRoute, Crash, GuardedPage, Home, NotFound, Shell } from './shell';

export const CONSOLE_ROUTES: RouteObject[] = [
  // Public pages: anyone may open them, signed in or not.
  { path: ROUTES.verify.path, element: <CertificateCheckPage />, errorElement: <Crash /> },
  {
    path: ROUTES.verifyCertificate.path,
    element: <CertificateCheckPage />,
    errorElement: <Crash />,
  },
  { path: ROUTES.requester.path, element: <RequesterPage />, errorElement: <Crash /> },
  {
    element: <Shell />,
    errorElement: <Crash />,
    children: [
      { index: true, element: <Home /> },
      { path: ROUTES.changePassword.path, element: <ChangePasswordRoute /> },
      ...PAGES.map((page) => ({
        path: ROUTES[page.route].path,
        element: <GuardedPage page={page} />,
      })),
      { path: '*', element: <NotFound /> },
    ],
  },
];

export function createConsoleRouter() {
  return createBrowserRouter(CONSOLE_ROUTES);
}
