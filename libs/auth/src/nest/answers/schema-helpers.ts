// The identity routes' answers use the platform's shared schema blocks.
export { IsoDateTime, StringEnum, type MutuallyAssignable } from '../../openapi/answer-schemas';
