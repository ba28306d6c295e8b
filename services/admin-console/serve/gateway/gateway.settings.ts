import { GATEWAY_SERVICES, type GatewayRoutes } from './gateway.routes';

export interface GatewaySettings {
  port: number;
  host: string;
  /** The built console (index.html and assets/). */
  distDir: string;
  routes: GatewayRoutes;
}

/** The variables the gateway reads, for the docs and the compose check. */
export const GATEWAY_VARIABLES = [
  'PORT',
  'HOST',
  'SFP_CONSOLE_DIST',
  'SFP_SHARED_API_URL',
  ...GATEWAY_SERVICES.map((service) => service.variable),
] as const;

/**
 * The gateway's settings from the environment: PORT (3000, the port `npm start`
 * uses), HOST (127.0.0.1), SFP_CONSOLE_DIST (the built console), each context's
 * base URL (default http://127.0.0.1:<its default port>) and SFP_SHARED_API_URL
 * (default the help desk's). Every problem is reported at once.
 */
export function loadGatewaySettings(
  env: Record<string, string | undefined>,
  defaultDistDir: string,
): GatewaySettings {
  const problems: string[] = [];
  const url = (name: string, fallback: string): URL => {
    const value = env[name] || fallback;
    try {
      const parsed = new URL(value);
      if (parsed.protocol === 'http:' && parsed.pathname === '/' && !parsed.search) return parsed;
    } catch {
      // reported below
    }
    problems.push(`${name} must be an http:// base URL without a path, e.g. http://help-desk:3001`);
    return new URL(fallback);
  };
  const contexts = Object.fromEntries(
    GATEWAY_SERVICES.map((service) => [
      service.context,
      url(service.variable, `http://127.0.0.1:${service.defaultPort}`),
    ]),
  );
  const shared = url('SFP_SHARED_API_URL', (contexts['help-desk'] as URL).href);
  const portText = env['PORT'] || '3000';
  const port = Number(portText);
  if (!/^\d{1,5}$/.test(portText) || port > 65535)
    problems.push('PORT must be a whole number 0–65535');
  if (problems.length)
    throw new Error(`The console gateway's settings:\n  ${problems.join('\n  ')}`);
  return {
    port,
    host: env['HOST'] || '127.0.0.1',
    distDir: env['SFP_CONSOLE_DIST'] || defaultDistDir,
    routes: { contexts, shared },
  };
}
