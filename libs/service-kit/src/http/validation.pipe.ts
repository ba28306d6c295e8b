import { BadRequestException, ValidationPipe } from '@nestjs/common';
import type { ErrorBody } from './problem';
import { flattenValidationErrors } from './validation-errors';

/**
 * The one validation pipe of every service: DTOs are whitelisted (an unknown
 * property is an error, so `$where` and friends never get through), values
 * are transformed to their declared types, and a failure is a 400 with a
 * message per field.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fieldErrors = flattenValidationErrors(errors);
      const body: ErrorBody = {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: `The request is invalid: ${fieldErrors.map((f) => `${f.field} ${f.messages[0] ?? 'is invalid'}`).join('; ')}`,
        fieldErrors,
      };
      return new BadRequestException(body);
    },
  });
}
