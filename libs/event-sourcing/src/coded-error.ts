/**
 * An error of the platform's libraries: a stable `code` that HTTP layers map to
 * a status and clients read, and its class's name as its `name`.
 */
export abstract class CodedError extends Error {
  constructor(
    readonly code: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}
