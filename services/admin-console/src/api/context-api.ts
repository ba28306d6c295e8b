// The scaffolding every context's API module starts from: where its HTTP API
// is (/api/<context>), the key its queries share (a command invalidates them
// all), and the query a list adds to wait for this tab's last write to the
// context (read your own writes).
import { lastWritePosition } from './client';

/** How many rows a page of a list asks for. */
export const PAGE_SIZE = 25;

export interface ContextApi<N extends string> {
  /** The context's HTTP API, e.g. '/api/help-desk'. */
  base: string;
  /** The key every query of the context is under. */
  key: readonly [N];
  /** Lists wait until they include this tab's last write (read your own writes). */
  since: () => { minPosition: number | undefined };
}

export function contextApi<const N extends string>(context: N): ContextApi<N> {
  return {
    base: `/api/${context}`,
    key: [context] as const,
    since: () => ({ minPosition: lastWritePosition(context) }),
  };
}
