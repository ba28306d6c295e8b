import { OneOf, OptionalOneOf, OptionalText } from '@sfp/service-kit/body-fields';
import { DistinctOf } from '../../../http/field-decorators';
import { SchemaRules } from '@sfp/auth';
import { GLOBAL_INITIATIVE_RULE } from '../classification.schema-rules';
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

/** A global-initiative-coordination request names its initiative; no other kind names one. */
@SchemaRules(GLOBAL_INITIATIVE_RULE)
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
