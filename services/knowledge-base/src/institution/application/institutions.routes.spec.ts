import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { INSTITUTION_STATUS_CHANGE_ACTIONS } from '@sfp/contracts';
import { InstitutionsController } from './institutions.http.controller';

/** The contracts name each status change's endpoint (POST /institutions/{id}/{action}); the console posts there. */
describe('institution status change routes', () => {
  const prototype = InstitutionsController.prototype as unknown as Record<string, unknown>;
  const posted = Object.getOwnPropertyNames(prototype)
    .map((name) => prototype[name])
    .filter(
      (handler): handler is object =>
        typeof handler === 'function' &&
        Reflect.getMetadata(METHOD_METADATA, handler) === RequestMethod.POST,
    )
    .map((handler) => Reflect.getMetadata(PATH_METADATA, handler) as string);

  it.each(Object.entries(INSTITUTION_STATUS_CHANGE_ACTIONS))(
    '%s is POST :id/%s',
    (_command, action) => {
      expect(posted).toContain(`:id/${action}`);
    },
  );
});
