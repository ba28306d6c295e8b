import { uuidFrom } from '../../../application/command-runner';
import { streamIds } from '../../../knowledge-base.context';
import type { CommandMessage } from '../../../messaging/message-dispatch';
import { RegisterInstitutionDto } from '../institution.request.dto';
import { RegisterInstitutionCommand } from './register-institution.command';
import { registrationOf } from './register-institution.mapping';

/** `RegisterInstitution` on sfp.knowledge-base.commands: the HTTP body; the id derives from the sender and the message id. */
export const registerInstitutionMessage: CommandMessage<RegisterInstitutionDto> = {
  type: 'RegisterInstitution',
  dto: RegisterInstitutionDto,
  command: (dto, message) => {
    const institutionId = uuidFrom(`register:${message.actor.id}:${message.messageId}`);
    const registration = registrationOf(institutionId, dto);
    return {
      streamId: streamIds.institution(institutionId),
      command: (context) => new RegisterInstitutionCommand(registration, context),
    };
  },
};
