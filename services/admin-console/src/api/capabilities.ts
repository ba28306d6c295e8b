// Which API paths this platform has, read from its OpenAPI document
// (/api/docs-json, public): contexts arrive one by one, and the console shows
// the pages of those that are mounted.
import { useQuery } from '@tanstack/react-query';

async function servedPaths(): Promise<Set<string>> {
  try {
    const response = await fetch('/api/docs-json');
    if (!response.ok) return new Set();
    const doc = (await response.json()) as { paths?: Record<string, unknown> };
    return new Set(Object.keys(doc.paths ?? {}));
  } catch {
    return new Set();
  }
}

function useServedPaths(): Set<string> | undefined {
  return useQuery({ queryKey: ['capabilities'], queryFn: servedPaths, staleTime: Infinity }).data;
}

/** Undefined while the document loads; then whether the platform serves that path (as written in OpenAPI, e.g. /api/x/{id}). */
export function useHasPath(): (path: string) => boolean | undefined {
  const paths = useServedPaths();
  return (path) => (paths ? paths.has(path) : undefined);
}

/** Whether the OpenAPI document has been read (until then, no page can be ruled out). */
export function useCapabilitiesKnown(): boolean {
  return useServedPaths() !== undefined;
}

/** The contexts whose projections can be operated: /api/<context>/projections. */
export function useProjectionContexts(): string[] | undefined {
  const paths = useServedPaths();
  if (!paths) return undefined;
  return [...paths]
    .map((path) => /^\/api\/([a-z-]+)\/projections$/.exec(path)?.[1])
    .filter((context): context is string => context !== undefined)
    .sort();
}
