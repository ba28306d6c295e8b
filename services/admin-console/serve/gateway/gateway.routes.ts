/**
 * Where the console gateway sends each API path in distributed mode: a
 * context's own routes (`/api/<context>/…`) to that context's service, the
 * routes every service serves (`/api/auth`, `/api/health`, `/api/metrics`,
 * `/api/dead-letters`, `/api/docs`, …) to one of them, and nothing else
 * (the console's files are served by the gateway itself).
 */
export interface GatewayService {
  /** The context, as in `/api/<context>` and the service folder's name. */
  context: string;
  /** The variable holding its base URL, e.g. `HELP_DESK_URL`. */
  variable: string;
  /** Its port when nothing else is said (the services' own defaults). */
  defaultPort: number;
}

/** The contexts' services, with their default ports (docs/operations.md#settings: PORT). */
export const GATEWAY_SERVICES: readonly GatewayService[] = [
  { context: 'help-desk', variable: 'HELP_DESK_URL', defaultPort: 3001 },
  { context: 'reporting', variable: 'REPORTING_URL', defaultPort: 3002 },
  { context: 'knowledge-base', variable: 'KNOWLEDGE_BASE_URL', defaultPort: 3003 },
  { context: 'training', variable: 'TRAINING_URL', defaultPort: 3004 },
  { context: 'innovation-research', variable: 'INNOVATION_RESEARCH_URL', defaultPort: 3005 },
  { context: 'quality-monitoring', variable: 'QUALITY_MONITORING_URL', defaultPort: 3006 },
];

export interface GatewayRoutes {
  /** Base URL of each context's service, by context. */
  contexts: Readonly<Record<string, URL>>;
  /** The service answering the shared routes (auth, health, metrics, dead letters, docs). */
  shared: URL;
}

/** The service that answers `pathname`, or undefined when it is not an API path. */
export function upstreamFor(pathname: string, routes: GatewayRoutes): URL | undefined {
  if (pathname !== '/api' && !pathname.startsWith('/api/')) return undefined;
  const first = pathname.split('/')[2] ?? '';
  return Object.hasOwn(routes.contexts, first) ? routes.contexts[first] : routes.shared;
}
