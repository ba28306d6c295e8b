// Kept for the programme's specs until they import it from @sfp/testing.
export { expectConforms, schemaErrors } from '@sfp/testing';
