// The console's one way to the platform's HTTP API (same origin, under /api).
// Tokens live in sessionStorage (this tab only, gone when it closes) and in
// memory; an access token about to expire, or refused with 401, is refreshed
// once (single flight: a refresh token is single use, and replaying one closes
// every session of the user).

/**
 * One refused field of a problem document: its dotted path (`requester.email`,
 * `entries.0.country`), the same place as a JSON pointer, and the messages.
 * (The platform's own type is @sfp/messaging's FieldError, a Node library the
 * console may not import; @sfp/contracts does not carry it yet.)
 */
export interface FieldError {
  field: string;
  /** JSON pointer into the body, for body fields. */
  pointer?: string;
  messages: string[];
}

/**
 * The platform's error answer, an RFC 9457 problem document
 * (libs/service-kit/src/http/problem.ts): the RFC's members and the platform's
 * extensions `code`, `correlationId`, `fieldErrors` and `details`. Mirrored
 * here: it is not in @sfp/contracts.
 */
export interface ProblemDocument {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  code?: string;
  correlationId?: string;
  fieldErrors?: FieldError[];
  details?: Record<string, unknown>;
}

/** Where a form finds the API's messages for one of its fields. */
export interface FieldMessageSource {
  messagesFor(field: string): string[];
}

/** A problem document answered by the API (or a failure to reach it, status 0), as an Error. */
export class ApiError extends Error implements FieldMessageSource {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fieldErrors: FieldError[] = [],
    /** The problem document's `details` (e.g. an import's errors by row), when it has some. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The messages for one field (`requester.email`), or none. */
  messagesFor(field: string): string[] {
    return this.fieldErrors.filter((e) => e.field === field).flatMap((e) => e.messages);
  }
}

/** The If-Match version was not the record's any more: someone changed it meanwhile (409). */
export function isStaleVersion(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'WRONG_EXPECTED_VERSION';
}

export interface Session {
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds when the access token expires. */
  expiresAt: number;
}

export interface TokenResponse {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  passwordChangeRequired: boolean;
  principal: { kind: string; id: string; name: string; roles: string[] };
}

const STORAGE_KEY = 'sfp-console-session';
const WRITES_KEY = 'sfp-console-writes';
let session: Session | null = readStoredSession();
let refreshing: Promise<boolean> | null = null;
const sessionListeners = new Set<() => void>();

function readStoredSession(): Session | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<Session>;
    return typeof parsed.accessToken === 'string' &&
      typeof parsed.refreshToken === 'string' &&
      typeof parsed.expiresAt === 'number'
      ? (parsed as Session)
      : null;
  } catch {
    return null;
  }
}

export function currentSession(): Session | null {
  return session;
}

export function onSessionChange(listener: () => void): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

export function setSession(
  tokens: Pick<TokenResponse, 'accessToken' | 'refreshToken' | 'expiresIn'> | null,
): void {
  session = tokens
    ? {
        accessToken: tokens.accessToken,
        refreshToken: tokens.refreshToken,
        expiresAt: Date.now() + tokens.expiresIn * 1000,
      }
    : null;
  if (session) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  else {
    sessionStorage.removeItem(STORAGE_KEY);
    sessionStorage.removeItem(WRITES_KEY);
  }
  for (const listener of sessionListeners) listener();
}

async function refresh(): Promise<boolean> {
  const current = session;
  if (!current) return false;
  refreshing ??= (async () => {
    try {
      const response = await fetch('/api/auth/refresh', {
        method: 'POST',
        cache: 'no-store',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ refreshToken: current.refreshToken }),
      });
      if (!response.ok) {
        setSession(null);
        return false;
      }
      setSession((await response.json()) as TokenResponse);
      return true;
    } catch {
      return false;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  /** The version the caller last saw: sent as If-Match, so a stale edit answers 409. */
  ifMatch?: number;
  /** Send no credentials (sign-in). */
  anonymous?: boolean;
  accept?: string;
  /** A body sent as it is (a string or a file) in this type, e.g. 'application/xml'; JSON otherwise. */
  contentType?: string;
}

export interface ApiResponse<T> {
  status: number;
  body: T;
  headers: Headers;
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: options.accept ?? 'application/json' };
  const raw =
    typeof options.body === 'string' || options.body instanceof Blob
      ? options.contentType
      : undefined;
  if (options.body !== undefined) headers['content-type'] = raw ?? 'application/json';
  if (options.ifMatch !== undefined) headers['if-match'] = `"${options.ifMatch}"`;
  if (!options.anonymous && session) headers.authorization = `Bearer ${session.accessToken}`;
  return fetch(path, {
    method: options.method ?? 'GET',
    headers,
    // Never from (or into) the browser's HTTP cache: answers hold personal data,
    // and a request's ETag (its version) does not change when that data is erased.
    cache: 'no-store',
    body:
      options.body === undefined
        ? undefined
        : raw !== undefined
          ? (options.body as string | Blob)
          : JSON.stringify(options.body),
  });
}

/** A 401 about the token (not a wrong password typed into a form): worth one refresh. */
async function credentialsRefused(response: Response, options: RequestOptions): Promise<boolean> {
  if (response.status !== 401 || options.anonymous || !session) return false;
  const code = await response
    .clone()
    .json()
    .then((body: { code?: string }) => body.code)
    .catch(() => undefined);
  return code !== 'INVALID_CREDENTIALS';
}

async function errorOf(response: Response): Promise<ApiError> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as ProblemDocument;
    return new ApiError(
      response.status,
      body.code ?? `HTTP_${response.status}`,
      body.detail ?? body.title ?? response.statusText,
      body.fieldErrors ?? [],
      body.details,
    );
  } catch {
    return new ApiError(
      response.status,
      `HTTP_${response.status}`,
      text.trim() || response.statusText || 'The server did not answer',
    );
  }
}

/** Calls `/api/...`; answers the body (JSON, or text for other types) or throws an ApiError. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  if (!options.anonymous && session && session.expiresAt - Date.now() < 30_000) await refresh();
  let response: Response;
  try {
    response = await send(path, options);
    if ((await credentialsRefused(response, options)) && (await refresh()))
      response = await send(path, options);
  } catch (error) {
    throw new ApiError(
      0,
      'NETWORK',
      `The platform could not be reached (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  if (!response.ok) {
    const error = await errorOf(response);
    // Credentials refused even after a refresh: the session is over (disabled, revoked, expired).
    if (response.status === 401 && !options.anonymous && error.code !== 'INVALID_CREDENTIALS')
      setSession(null);
    throw error;
  }
  const type = response.headers.get('content-type') ?? '';
  const body: unknown =
    response.status === 204
      ? undefined
      : type.includes('json')
        ? await response.json()
        : await response.text();
  if (options.method && options.method !== 'GET') noteWrite(path, body);
  return { status: response.status, body: body as T, headers: response.headers };
}

// Read your own writes: a command answers the position of its last event; the
// lists of that context are asked to wait (minPosition) until they include it.
// Kept per tab in sessionStorage, so a reload or a typed link still sees them.

function readWrites(): Record<string, number> {
  try {
    return JSON.parse(sessionStorage.getItem(WRITES_KEY) ?? '{}') as Record<string, number>;
  } catch {
    return {};
  }
}

function noteWrite(path: string, body: unknown): void {
  const context = /^\/api\/([a-z-]+)\//.exec(path)?.[1];
  const position = (body as { position?: unknown } | undefined)?.position;
  if (!context || typeof position !== 'number') return;
  const writes = readWrites();
  writes[context] = Math.max(position, writes[context] ?? 0);
  sessionStorage.setItem(WRITES_KEY, JSON.stringify(writes));
}

/** The position of this tab's last write to a context (for `minPosition`), if any. */
export function lastWritePosition(context: string): number | undefined {
  return readWrites()[context];
}

export const get = async <T>(path: string) => (await api<T>(path)).body;
export const post = async <T>(path: string, body?: unknown, ifMatch?: number) =>
  (
    await api<T>(path, {
      method: 'POST',
      body: body ?? {},
      ...(ifMatch !== undefined ? { ifMatch } : {}),
    })
  ).body;
export const patch = async <T>(path: string, body: unknown) =>
  (await api<T>(path, { method: 'PATCH', body })).body;

/** A text answer (CSV, HTML) of a GET, or of a POST with a body. */
export const fetchText = async (path: string, accept: string, body?: unknown) =>
  (
    await api<string>(path, {
      accept,
      ...(body === undefined ? {} : { method: 'POST' as const, body }),
    })
  ).body;

/** A query string from the set values only. */
export function queryString(
  params: Record<string, string | number | boolean | undefined | null>,
): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return error instanceof Error ? error.message : String(error);
}
