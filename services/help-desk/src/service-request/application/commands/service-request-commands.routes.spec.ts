import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { REQUEST_COMMAND_ACTIONS } from '@sfp/contracts';
import { ServiceRequestCommandsController } from './service-request-commands.http.controller';

/** The contracts name each command's endpoint (POST /service-requests/{id}/{action}); the console posts there. */
describe('service request command routes', () => {
  const prototype = ServiceRequestCommandsController.prototype as unknown as Record<
    string,
    unknown
  >;
  const posted = Object.getOwnPropertyNames(prototype)
    .map((name) => prototype[name])
    .filter(
      (handler): handler is object =>
        typeof handler === 'function' &&
        Reflect.getMetadata(METHOD_METADATA, handler) === RequestMethod.POST,
    )
    .map((handler) => Reflect.getMetadata(PATH_METADATA, handler) as string);

  it.each(Object.entries(REQUEST_COMMAND_ACTIONS))('%s is POST :id/%s', (_command, action) => {
    expect(posted).toContain(`:id/${action}`);
  });
});
