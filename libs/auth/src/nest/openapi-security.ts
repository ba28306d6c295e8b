import type { OpenAPIObject } from '@nestjs/swagger';
import { grants, PERMISSIONS, ROLES, type Permission, type Role } from '../access/roles';
import type { RouteAccess } from './route-access';

// The OpenAPI types @nestjs/swagger uses, from its one exported document type (never import from dist).
type Components = NonNullable<OpenAPIObject['components']>;
type SecuritySchemeObject = Extract<
  NonNullable<Components['securitySchemes']>[string],
  { type: string }
>;
type SchemaObject = Extract<
  NonNullable<Components['schemas']>[string],
  { type?: unknown; properties?: unknown }
>;
type OperationObject = NonNullable<OpenAPIObject['paths'][string]['get']>;
type ResponseObject = Extract<OperationObject['responses'][string], { description: string }>;

/** The names of the security schemes in `components.securitySchemes`. */
export const BEARER_SCHEME = 'bearer';
export const API_KEY_SCHEME = 'apiKey';
/** The error body of 401 and 403 (RFC 9457), in `components.schemas` unless already there. */
export const PROBLEM_SCHEMA = 'Problem';

export const OPENAPI_SECURITY_SCHEMES: Record<string, SecuritySchemeObject> = {
  [BEARER_SCHEME]: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description:
      "A person's access token: `Authorization: Bearer <accessToken>` from `POST /api/auth/sign-in` (or a token of the trusted OpenID Connect issuer).",
  },
  [API_KEY_SCHEME]: {
    type: 'apiKey',
    in: 'header',
    name: 'X-API-Key',
    description:
      "An integration client's API key `sfpk_<id>_<secret>` (a department's system). `Authorization: ApiKey sfpk_<id>_<secret>` is accepted as well.",
  },
};

const PROBLEM: SchemaObject = {
  type: 'object',
  description:
    'A problem document (RFC 9457): the body of every error answer, as `application/problem+json`.',
  properties: {
    type: {
      type: 'string',
      description: '`urn:sfp:problem:<code in kebab case>`, one per code (docs/operations.md)',
    },
    title: { type: 'string', description: 'The same for every occurrence of the type' },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    detail: {
      type: 'string',
      description: 'What went wrong this time, in words a person can act on',
    },
    instance: { type: 'string', description: 'The request path that failed' },
    code: {
      type: 'string',
      description:
        'The platform error code, e.g. VALIDATION_FAILED, AUTHENTICATION_REQUIRED, FORBIDDEN',
    },
    correlationId: { type: 'string', description: 'Quote it when you report the error' },
    fieldErrors: {
      type: 'array',
      description: 'One entry per refused field',
      items: {
        type: 'object',
        properties: {
          field: { type: 'string', description: 'Dotted path, e.g. `requester.email`' },
          pointer: {
            type: 'string',
            description: 'JSON pointer into the body, e.g. `/requester/email`',
          },
          messages: { type: 'array', items: { type: 'string' } },
        },
        required: ['field', 'messages'],
      },
    },
    details: {
      type: 'object',
      description: 'Extra facts for the client, e.g. the current version on a conflict',
      additionalProperties: true,
    },
  },
  required: ['type', 'title', 'status', 'detail', 'code'],
};

const ROLE_LABELS: Record<Role, string> = {
  administrator: 'administrator',
  operator: 'operator',
  analyst: 'analyst',
  integration: 'integration client of its own department',
  importer: 'importer of past facts',
};

/** The roles that hold a permission, from the role → permission table the guard uses. */
export function rolesHolding(permission: Permission): Role[] {
  return ROLES.filter((role) => grants([role], permission));
}

/** The OpenAPI form of a Nest path: `:id` → `{id}`, `*path` → `{path}`, optional groups unwrapped, a global prefix in front. */
export function openApiPath(nestPath: string, globalPrefix = ''): string {
  const joined = `/${[globalPrefix, nestPath].filter(Boolean).join('/')}`.replace(/\/+/g, '/');
  const path = joined
    .replace(/[{}]/g, '')
    .replace(/:([A-Za-z0-9_]+)(\([^)]*\))?\??/g, '{$1}')
    .replace(/\*([A-Za-z0-9_]+)/g, '{$1}');
  return path.length > 1 ? path.replace(/\/$/, '') : path;
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
type HttpMethod = (typeof HTTP_METHODS)[number];

export interface RouteSecurityDrift {
  /** Routes of the application with no operation in the document (`GET /api/x`). */
  routesWithoutOperation: string[];
  /** Operations of the document with no route of the application. */
  operationsWithoutRoute: string[];
}

export class RouteSecurityDriftError extends Error {
  constructor(readonly drift: RouteSecurityDrift) {
    super(
      'The OpenAPI document and the routes disagree: ' +
        [
          drift.routesWithoutOperation.length
            ? `routes without an operation: ${drift.routesWithoutOperation.join(', ')}`
            : '',
          drift.operationsWithoutRoute.length
            ? `operations without a route: ${drift.operationsWithoutRoute.join(', ')}`
            : '',
        ]
          .filter(Boolean)
          .join('; '),
    );
    this.name = 'RouteSecurityDriftError';
  }
}

export interface RouteSecurityOptions {
  /** The application's global prefix (`app.setGlobalPrefix`), when it has one: `listRouteAccess` does not include it. */
  globalPrefix?: string;
  /** Called with the routes and operations that match nothing; without it, a mismatch throws `RouteSecurityDriftError`. */
  onDrift?: (drift: RouteSecurityDrift) => void;
}

/** What the document says about one route's access: the same decision the guard takes. */
export interface OperationSecurity {
  security: Array<Record<string, string[]>>;
  permissions: string[];
  public: boolean;
  /** A line of the operation's description. */
  line: string;
}

export function operationSecurityOf(access: string | undefined): OperationSecurity {
  if (access === 'public')
    return {
      security: [],
      permissions: [],
      public: true,
      line: 'Public: answers without credentials.',
    };
  const both: Array<Record<string, string[]>> = [{ [BEARER_SCHEME]: [] }, { [API_KEY_SCHEME]: [] }];
  if (access === 'authenticated') {
    return {
      security: both,
      permissions: [],
      public: false,
      line: "Requires an authenticated caller, any role (a person's bearer token or an integration client's API key); no permission.",
    };
  }
  if (access !== undefined && (PERMISSIONS as readonly string[]).includes(access)) {
    const permission = access as Permission;
    const roles = rolesHolding(permission);
    return {
      security: roles.includes('integration') ? both : [{ [BEARER_SCHEME]: [] }],
      permissions: [permission],
      public: false,
      line: `Requires permission \`${permission}\` (${roles.map((role) => ROLE_LABELS[role]).join(', ')}).`,
    };
  }
  // Declares nothing (or an unknown permission): the guard authenticates, then refuses everyone.
  return {
    security: both,
    permissions: [],
    public: false,
    line: `Refused to everyone: the route declares ${access === undefined ? 'no permission' : `the unknown permission \`${access}\``} (default deny).`,
  };
}

const PROBLEM_CONTENT: ResponseObject['content'] = {
  'application/problem+json': { schema: { $ref: `#/components/schemas/${PROBLEM_SCHEMA}` } },
};

/** Declares a 401 or 403 answer; one the controller already declares keeps its description, with ours after it. */
function declareResponse(
  operation: OperationObject,
  status: '401' | '403',
  description: string,
): void {
  const existing = operation.responses[status];
  if (!existing) {
    operation.responses[status] = { description, content: PROBLEM_CONTENT };
    return;
  }
  if ('$ref' in existing) return;
  // A copy: a controller-wide @ApiForbiddenResponse is one object shared by all its operations.
  operation.responses[status] = {
    ...existing,
    description: existing.description.includes(description)
      ? existing.description
      : `${existing.description.replace(/\.?\s*$/, '')}. ${description}`.replace(/^\. /, ''),
    content: existing.content ?? PROBLEM_CONTENT,
  };
}

/**
 * Writes into an OpenAPI document what the guard enforces, from the same
 * decorator metadata (`listRouteAccess(app)`): the security schemes (bearer
 * JWT for people, `X-API-Key` for integration clients), and on each operation
 * its `security` (`[]` on public routes), `x-permissions`, `x-public` (and
 * `x-default-deny` on a route that declares nothing), a line of its
 * description naming the permission and the roles holding it, and its 401 and
 * 403 answers. A route with no operation, or an operation with no route,
 * throws `RouteSecurityDriftError` (or goes to `onDrift`). Mutates and
 * returns the document; applying it twice changes nothing more.
 */
export function applyRouteSecurity(
  document: OpenAPIObject,
  routes: readonly RouteAccess[],
  options: RouteSecurityOptions = {},
): OpenAPIObject {
  document.components ??= {};
  document.components.securitySchemes = {
    ...document.components.securitySchemes,
    ...OPENAPI_SECURITY_SCHEMES,
  };
  document.components.schemas ??= {};
  document.components.schemas[PROBLEM_SCHEMA] ??= PROBLEM;

  const drift: RouteSecurityDrift = { routesWithoutOperation: [], operationsWithoutRoute: [] };
  const matched = new Set<OperationObject>();
  for (const route of routes) {
    const path = openApiPath(route.path, options.globalPrefix);
    const methods: HttpMethod[] =
      route.method === 'ALL' ? [...HTTP_METHODS] : [route.method.toLowerCase() as HttpMethod];
    const operations = methods
      .map((method) => document.paths[path]?.[method] as OperationObject | undefined)
      .filter((operation): operation is OperationObject => operation !== undefined);
    if (!operations.length) {
      drift.routesWithoutOperation.push(`${route.method} ${path}`);
      continue;
    }
    const declared = operationSecurityOf(route.access);
    for (const operation of operations) {
      matched.add(operation);
      operation.security = declared.security;
      const extensions = operation as OperationObject & Record<`x-${string}`, unknown>;
      extensions['x-permissions'] = declared.permissions;
      extensions['x-public'] = declared.public;
      if (route.access === undefined) extensions['x-default-deny'] = true;
      if (!operation.description?.split('\n').includes(declared.line)) {
        operation.description = operation.description
          ? `${operation.description}\n\n${declared.line}`
          : declared.line;
      }
      if (declared.public) continue;
      operation.responses ??= {};
      declareResponse(
        operation,
        '401',
        'Not authenticated: no, expired, tampered or revoked credentials (AUTHENTICATION_REQUIRED, TOKEN_REJECTED …); the answer carries `WWW-Authenticate: Bearer`.',
      );
      declareResponse(
        operation,
        '403',
        declared.permissions.length
          ? `Forbidden: the caller's roles do not give \`${declared.permissions.join('`, `')}\` (FORBIDDEN), or a one-time password must be changed first (PASSWORD_CHANGE_REQUIRED).`
          : route.access === 'authenticated'
            ? 'Forbidden: a one-time password must be changed first (PASSWORD_CHANGE_REQUIRED).'
            : 'Forbidden: the route declares no permission, so it is refused to everyone (FORBIDDEN).',
      );
    }
  }
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method] as OperationObject | undefined;
      if (operation && !matched.has(operation))
        drift.operationsWithoutRoute.push(`${method.toUpperCase()} ${path}`);
    }
  }
  if (drift.routesWithoutOperation.length || drift.operationsWithoutRoute.length) {
    if (options.onDrift) options.onDrift(drift);
    else throw new RouteSecurityDriftError(drift);
  }
  return document;
}
