import { personalDataErasureController } from '@sfp/service-kit';

/**
 * Erasure of a requester's personal data on request (crypto-shredding): the
 * person's key is destroyed, so their name and e-mail read "[erased]" in every
 * request, everywhere, while the requests and their history stay intact.
 */
export const { PersonalDataErasureController, ErasureResultSchema } = personalDataErasureController(
  {
    tag: 'help-desk: personal data',
    operationId: 'eraseHelpDeskPersonalData',
    summary:
      'Erase a requester’s personal data (their name and e-mail read "[erased]" everywhere).',
    resultTitle: 'HelpDeskErasureResult',
  },
);
