import type { IdentityStore } from '../identity/identity-store.port';
import type { AuthenticationService } from '../service/authentication.service';
import type { IdentityAdministration } from '../service/identity-administration.service';

/** DI token of the auth runtime. */
export const AUTH_RUNTIME = Symbol('AUTH_RUNTIME');

export interface AuthRuntime {
  store: IdentityStore;
  authentication: AuthenticationService;
  administration: IdentityAdministration;
}
