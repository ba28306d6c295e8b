import type { ReportingPlugin } from './reporting-plugin';
import type { ReportingView } from './reporting-view';

/** The plugins of a reporting runtime, checked once: one plugin per context, view and projection names unique. */
export class ReportingRegistry {
  private readonly viewsByName = new Map<string, ReportingView>();

  constructor(readonly plugins: readonly ReportingPlugin[]) {
    const contexts = new Set<string>();
    const projections = new Set<string>();
    const functions = new Set<string>();
    for (const plugin of plugins) {
      if (contexts.has(plugin.context))
        throw new Error(`Two reporting plugins read ${plugin.context}`);
      contexts.add(plugin.context);
      for (const view of plugin.views) {
        if (this.viewsByName.has(view.name))
          throw new Error(`Two reporting views are named ${view.name}`);
        if (projections.has(view.projection.name))
          throw new Error(`Two reporting views use projection ${view.projection.name}`);
        if (view.context !== plugin.context)
          throw new Error(
            `View ${view.name} reads ${view.context}, not its plugin's ${plugin.context}`,
          );
        projections.add(view.projection.name);
        this.viewsByName.set(view.name, view as ReportingView);
      }
      for (const section of plugin.sections) {
        if (functions.has(section.function))
          throw new Error(`Two plugins report the function ${section.function}`);
        functions.add(section.function);
      }
    }
  }

  get contexts(): string[] {
    return this.plugins.map((p) => p.context);
  }

  get views(): ReportingView[] {
    return [...this.viewsByName.values()];
  }

  view(name: string): ReportingView | undefined {
    return this.viewsByName.get(name);
  }

  plugin(context: string): ReportingPlugin | undefined {
    return this.plugins.find((p) => p.context === context);
  }
}
