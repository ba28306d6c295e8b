import { BadRequestException, ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { fieldErrorsOf, summariseFieldErrors } from '@sfp/messaging';
import type { ErrorBody } from './problem';

/**
 * The one validation pipe of every service: DTOs are whitelisted (an unknown
 * property is an error, so `$where` and friends never get through), values
 * are transformed to their declared types, and a failure is a 400 with one
 * short message per field ("expected a number, got a string"), its dotted
 * path and, for the body, its JSON pointer.
 */
export class PlatformValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      transform: true,
      // The value is kept for the message's "got a string"; it is never echoed.
      validationError: { target: false, value: true },
      exceptionFactory: (errors) => {
        const fieldErrors = fieldErrorsOf(errors);
        const body: ErrorBody = {
          statusCode: 400,
          code: 'VALIDATION_FAILED',
          message: `The request is invalid: ${summariseFieldErrors(fieldErrors)}`,
          fieldErrors,
        };
        return new BadRequestException(body);
      },
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      // A query or path parameter is named by `field`; a pointer is for the body only.
      if (metadata.type !== 'body' && error instanceof BadRequestException) {
        const body = error.getResponse() as ErrorBody;
        body.fieldErrors?.forEach((f) => delete f.pointer);
      }
      throw error;
    }
  }
}

export function createValidationPipe(): ValidationPipe {
  return new PlatformValidationPipe();
}
