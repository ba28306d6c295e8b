import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { REQUEST_COMMAND_ACTIONS, REQUEST_COMMAND_ALLOWED_FROM } from '@sfp/contracts';
import { RequestIdParams } from '../../http/request-id.params';
import { SERVICE_REQUEST_COMMAND_CONTROLLERS } from '../../help-desk.service';
import { CommentDto } from './comment-on-request/comment-on-request.request.dto';
import { TriageRequestDto } from './triage-request/triage-request.request.dto';

/** Where @nestjs/swagger keeps an operation and its responses (not exported from its entry point). */
const DECORATORS = { API_OPERATION: 'swagger/apiOperation', API_RESPONSE: 'swagger/apiResponse' };

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

  const handlerOf = (action: string) => {
    const controller = SERVICE_REQUEST_COMMAND_CONTROLLERS.find(
      (c) =>
        Reflect.getMetadata(PATH_METADATA, (c.prototype as { run?: object }).run ?? {}) ===
        `:id/${action}`,
    );
    return (controller!.prototype as unknown as { run: object }).run;
  };

  it.each(Object.entries(REQUEST_COMMAND_ACTIONS))(
    '%s: its operation is named after it, and its 409 names the statuses it is allowed from',
    (command, action) => {
      const handler = handlerOf(action);
      const operation = Reflect.getMetadata(DECORATORS.API_OPERATION, handler) as {
        operationId: string;
        summary: string;
      };
      expect(operation.operationId).toBe(command.charAt(0).toLowerCase() + command.slice(1));
      expect(operation.summary).toEqual(expect.any(String));
      const responses = Reflect.getMetadata(DECORATORS.API_RESPONSE, handler) as Record<
        string,
        { description: string }
      >;
      const allowed =
        REQUEST_COMMAND_ALLOWED_FROM[command as keyof typeof REQUEST_COMMAND_ALLOWED_FROM];
      expect(responses['409']!.description).toContain(`allowed only when ${allowed.join(', ')}`);
      expect(responses['404']).toBeDefined();
    },
  );

  it('takes the request id as a version 4 UUID, checked by the validation pipe', () => {
    const paramsOf = (id: string) => validateSync(plainToInstance(RequestIdParams, { id }));
    expect(paramsOf('0')).toHaveLength(1);
    expect(paramsOf('00000000-0000-1000-8000-000000000000')).toHaveLength(1);
    expect(paramsOf('6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b')).toEqual([]);
    for (const controller of SERVICE_REQUEST_COMMAND_CONTROLLERS.slice(1)) {
      const types = Reflect.getMetadata(
        'design:paramtypes',
        controller.prototype,
        'run',
      ) as unknown[];
      expect(types[0]).toBe(RequestIdParams);
    }
  });
});
