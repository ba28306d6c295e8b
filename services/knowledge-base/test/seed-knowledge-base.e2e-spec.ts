import { httpClient } from '@sfp/testing';
import { seedKnowledgeBase } from '../src/demo/seed-knowledge-base';
import {
  startEmbeddedKnowledgeBase,
  type EmbeddedKnowledgeBase,
} from './support/embedded-knowledge-base';

type Json = Record<string, any>;

/** The demo data goes in through the public API and brings the views to life. */
describe('seedKnowledgeBase (e2e, embedded)', () => {
  let kb: EmbeddedKnowledgeBase;

  beforeAll(async () => {
    kb = await startEmbeddedKnowledgeBase();
  });
  afterAll(async () => kb?.close());

  it('registers institutions across the regions with several years of reports; benchmarks and outreach are alive', async () => {
    const lines: string[] = [];
    const result = await seedKnowledgeBase({
      baseUrl: kb.url.replace(/\/api\/knowledge-base$/, ''),
      seed: 7,
      headers: { 'x-test-principal': 'person:seed-admin:administrator' },
      log: (line) => lines.push(line),
      institutions: 10,
    });
    expect(result.institutions).toBe(10);
    expect(result.reports).toBeGreaterThanOrEqual(30);
    expect(lines.at(-1)).toBe(`knowledge base: 10 institutions, ${result.reports} reports`);

    const analyst = httpClient(kb.url, { 'x-test-principal': 'person:analyst-1:analyst' });
    const head = await kb.events.headPosition();
    const list = await analyst.get<Json>(`/performance-reports?limit=1000&minPosition=${head}`);
    expect(list.body['items']).toHaveLength(result.reports);
    const regions = new Set(list.body['items'].map((r: Json) => r.region));
    expect(regions.size).toBe(5);
    // The seeded figures respect the identities and the GNI table covers every country: depth is computable everywhere.
    expect(list.body['items'].filter((r: Json) => r.ratios.depth.value === null)).toEqual([]);

    const outreach = await analyst.get<Json>('/outreach?year=2025');
    expect(outreach.body['items'].map((r: Json) => r.region).sort()).toEqual([
      'africa',
      'americas',
      'arab-states',
      'asia-pacific',
      'europe-central-asia',
    ]);
    const targets = await analyst.get<Json>(`/targets?limit=1000&minPosition=${head}`);
    expect(
      targets.body['items'].filter((t: Json) => t.status !== 'no-data').length,
    ).toBeGreaterThan(5);
    const search = await analyst.get<Json>('/search?q=child%20labour');
    expect(search.body['items'][0].title).toBe('Group microcredit and child labour in rural Ghana');
  });
});
