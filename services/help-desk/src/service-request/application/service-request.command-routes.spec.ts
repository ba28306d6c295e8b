import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { REQUEST_COMMAND_ACTIONS } from '@sfp/contracts';
import { SERVICE_REQUEST_COMMAND_CONTROLLERS } from '../../help-desk.service';
import { CommentDto } from './comment-on-request/comment-on-request.request.dto';
import { TriageRequestDto } from './triage-request/triage-request.request.dto';

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

  it("validates each body as its use case's DTO, and names each controller after its action", () => {
    const bodyOf = (controller: (typeof SERVICE_REQUEST_COMMAND_CONTROLLERS)[number]) =>
      (
        Reflect.getMetadata('design:paramtypes', controller.prototype, 'run') as
          | unknown[]
          | undefined
      )?.[2];
    const byName = new Map(SERVICE_REQUEST_COMMAND_CONTROLLERS.map((c) => [c.name, c]));
    expect(bodyOf(byName.get('TriageRequestController')!)).toBe(TriageRequestDto);
    expect(bodyOf(byName.get('CommentsRequestController')!)).toBe(CommentDto);
    expect(byName.size).toBe(SERVICE_REQUEST_COMMAND_CONTROLLERS.length);
  });
});
