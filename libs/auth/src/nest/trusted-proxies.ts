import type { INestApplication } from '@nestjs/common';
import { trustedProxiesOf, type AuthConfig } from '../config/auth.config';

/**
 * Believes X-Forwarded-For from the reverse proxies named in
 * SFP_TRUSTED_PROXIES (Express `trust proxy`), so `request.ip` — the address
 * sign-in back-off and rate limits are kept by — is the client's, not the
 * proxy's. Without the setting nothing is trusted. Call it on an Express app,
 * before it listens.
 */
export function applyTrustedProxies(app: INestApplication, config: AuthConfig): void {
  const proxies = trustedProxiesOf(config);
  if (proxies.length === 0) return;
  const express = app.getHttpAdapter().getInstance() as {
    set(setting: string, value: unknown): unknown;
  };
  express.set('trust proxy', proxies);
}
