import { Inject, Injectable } from '@nestjs/common';
import type { InterventionTool } from '@sfp/contracts';
import type { EventStore } from '@sfp/event-sourcing';
import { EVENT_STORE } from '@sfp/service-kit';
import { interventionToolStreamId } from '../../quality-monitoring.context';
import {
  InterventionToolNoted,
  type InterventionToolNotedData,
} from '../domain/intervention-tool.events';

const PAGE = 1000;

/**
 * The intervention tools noted from the other contexts' events, each as last
 * noted: read from the store's log up to its head at each call (only what is
 * new since the last call), so a suggestion computed after a tool was noted
 * sees it.
 */
@Injectable()
export class InterventionTools {
  private readonly tools = new Map<string, InterventionTool>();
  private position = 0;
  private reading: Promise<void> | undefined;

  constructor(@Inject(EVENT_STORE) private readonly events: EventStore) {}

  /** Every tool known, active or not. */
  async known(): Promise<InterventionTool[]> {
    await this.catchUp();
    return [...this.tools.values()];
  }

  /** One tool, as last noted (its own stream: always current). */
  async tool(toolRef: string): Promise<InterventionTool | undefined> {
    const recorded = await this.events.readStream(interventionToolStreamId(toolRef));
    return (recorded.at(-1)?.data as InterventionToolNotedData | undefined)?.tool;
  }

  private catchUp(): Promise<void> {
    // One read at a time; callers during it wait for it.
    this.reading ??= this.read().finally(() => (this.reading = undefined));
    return this.reading;
  }

  private async read(): Promise<void> {
    for (;;) {
      const page = await this.events.readAll({ afterPosition: this.position, limit: PAGE });
      for (const event of page) {
        if (event.type === InterventionToolNoted.type) {
          const { tool } = event.data as InterventionToolNotedData;
          this.tools.set(tool.toolRef, tool);
        }
        this.position = event.position;
      }
      if (page.length < PAGE) return;
    }
  }
}
