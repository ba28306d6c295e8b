export * from './access/roles';
export * from './access/principal';
export * from './nest/access.decorators';
export * from './nest/auth.runtime';
export * from './nest/auth.guard';
export * from './nest/auth.module';
export * from './nest/route-access';
export * from './nest/trusted-proxies';
export * from './nest/openapi-security';
export * from './openapi/operation.decorators';
export * from './openapi/answer-schemas';
export * from './identity/identity-records';
export * from './identity/identity-store.port';
export * from './identity/sqlite/sqlite-identity-store';
export * from './identity/mongodb/mongodb-identity-store';
export {
  hashPassword,
  verifyPassword,
  generatePassword,
  passwordProblem,
} from './identity/password-hash';
export * from './tokens/access-token';
export * from './tokens/oidc-verifier';
export * from './service/auth-errors';
export * from './service/auth-settings';
export * from './service/sign-in-back-off';
export * from './service/session-revocations';
export * from './service/authentication.service';
export * from './service/identity-administration.service';
export * from './service/first-administrator';
export * from './service/auth-runtime.factory';
export * from './service/open-auth-runtime';
export * from './service/stored-secret';
export * from './commands/signed-command';
export * from './config/auth.config';
