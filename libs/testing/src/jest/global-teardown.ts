/** Stops the containers the global setup started, if it started any. */
export default async function globalTeardown(): Promise<void> {
  await globalThis.__SFP_INFRASTRUCTURE__?.stop();
  globalThis.__SFP_INFRASTRUCTURE__ = undefined;
}
