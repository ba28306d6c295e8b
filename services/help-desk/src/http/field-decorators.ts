import { ApiProperty } from '@nestjs/swagger';
import { stacked } from '@sfp/service-kit/body-fields';
import { ArrayMaxSize, ArrayUnique, IsIn } from 'class-validator';

/**
 * The help desk's own fields of a request body; the common ones (Text, OneOf,
 * OptionalOneOf, OptionalText, Email, stacked) come from
 * `@sfp/service-kit/body-fields`.
 */

/**
 * A list of `values`, none repeated, possibly empty: unlike the service kit's
 * DistinctOf (one or more), a request may name no theme.
 */
export function DistinctOf(values: readonly string[]): PropertyDecorator {
  return stacked(
    ApiProperty({ enum: values, isArray: true }),
    IsIn(values, { each: true }),
    ArrayUnique(),
    ArrayMaxSize(values.length),
  );
}
