import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { REQUEST_COMMAND_ACTIONS } from '@sfp/contracts';
import { SERVICE_REQUEST_COMMAND_CONTROLLERS } from '../../help-desk.service';

/** The contracts name each command's endpoint (POST /service-requests/{id}/{action}); the console posts there. */
describe('service request command routes', () => {
  const posted = SERVICE_REQUEST_COMMAND_CONTROLLERS.flatMap((controller) => {
    const prototype = controller.prototype as unknown as Record<string, unknown>;
    return Object.getOwnPropertyNames(prototype).map((name) => prototype[name]);
  })
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
