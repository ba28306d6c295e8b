import type { Locator, Page } from 'playwright-core';

/**
 * Steps the console's browser tests share: an API answer checked for its
 * status, polling for what the projections will show, a locator's text, and
 * signing in on the console's form.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- API answers of any shape
export type Json = Record<string, any>;

/** The answer's body when it came with `status`; otherwise throws with the answer's text. */
export async function ok<T = Json>(
  answer: Promise<{ status: number; body: T; text: string }>,
  status = 200,
): Promise<T> {
  const { status: got, body, text } = await answer;
  if (got !== status) throw new Error(`Expected HTTP ${status}, got ${got}: ${text}`);
  return body;
}

/** Polls until `probe` answers true (the projections and the bus take their time). */
export async function eventually(what: string, probe: () => Promise<boolean>) {
  for (let attempt = 0; attempt < 150; attempt++) {
    if (await probe()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Never: ${what}`);
}

/** A locator's text, its white space collapsed. */
export const textOf = async (locator: Locator) =>
  ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();

/** Opens the console and sends its sign-in form; what the console shows next is the caller's to wait for. */
export async function submitSignIn(page: Page, username: string, password: string) {
  await page.goto('/');
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs in on the form and waits until the console shows who is signed in. */
export async function signInOnForm(page: Page, username: string, password: string) {
  await submitSignIn(page, username, password);
  await page.getByTestId('signed-in-user').waitFor();
}

/** Signed in on the form unless the tab already is (the session stays in the tab). */
export async function ensureSignedIn(page: Page, username: string, password: string) {
  await page.goto('/');
  const signedIn = page.getByTestId('signed-in-user');
  await signedIn.or(page.getByLabel('User name')).first().waitFor();
  if (await signedIn.isVisible()) return;
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await signedIn.waitFor();
}
