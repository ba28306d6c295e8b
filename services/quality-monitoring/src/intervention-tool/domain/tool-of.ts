import { TOOL_CONTEXT, type InterventionTool, type Theme, type ToolKind } from '@sfp/contracts';
import { countryCodes, instrumentsOf } from './tool-vocabulary';

/** `<kind>:<id>`, the tool's reference across contexts. */
export const toolRefOf = (kind: ToolKind, toolId: string): string => `${kind}:${toolId}`;

/** What a source event says of a tool it describes in full. */
export interface ToolDescription {
  kind: ToolKind;
  toolId: string;
  title: string;
  /** The texts instruments are read from (title, summary, question…). */
  texts: string[];
  themes: Theme[];
  countries: string[];
  regions: string[];
  partnerInstitutionIds: string[];
  active: boolean;
}

/** A tool as quality monitoring notes it, from its description at `at`. */
export function toolOf(description: ToolDescription, at: string): InterventionTool {
  return {
    toolRef: toolRefOf(description.kind, description.toolId),
    kind: description.kind,
    toolId: description.toolId,
    context: TOOL_CONTEXT[description.kind],
    title: description.title,
    themes: description.themes,
    countries: countryCodes(description.countries),
    regions: [...new Set(description.regions)],
    partnerInstitutionIds: [...new Set(description.partnerInstitutionIds)],
    instruments: instrumentsOf([description.title, ...description.texts], description.themes),
    active: description.active,
    updatedAt: at,
  };
}

/**
 * A status event (published, retired, closed, …) applied to the tool noted
 * before; undefined when none was (the tool's description comes first on its
 * owner's topic, so this happens only for a tool created before the owner
 * published such events), or when the status is the same.
 */
export function withStatus(
  previous: InterventionTool | undefined,
  active: boolean,
  at: string,
): InterventionTool | undefined {
  if (!previous) return undefined;
  return { ...previous, active, updatedAt: at };
}
