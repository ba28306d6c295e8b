import { PayloadReader, type SourceEvent } from './source-event';

/** The knowledge base's institution events, with the status each leaves the institution in. */
export const INSTITUTION_STATUS_AFTER: Readonly<Record<string, string>> = {
  'knowledge-base.InstitutionRegistered': 'registered',
  'knowledge-base.InstitutionActivated': 'active',
  'knowledge-base.InstitutionSuspended': 'suspended',
  'knowledge-base.InstitutionReinstated': 'active',
  'knowledge-base.InstitutionClosed': 'closed',
};

/** A partner institution as quality monitoring knows it. */
export interface PartnerInstitution {
  institutionId: string;
  name: string;
  country: string;
  status: string;
}

/**
 * An institution as an institution event leaves it: registered with its
 * name and country; a later change of status keeps those of the institution
 * noted before. Undefined for a change about an institution not noted.
 */
export function partnerInstitutionOf(
  event: SourceEvent,
  previous: PartnerInstitution | undefined,
): PartnerInstitution | undefined {
  const status = INSTITUTION_STATUS_AFTER[event.type];
  const read = new PayloadReader(event);
  const institutionId = read.text('institutionId', 100);
  if (event.type === 'knowledge-base.InstitutionRegistered') {
    const name = read.text('name', 300);
    const country = read.text('country', 2);
    read.done();
    return { institutionId, name, country, status: 'registered' };
  }
  read.done();
  if (!status || !previous) return undefined;
  return { ...previous, status };
}
