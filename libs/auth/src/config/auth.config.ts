import { isIP } from 'node:net';
import { Type } from 'class-transformer';
import {
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateBy,
  ValidateIf,
} from 'class-validator';
import { passwordProblem } from '../identity/password-hash';
import type { AuthSettings } from '../service/auth-settings';
import type { OidcSettings } from '../tokens/oidc-verifier';

/**
 * An optional whole-number setting (environment text turned into a number)
 * from `min` to `max`: the decorators IsOptional, Type(Number), IsInt, Min and
 * Max, applied bottom-up as when stacked above the property in that order.
 */
function IntegerSetting(min: number, max: number): PropertyDecorator {
  const decorators = [Max(max), Min(min), IsInt(), Type(() => Number), IsOptional()];
  return (target, property) => {
    for (const decorate of decorators) decorate(target, property as string);
  };
}

/** The user name of the administrator the first start creates (see ensureFirstAdministrator). */
export const FIRST_ADMINISTRATOR_USERNAME = 'admin';

/** What the password policy of every account asks (passwordProblem), in words. */
export const PASSWORD_POLICY_RULE =
  'a password of 12 to 200 characters, at least 5 of them different, that does not contain the user name';

/**
 * Why the password policy refuses `password` as the first administrator's
 * (the same rule as for every account: passwordProblem), or undefined.
 */
export function adminPasswordProblem(password: string): string | undefined {
  const problem = passwordProblem(password, FIRST_ADMINISTRATOR_USERNAME);
  if (!problem) return undefined;
  return `the password policy refuses it (it ${problem}${problem.includes('user name') ? ` "${FIRST_ADMINISTRATOR_USERNAME}"` : ''}); expected ${PASSWORD_POLICY_RULE} "${FIRST_ADMINISTRATOR_USERNAME}"`;
}

/** The first administrator's password must pass the password policy (checked at start, never echoed). */
function PassesAdminPasswordPolicy(): PropertyDecorator {
  return ValidateBy({
    name: 'passesAdminPasswordPolicy',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && !adminPasswordProblem(value),
      defaultMessage: (args) =>
        typeof args?.value === 'string'
          ? (adminPasswordProblem(args.value) ?? '')
          : `must be text; expected ${PASSWORD_POLICY_RULE} "${FIRST_ADMINISTRATOR_USERNAME}"`,
    },
  });
}

/**
 * Authentication settings from the environment (every HTTP host reads the same
 * ones). Embedded mode makes its own token secret; distributed mode needs
 * SFP_AUTH_TOKEN_SECRET, the same in every service.
 */
export class AuthConfig {
  /** Signs access tokens (HS256); at least 32 characters. */
  @IsOptional()
  @MinLength(32, { message: 'must be at least 32 characters, the same value in every service' })
  SFP_AUTH_TOKEN_SECRET?: string;

  /**
   * The first administrator's password on first start (else a one-time
   * password is printed); empty = unset. Checked at start against the
   * password policy of every account, for the user name `admin`.
   */
  @ValidateIf(
    (config: AuthConfig) =>
      config.SFP_ADMIN_PASSWORD !== undefined && config.SFP_ADMIN_PASSWORD !== '',
  )
  @PassesAdminPasswordPolicy()
  SFP_ADMIN_PASSWORD?: string;

  @IntegerSetting(1, 1440)
  SFP_ACCESS_TOKEN_MINUTES = 15;

  @IntegerSetting(1, 365)
  SFP_REFRESH_TOKEN_DAYS = 14;

  /** Failed sign-ins of one user name from one address before each further one makes the next wait. */
  @IntegerSetting(1, 100)
  SFP_SIGN_IN_FREE_FAILURES = 5;

  /** The longest wait of the sign-in back-off. */
  @IntegerSetting(1, 1440)
  SFP_SIGN_IN_MAX_BACKOFF_MINUTES = 15;

  /** How long a failed sign-in counts. */
  @IntegerSetting(1, 720)
  SFP_SIGN_IN_FAILURE_WINDOW_HOURS = 12;

  /** Sign-in attempts per client address per minute, per process (floods: 429). */
  @IntegerSetting(1, 10_000)
  SFP_SIGN_INS_PER_MINUTE = 10;

  /** Calls per API key per minute, per process. */
  @IntegerSetting(1, 1_000_000)
  SFP_API_KEY_CALLS_PER_MINUTE = 1200;

  /**
   * The reverse proxies in front of the service, whose X-Forwarded-For is
   * believed (Express `trust proxy`): comma-separated IP addresses, CIDR
   * subnets, or `loopback`, `linklocal`, `uniquelocal`. Default none: the
   * client address is the connection's, so behind a proxy every caller would
   * share the proxy's address.
   */
  @IsOptional()
  @Matches(
    /^\s*(loopback|linklocal|uniquelocal|[0-9A-Fa-f:.]+(\/\d{1,3})?)(\s*,\s*(loopback|linklocal|uniquelocal|[0-9A-Fa-f:.]+(\/\d{1,3})?))*\s*$/,
    {
      message:
        'must be a comma-separated list of IP addresses, CIDR subnets, loopback, linklocal or uniquelocal',
    },
  )
  SFP_TRUSTED_PROXIES?: string;

  /** Trust this OpenID Connect issuer's tokens too (e.g. https://login.example.org/realms/ilo). */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true }, { message: 'must be the issuer URL' })
  SFP_OIDC_ISSUER?: string;

  /** The audience the issuer's tokens must name; required with SFP_OIDC_ISSUER. */
  @ValidateIf((config: AuthConfig) => config.SFP_OIDC_ISSUER !== undefined)
  @IsString({ message: 'is required with SFP_OIDC_ISSUER' })
  @MinLength(1)
  SFP_OIDC_AUDIENCE?: string;

  /** Default: from the issuer's discovery document. */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true })
  SFP_OIDC_JWKS_URI?: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9_.:/-]{1,100}$/)
  SFP_OIDC_ROLES_CLAIM = 'roles';

  @IsOptional()
  @Matches(/^[A-Za-z0-9_.:/-]{1,100}$/)
  SFP_OIDC_DEPARTMENT_CLAIM = 'department';

  /** Comma-separated origins allowed by CORS (default none: the console is same-origin). */
  @IsOptional()
  @Matches(/^\s*https?:\/\/[^\s,]+(\s*,\s*https?:\/\/[^\s,]+)*\s*$/, {
    message: 'must be a comma-separated list of http(s) origins',
  })
  SFP_CORS_ORIGINS?: string;
}

export function authSettingsOf(config: AuthConfig): AuthSettings {
  return {
    accessTokenSeconds: config.SFP_ACCESS_TOKEN_MINUTES * 60,
    refreshTokenDays: config.SFP_REFRESH_TOKEN_DAYS,
    signInFreeFailures: config.SFP_SIGN_IN_FREE_FAILURES,
    signInMaxBackOffSeconds: config.SFP_SIGN_IN_MAX_BACKOFF_MINUTES * 60,
    signInFailureWindowSeconds: config.SFP_SIGN_IN_FAILURE_WINDOW_HOURS * 3600,
    signInsPerMinute: config.SFP_SIGN_INS_PER_MINUTE,
    apiKeyCallsPerMinute: config.SFP_API_KEY_CALLS_PER_MINUTE,
    maxApiKeyDays: 730,
    sessionRevocationPullSeconds: 10,
  };
}

export function oidcSettingsOf(config: AuthConfig): OidcSettings | undefined {
  if (!config.SFP_OIDC_ISSUER || !config.SFP_OIDC_AUDIENCE) return undefined;
  return {
    issuer: config.SFP_OIDC_ISSUER,
    audience: config.SFP_OIDC_AUDIENCE,
    ...(config.SFP_OIDC_JWKS_URI ? { jwksUri: config.SFP_OIDC_JWKS_URI } : {}),
    rolesClaim: config.SFP_OIDC_ROLES_CLAIM,
    departmentClaim: config.SFP_OIDC_DEPARTMENT_CLAIM,
  };
}

export function corsOriginsOf(config: AuthConfig): string[] {
  return (config.SFP_CORS_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
}

/**
 * SFP_TRUSTED_PROXIES as Express's `trust proxy` list (empty: trust none).
 * Throws on an entry that is not an address, a subnet or a named range.
 */
export function trustedProxiesOf(config: AuthConfig): string[] {
  const entries = (config.SFP_TRUSTED_PROXIES ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [address, bits, ...more] = entry.split('/');
    const family = isIP(address ?? '');
    const named = ['loopback', 'linklocal', 'uniquelocal'].includes(entry);
    const prefixOk =
      bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
    if (!named && (family === 0 || !prefixOk || more.length)) {
      throw new Error(
        `SFP_TRUSTED_PROXIES: "${entry}" is not an IP address, a CIDR subnet, loopback, linklocal or uniquelocal`,
      );
    }
  }
  return entries;
}
