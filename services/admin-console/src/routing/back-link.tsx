import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** The way back to where a page was reached from: "← Request queue". */
export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <p>
      <Link to={to}>← {children}</Link>
    </p>
  );
}
