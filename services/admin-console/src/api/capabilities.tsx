import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';

/**
 * Which API paths this platform has, read from its OpenAPI document
 * (/api/docs-json, public): contexts arrive one by one, and the console shows
 * the pages of those that are mounted.
 */
const CapabilitiesContext = createContext<Set<string> | null>(null);

export function CapabilitiesProvider({ children }: { children: ReactNode }) {
  const [paths, setPaths] = useState<Set<string> | null>(null);
  useEffect(() => {
    fetch('/api/docs-json')
      .then((response) =>
        response.ok
          ? (response.json() as Promise<{ paths?: Record<string, unknown> }>)
          : { paths: {} },
      )
      .then((doc) => setPaths(new Set(Object.keys(doc.paths ?? {}))))
      .catch(() => setPaths(new Set()));
  }, []);
  return <CapabilitiesContext.Provider value={paths}>{children}</CapabilitiesContext.Provider>;
}

/** Undefined while the document loads; then whether the platform serves that path (as written in OpenAPI, e.g. /api/x/{id}). */
export function useHasPath(): (path: string) => boolean | undefined {
  const paths = useContext(CapabilitiesContext);
  return (path) => (paths ? paths.has(path) : undefined);
}

/** The contexts whose projections can be operated: /api/<context>/projections. */
export function useProjectionContexts(): string[] | undefined {
  const paths = useContext(CapabilitiesContext);
  if (!paths) return undefined;
  return [...paths]
    .map((path) => /^\/api\/([a-z-]+)\/projections$/.exec(path)?.[1])
    .filter((context): context is string => context !== undefined)
    .sort();
}
