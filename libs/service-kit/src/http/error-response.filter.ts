import {
  Catch,
  HttpException,
  HttpStatus,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { isStoreUnavailable } from '@sfp/event-sourcing';
import type { ErrorBody } from './problem';
import { currentCorrelationId } from './request-context';
import { sendProblem } from './send-problem';
import { storageErrorBody } from './storage-errors';

/** How a service's domain errors become HTTP statuses: error `code` → status. */
export type StatusByErrorCode = Record<string, number>;

/** Errors every service shares. */
export const COMMON_ERROR_STATUSES: StatusByErrorCode = {
  WRONG_EXPECTED_VERSION: HttpStatus.CONFLICT,
  DUPLICATE_EVENT: HttpStatus.CONFLICT,
  PROJECTION_TIMEOUT: HttpStatus.SERVICE_UNAVAILABLE,
  POSITION_BEYOND_HEAD: HttpStatus.BAD_REQUEST,
  INVALID_QUERY: HttpStatus.BAD_REQUEST,
  QUERY_TOO_LARGE: HttpStatus.BAD_REQUEST,
  UNKNOWN_PROJECTION: HttpStatus.NOT_FOUND,
  REBUILD_IN_PROGRESS: HttpStatus.CONFLICT,
  DEAD_LETTER_NOT_FOUND: HttpStatus.NOT_FOUND,
  DEAD_LETTER_ALREADY_REDRIVEN: HttpStatus.CONFLICT,
  DEAD_LETTER_TOO_LARGE: HttpStatus.UNPROCESSABLE_ENTITY,
  INVALID_OCCURRED_AT: HttpStatus.BAD_REQUEST,
};

/**
 * The database cannot be reached (MongoDB down, its connection lost): the
 * request failed fast and may be sent again once the server is back.
 */
const STORE_UNAVAILABLE: ErrorBody = {
  statusCode: HttpStatus.SERVICE_UNAVAILABLE,
  code: 'STORE_UNAVAILABLE',
  message:
    'The database cannot be reached right now: send the request again after Retry-After seconds',
  details: { retryAfterSeconds: 5 },
};

/** Answers that say the storage is at fault, not the request: logged with their cause. */
const STORE_REFUSALS = new Set([
  'STORE_UNAVAILABLE',
  'STORAGE_UNAVAILABLE',
  'STORAGE_FULL',
  'STORAGE_READ_ONLY',
]);

export interface ErrorLogger {
  error(object: Record<string, unknown>, message: string): void;
}

/**
 * Turns anything thrown into the platform's problem document: HttpExceptions keep
 * their status; errors with a known `code` get the status the service mapped;
 * Express body errors become 400/413; everything else is a logged 500 that
 * tells nothing internal.
 */
@Catch()
export class ErrorResponseFilter implements ExceptionFilter {
  private readonly statuses: StatusByErrorCode;

  constructor(
    statusByCode: StatusByErrorCode,
    private readonly logger?: ErrorLogger,
  ) {
    this.statuses = { ...COMMON_ERROR_STATUSES, ...statusByCode };
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const body = this.toBody(exception);
    body.correlationId = currentCorrelationId();
    if (body.statusCode >= 500 && body.statusCode !== HttpStatus.SERVICE_UNAVAILABLE) {
      this.logger?.error({ err: exception, correlationId: body.correlationId }, 'Unhandled error');
    } else if (STORE_REFUSALS.has(body.code)) {
      // The answer is clear to the client; the operator needs the cause.
      this.logger?.error(
        { err: exception, correlationId: body.correlationId, code: body.code },
        'The data store refused the request or could not be reached',
      );
    }
    sendProblem(http.getRequest<Request>(), http.getResponse<Response>(), body);
  }

  private toBody(exception: unknown): ErrorBody {
    const bodyError = expressBodyError(exception);
    if (bodyError) return bodyError;
    const storageError = storageErrorBody(exception);
    if (storageError) return storageError;
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      if (typeof response === 'object' && response !== null && 'code' in response) {
        return { ...(response as ErrorBody), statusCode: status };
      }
      const message =
        typeof response === 'string'
          ? response
          : String((response as { message?: unknown }).message ?? exception.message);
      return { statusCode: status, code: codeForStatus(status), message };
    }

    const code = (exception as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && this.statuses[code] !== undefined) {
      const error = exception as Error & Record<string, unknown>;
      const details: Record<string, unknown> = {};
      for (const key of [
        'expectedVersion',
        'actualVersion',
        'streamId',
        'status',
        'deadline',
        'position',
        'appliedPosition',
        'headPosition',
      ]) {
        if (error[key] !== undefined) details[key] = error[key];
      }
      const extra = error['details'] as { retryAfterSeconds?: unknown } | undefined;
      if (typeof extra?.retryAfterSeconds === 'number')
        details['retryAfterSeconds'] = extra.retryAfterSeconds;
      const field = typeof error['field'] === 'string' ? (error['field'] as string) : undefined;
      const problems = Array.isArray(error['problems'])
        ? (error['problems'] as Array<{ field: string; message: string }>).map((p) => ({
            field: p.field,
            messages: [p.message],
          }))
        : undefined;
      return {
        statusCode: this.statuses[code],
        code,
        message: error.message,
        ...(field ? { fieldErrors: [{ field, messages: [error.message] }] } : {}),
        ...(problems ? { fieldErrors: problems } : {}),
        ...(Object.keys(details).length ? { details } : {}),
      };
    }
    if (isStoreUnavailable(exception)) return STORE_UNAVAILABLE;
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      code: 'INTERNAL_ERROR',
      message: 'Something went wrong on our side; quote the correlation id when you report it',
    };
  }
}

/**
 * What the JSON body parser refused, as the client should hear it: too large
 * (413), not JSON (400), an encoding or charset it cannot read (415), a body
 * that does not decode or ended early (400, only when `fromBodyParser`: the
 * error surely came from it). Undefined for anything else.
 */
export function expressBodyError(
  exception: unknown,
  fromBodyParser = false,
): ErrorBody | undefined {
  const error = exception as {
    type?: unknown;
    status?: unknown;
    encoding?: unknown;
    charset?: unknown;
  } | null;
  switch (error?.type) {
    case 'entity.too.large':
      return {
        statusCode: 413,
        code: 'PAYLOAD_TOO_LARGE',
        message: 'The request body is too large',
      };
    case 'entity.parse.failed':
      return {
        statusCode: 400,
        code: 'MALFORMED_JSON',
        message: 'The request body is not valid JSON',
      };
    case 'encoding.unsupported':
      return {
        statusCode: 415,
        code: 'UNSUPPORTED_CONTENT_ENCODING',
        message: `The request body's Content-Encoding ${JSON.stringify(String(error.encoding ?? ''))} is not supported: send it plain, or as gzip, deflate or br`,
      };
    case 'charset.unsupported':
      return {
        statusCode: 415,
        code: 'UNSUPPORTED_CHARSET',
        message: `The request body's charset ${JSON.stringify(String(error.charset ?? ''))} is not supported: send UTF-8`,
      };
  }
  // Anything else the body parser refused with a client status: a body that
  // does not decode (gzip that is not), a length that does not match, an abort.
  const status = typeof error?.status === 'number' ? error.status : undefined;
  if (fromBodyParser && status !== undefined && status >= 400 && status < 500) {
    return {
      statusCode: status,
      code: 'UNREADABLE_BODY',
      message: 'The request body could not be read: check its Content-Encoding and Content-Length',
    };
  }
  return undefined;
}

function codeForStatus(status: number): string {
  switch (status) {
    case 400:
      return 'BAD_REQUEST';
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 409:
      return 'CONFLICT';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 429:
      return 'TOO_MANY_REQUESTS';
    default:
      return status >= 500 ? 'INTERNAL_ERROR' : 'HTTP_ERROR';
  }
}
