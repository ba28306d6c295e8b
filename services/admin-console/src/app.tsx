import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router/dom';
import { createQueryClient } from './api/query';
import { createConsoleRouter } from './routing/router';
import { AuthProvider } from './session';

const queryClient = createQueryClient();
const router = createConsoleRouter();

/** The console: its data cache, the signed-in user, and the pages. */
export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <AuthProvider>
        <RouterProvider router={router} />
      </AuthProvider>
    </QueryClientProvider>
  );
}
