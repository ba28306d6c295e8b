import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import request from 'supertest';
import { consoleStatic } from './console-static';

describe('consoleStatic', () => {
  let root: string;
  let dist: string;
  let app: express.Express;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'console-static-'));
    dist = join(root, 'dist');
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
    writeFileSync(join(dist, 'robots.txt'), 'User-agent: *');
    writeFileSync(join(root, 'secret.json'), '{"secret":true}');
    app = express();
    app.use(consoleStatic(dist));
    app.use((_req, res) => res.status(404).json({ code: 'NOT_FOUND' }));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('serves index.html at / and for any page path asking for HTML, never cached, with its CSP', async () => {
    for (const path of ['/', '/help-desk/requests/123', '/operations/users?user=x']) {
      const response = await request(app).get(path).set('accept', 'text/html');
      expect(response.status).toBe(200);
      expect(response.text).toContain('<div id="root">');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    }
  });

  it('caches hashed assets for a year and answers 304 to a matching ETag', async () => {
    const first = await request(app).get('/assets/index-abc123.js');
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(first.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const again = await request(app)
      .get('/assets/index-abc123.js')
      .set('if-none-match', first.headers['etag']!);
    expect(again.status).toBe(304);
    const other = await request(app).get('/robots.txt');
    expect(other.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
  });

  it('leaves the API, other methods, missing assets and non-HTML requests to the next handler', async () => {
    expect((await request(app).get('/api/help-desk/queue').set('accept', 'text/html')).status).toBe(
      404,
    );
    expect((await request(app).get('/api').set('accept', 'text/html')).status).toBe(404);
    expect((await request(app).post('/help-desk/queue').set('accept', 'text/html')).status).toBe(
      404,
    );
    expect((await request(app).get('/assets/index-old.js')).status).toBe(404);
    expect(
      (await request(app).get('/help-desk/queue').set('accept', 'application/json')).status,
    ).toBe(404);
  });

  it('never serves a file outside the dist folder', async () => {
    for (const path of [
      '/../secret.json',
      '/%2e%2e/secret.json',
      '/assets/..%2f..%2fsecret.json',
      '/%00index.html',
    ]) {
      const response = await request(app).get(path);
      expect(response.text).not.toContain('secret');
    }
  });

  it('says how to build the console when it has not been built', async () => {
    const empty = express();
    empty.use(consoleStatic(join(root, 'no-dist')));
    const response = await request(empty).get('/').set('accept', 'text/html');
    expect(response.status).toBe(503);
    expect(response.text).toContain('npm run build:console');
  });

  it('answers HEAD like GET, without a body', async () => {
    const response = await request(app).head('/assets/index-abc123.js');
    expect(response.status).toBe(200);
    expect(response.headers['content-length']).toBe(String('console.log(1)'.length));
  });
});
