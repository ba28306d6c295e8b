import { defineProjection } from '@sfp/projections';
import type { InstitutionEvent } from '../domain/institution.events';

export const PROGRAMME_MEMBERS_PROJECTION = 'kb-programme-members';

/** One institution in one programme. */
export interface ProgrammeMember {
  programme: string;
  institutionId: string;
  linkedAt: string;
}

export const memberId = (programme: string, institutionId: string) =>
  `${programme}|${institutionId}`;

export const programmeMembersProjection = defineProjection<ProgrammeMember>({
  name: PROGRAMME_MEMBERS_PROJECTION,
  version: 1,
  fields: { programme: 'string', institutionId: 'string' },
  handlers: {
    'knowledge-base.InstitutionRegistered': async (recorded, view) => {
      const event = { type: recorded.type, data: recorded.data } as InstitutionEvent;
      if (event.type !== 'knowledge-base.InstitutionRegistered') return;
      for (const programme of event.data.programmes) {
        await view.upsert(memberId(programme, event.data.institutionId), {
          programme,
          institutionId: event.data.institutionId,
          linkedAt: event.data.registeredAt,
        });
      }
    },
    'knowledge-base.InstitutionLinkedToProgramme': async (recorded, view) => {
      const event = { type: recorded.type, data: recorded.data } as InstitutionEvent;
      if (event.type !== 'knowledge-base.InstitutionLinkedToProgramme') return;
      await view.upsert(memberId(event.data.programme, event.data.institutionId), {
        programme: event.data.programme,
        institutionId: event.data.institutionId,
        linkedAt: event.data.at,
      });
    },
  },
});
