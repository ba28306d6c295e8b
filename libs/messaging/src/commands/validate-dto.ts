import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DEFAULT_MAX_JSON_DEPTH, jsonShapeProblem } from '../validation/json-shape';
import { fieldErrorsOf, type FieldError } from '../validation/field-errors';

/**
 * Validates a plain payload against a class-validator DTO exactly as the HTTP
 * layer does (nesting depth and reserved names checked first, whitelist, unknown properties
 * refused), returning the DTO instance or the field errors, one short message
 * per field, with nested paths like `requester.email`.
 */
export async function validateDto<T extends object>(
  dtoClass: new () => T,
  payload: unknown,
  maxDepth = DEFAULT_MAX_JSON_DEPTH,
): Promise<{ value: T } | { errors: FieldError[] }> {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    return { errors: [{ field: '(body)', pointer: '', messages: ['must be a JSON object'] }] };
  }
  const shape = jsonShapeProblem(payload, maxDepth);
  if (shape) {
    const [field, pointer] =
      shape.code === 'RESERVED_PROPERTY_NAME' ? [shape.field, shape.pointer] : ['(body)', ''];
    return { errors: [{ field, pointer, messages: [shape.message] }] };
  }
  const instance = plainToInstance(dtoClass, payload);
  const errors = await validate(instance, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: true },
  });
  if (errors.length) return { errors: fieldErrorsOf(errors) };
  return { value: instance };
}
