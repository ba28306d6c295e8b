/** A small fetch-based HTTP client for end-to-end tests: status, headers, parsed JSON body and raw text. */
export interface HttpResult<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export function httpClient(
  baseUrl: string,
  defaults: Record<string, string> = {},
  /** A bound on each call (it then rejects with a TimeoutError): none unless given. */
  options: { timeoutMs?: number } = {},
) {
  const call = async <T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<HttpResult<T>> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...defaults,
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      ...(options.timeoutMs ? { signal: AbortSignal.timeout(options.timeoutMs) } : {}),
    });
    const text = await response.text();
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  };
  return {
    get: <T = Record<string, unknown>>(path: string, headers?: Record<string, string>) =>
      call<T>('GET', path, undefined, headers),
    post: <T = Record<string, unknown>>(
      path: string,
      body?: unknown,
      headers?: Record<string, string>,
    ) => call<T>('POST', path, body ?? {}, headers),
    patch: <T = Record<string, unknown>>(
      path: string,
      body?: unknown,
      headers?: Record<string, string>,
    ) => call<T>('PATCH', path, body ?? {}, headers),
    put: <T = Record<string, unknown>>(
      path: string,
      body?: unknown,
      headers?: Record<string, string>,
    ) => call<T>('PUT', path, body ?? {}, headers),
    delete: <T = Record<string, unknown>>(path: string, headers?: Record<string, string>) =>
      call<T>('DELETE', path, undefined, headers),
  };
}

/**
 * Signs in to a platform host (POST /api/auth/sign-in) and returns the
 * Authorization header of the session; fails loudly when sign-in fails.
 */
export async function signIn(
  hostUrl: string,
  username: string,
  password: string,
): Promise<{ authorization: string }> {
  const response = await fetch(`${hostUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const body = (await response.json()) as { accessToken?: string; detail?: string };
  if (response.status !== 200 || !body.accessToken) {
    throw new Error(`Sign-in of ${username} failed: HTTP ${response.status} ${body.detail ?? ''}`);
  }
  return { authorization: `Bearer ${body.accessToken}` };
}
