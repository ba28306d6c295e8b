import { ServiceMetrics } from './service-metrics';

describe('ServiceMetrics', () => {
  it('reports at each scrape whether this instance leads each context', async () => {
    const metrics = new ServiceMetrics({ defaultMetrics: false });
    let leading = false;
    metrics.addLeadershipSource({ context: 'help-desk', leader: () => leading });
    metrics.addLeadershipSource({ context: 'reporting', leader: () => true });
    expect(await metrics.registry.metrics()).toContain('sfp_context_leader{context="help-desk"} 0');
    leading = true;
    const text = await metrics.registry.metrics();
    expect(text).toContain('sfp_context_leader{context="help-desk"} 1');
    expect(text).toContain('sfp_context_leader{context="reporting"} 1');
  });
});
