/**
 * What a service request says, as the help desk records it and its API reads
 * and writes it: who asked, what about, and how it is classified. The help
 * desk's commands, events and views are built from these, so a field is
 * declared once.
 */
import type {
  ConstituentGroup,
  GlobalInitiative,
  Origin,
  Priority,
  RequestKind,
  Theme,
} from './reference-data';
import type { Region } from '../shared/regions';

/** The person who asked. `personId` is pseudonymous; name and e-mail are personal data. */
export interface Requester {
  personId: string;
  name: string;
  email: string;
  origin: Origin;
  /** The unit, department, office or constituent organisation the person speaks for. */
  organisation: string;
  constituentGroup?: ConstituentGroup;
}

/** How a request is classified: given when it is filed, confirmed or changed by triage. */
export interface RequestClassification {
  kind: RequestKind;
  /** Only for a global-initiative-coordination request, and required for it. */
  globalInitiative?: GlobalInitiative;
  themes: Theme[];
  priority: Priority;
}

/** What a request is about and where it comes from, with its classification. */
export interface RequestSubject extends RequestClassification {
  title: string;
  description: string;
  region: Region;
  /** ISO 3166-1 alpha-2. */
  country: string;
}
