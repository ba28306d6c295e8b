import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import type { FieldError } from '../dead-letters/dead-letter.errors';

/**
 * Validates a plain payload against a class-validator DTO exactly as the HTTP
 * layer does (whitelist, unknown properties refused), returning the DTO
 * instance or the field errors, with nested paths like `requester.email`.
 */
export async function validateDto<T extends object>(
  dtoClass: new () => T,
  payload: unknown,
): Promise<{ value: T } | { errors: FieldError[] }> {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    return { errors: [{ field: '(body)', messages: ['must be a JSON object'] }] };
  }
  const instance = plainToInstance(dtoClass, payload);
  const errors = await validate(instance, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
  });
  if (errors.length) return { errors: flatten(errors) };
  return { value: instance };
}

export function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  const result: FieldError[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    if (error.constraints) result.push({ field, messages: Object.values(error.constraints) });
    if (error.children?.length) result.push(...flatten(error.children, field));
  }
  return result;
}
