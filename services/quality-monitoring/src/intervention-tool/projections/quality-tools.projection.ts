import type { InterventionTool } from '@sfp/contracts';
import { defineProjection, type ReadModelFields } from '@sfp/projections';
import type { InterventionToolNotedData } from '../domain/intervention-tool.events';

export const QUALITY_TOOLS_PROJECTION = 'quality-tools';

/** One tool of another context, as its latest noted event describes it. */
export type ToolDoc = InterventionTool & { sortTitle: string };

const fields: ReadModelFields = {
  kind: 'string',
  context: 'string',
  active: 'boolean',
  sortTitle: 'string',
};

/** The intervention tools quality monitoring knows (id: the toolRef). */
export const qualityToolsProjection = defineProjection<ToolDoc>({
  name: QUALITY_TOOLS_PROJECTION,
  version: 1,
  fields,
  handlers: {
    'quality-monitoring.InterventionToolNoted': async (recorded, view) => {
      const { tool } = recorded.data as InterventionToolNotedData;
      await view.upsert(tool.toolRef, { ...tool, sortTitle: tool.title.toLowerCase() });
    },
  },
});
