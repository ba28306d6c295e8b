import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConsoleGateway } from './console-gateway';
import { GATEWAY_SERVICES, upstreamFor, type GatewayRoutes } from './gateway.routes';
import { loadGatewaySettings } from './gateway.settings';

/** What a service behind the gateway saw of one request. */
interface Seen {
  service: string;
  method: string;
  url: string;
  body: string;
  forwardedFor?: string;
  forwardedHost?: string;
  cookie?: string;
}

/** A real HTTP server standing for one service: answers 201 with what it received. */
function fakeService(name: string): Promise<Server> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const seen: Seen = {
        service: name,
        method: req.method ?? '',
        url: req.url ?? '',
        body: Buffer.concat(chunks).toString('utf8'),
        forwardedFor: req.headers['x-forwarded-for'] as string | undefined,
        forwardedHost: req.headers['x-forwarded-host'] as string | undefined,
        cookie: req.headers.cookie,
      };
      res.writeHead(201, {
        'content-type': 'application/json',
        location: `/api/${name}/things/1`,
        'set-cookie': ['a=1; HttpOnly', 'b=2; HttpOnly'],
      });
      res.end(JSON.stringify(seen));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const urlOf = (server: Server) =>
  new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

describe('the console gateway', () => {
  let root: string;
  let services: Record<string, Server>;
  let shared: Server;
  let gateway: Server;
  let base: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'console-gateway-'));
    const dist = join(root, 'dist');
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(dist, 'assets', 'index-abc.js'), 'console.log(1)');
    services = {};
    for (const { context } of GATEWAY_SERVICES) services[context] = await fakeService(context);
    shared = await fakeService('shared');
    const routes: GatewayRoutes = {
      contexts: Object.fromEntries(
        Object.entries(services).map(([context, server]) => [context, urlOf(server)]),
      ),
      shared: urlOf(shared),
    };
    gateway = await new Promise<Server>((resolve) => {
      const server = createConsoleGateway({ distDir: dist, routes }).listen(0, '127.0.0.1', () =>
        resolve(server),
      );
    });
    base = urlOf(gateway).href.replace(/\/$/, '');
  });

  afterAll(async () => {
    await Promise.all([gateway, shared, ...Object.values(services)].map(close));
    rmSync(root, { recursive: true, force: true });
  });

  it("sends every context's routes to that context's service, path and query unchanged", async () => {
    for (const { context } of GATEWAY_SERVICES) {
      const response = await fetch(`${base}/api/${context}/things?page=2&q=a%20b`);
      expect(response.status).toBe(201);
      const seen = (await response.json()) as Seen;
      expect(seen).toMatchObject({
        service: context,
        method: 'GET',
        url: `/api/${context}/things?page=2&q=a%20b`,
      });
    }
  });

  it('sends the shared routes (auth, health, metrics, dead letters, docs) to the shared service', async () => {
    for (const path of [
      '/api/auth/sign-in',
      '/api/health/ready',
      '/api/metrics',
      '/api/dead-letters',
      '/api/docs-json',
    ]) {
      const seen = (await (await fetch(`${base}${path}`)).json()) as Seen;
      expect(seen.service).toBe('shared');
      expect(seen.url).toBe(path);
    }
  });

  it('streams a request body, keeps the method and cookies, and says who asked (X-Forwarded-*)', async () => {
    const body = JSON.stringify({ subject: 'Løn', text: 'x'.repeat(100_000) });
    const response = await fetch(`${base}/api/help-desk/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: 'sfp_refresh=abc' },
      body,
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBe('/api/help-desk/things/1');
    expect(response.headers.getSetCookie()).toEqual(['a=1; HttpOnly', 'b=2; HttpOnly']);
    const seen = (await response.json()) as Seen;
    expect(seen).toMatchObject({
      service: 'help-desk',
      method: 'POST',
      body,
      cookie: 'sfp_refresh=abc',
    });
    expect(seen.forwardedFor).toBe('127.0.0.1');
    expect(seen.forwardedHost).toBe(new URL(base).host);
  });

  it('serves the console: index.html for pages, the files themselves, never an API path', async () => {
    for (const path of ['/', '/help-desk/requests/123', '/apiary']) {
      const page = await fetch(`${base}${path}`, { headers: { accept: 'text/html' } });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
      expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    }
    const asset = await fetch(`${base}/assets/index-abc.js`);
    expect(await asset.text()).toBe('console.log(1)');
    const missing = await fetch(`${base}/assets/gone.js`);
    expect(missing.status).toBe(404);
  });

  it('answers 502 when the service behind a path does not answer', async () => {
    const down = urlOf(services['training']!);
    await close(services['training']!);
    const response = await fetch(`${base}/api/training/courses`);
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    services['training'] = await new Promise<Server>((resolve) => {
      const server = createServer((_req, res) => res.end('{}'));
      server.listen(Number(down.port), '127.0.0.1', () => resolve(server));
    });
  });
});

describe('upstreamFor', () => {
  const routes: GatewayRoutes = {
    contexts: { 'help-desk': new URL('http://help-desk:3001') },
    shared: new URL('http://shared:3001'),
  };

  it('is undefined for paths outside /api', () => {
    expect(upstreamFor('/', routes)).toBeUndefined();
    expect(upstreamFor('/help-desk/requests', routes)).toBeUndefined();
    expect(upstreamFor('/apiary', routes)).toBeUndefined();
  });

  it('picks the context by the first segment after /api, else the shared service', () => {
    expect(upstreamFor('/api/help-desk', routes)?.host).toBe('help-desk:3001');
    expect(upstreamFor('/api/help-desk/requests/1', routes)?.host).toBe('help-desk:3001');
    expect(upstreamFor('/api/help-desks', routes)?.host).toBe('shared:3001');
    expect(upstreamFor('/api/toString', routes)?.host).toBe('shared:3001');
    expect(upstreamFor('/api', routes)?.host).toBe('shared:3001');
  });
});

describe('loadGatewaySettings', () => {
  it('defaults to port 3000 and each service on this host at its own default port', () => {
    const settings = loadGatewaySettings({}, '/console');
    expect(settings.port).toBe(3000);
    expect(settings.distDir).toBe('/console');
    expect(settings.routes.contexts['reporting']?.href).toBe('http://127.0.0.1:3002/');
    expect(settings.routes.shared.href).toBe('http://127.0.0.1:3001/');
  });

  it('reports every wrong value at once', () => {
    expect(() =>
      loadGatewaySettings(
        { PORT: '70000', TRAINING_URL: 'ftp://x', SFP_SHARED_API_URL: 'http://a/b' },
        '/c',
      ),
    ).toThrow(
      /PORT[\s\S]*TRAINING_URL[\s\S]*SFP_SHARED_API_URL|TRAINING_URL[\s\S]*SFP_SHARED_API_URL[\s\S]*PORT/,
    );
  });
});
