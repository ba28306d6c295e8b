import { DistinctOf, OneOf, OptionalOneOf, OptionalText } from '../../../http/field-decorators';
import {
  GLOBAL_INITIATIVES,
  PRIORITIES,
  REQUEST_KINDS,
  THEMES,
  type GlobalInitiative,
  type Priority,
  type RequestKind,
  type Theme,
} from '../../domain/service-request.reference-data';

export class TriageRequestDto {
  @OneOf(REQUEST_KINDS)
  kind!: RequestKind;

  @OptionalOneOf(GLOBAL_INITIATIVES)
  globalInitiative?: GlobalInitiative;

  @DistinctOf(THEMES)
  themes!: Theme[];

  @OneOf(PRIORITIES)
  priority!: Priority;

  @OptionalText(1, 2_000, { maxLength: 2_000 })
  note?: string;
}
