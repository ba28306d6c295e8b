import { RouterProvider } from 'react-router/dom';
import { CapabilitiesProvider } from './api/capabilities';
import { createConsoleRouter } from './routing/router';
import { AuthProvider } from './session';

const router = createConsoleRouter();

export function App() {
  return (
    <CapabilitiesProvider>
      <AuthProvider>
        <RouterProvider router={router} />
      </AuthProvider>
    </CapabilitiesProvider>
  );
}
