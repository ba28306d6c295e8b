import { personalDataErasureController } from '@sfp/service-kit';

/**
 * Erasure of a participant's personal data on request (crypto-shredding): the
 * person's key is destroyed, so their name and e-mail read "[erased]" in every
 * enrolment, everywhere, while the offerings, results and certificates stay
 * intact (they name the person by pseudonymous id only).
 */
export const { PersonalDataErasureController, ErasureResultSchema } = personalDataErasureController(
  {
    tag: 'training: personal data',
    operationId: 'eraseTrainingPersonalData',
    summary:
      'Erase a participant’s personal data (their name and e-mail read "[erased]" everywhere).',
    resultTitle: 'TrainingErasureResult',
  },
);
