import { randomUUID } from 'node:crypto';
import {
  ConflictException,
  GoneException,
  Inject,
  Injectable,
  InternalServerErrorException,
  NotFoundException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import type { CommandContext, EventStore } from '@sfp/event-sourcing';
import {
  CLOCK,
  COMMANDS,
  EVENT_STORE,
  LOGGER,
  type Clock,
  type ContextCommands,
  type Logger,
} from '@sfp/service-kit';
import { serviceRequestStreamId } from '../../help-desk.context';
import { buildRequestDetail } from '../../service-request/projections/request-detail/request-detail.view';
import { attachmentsDecider } from '../domain/attachment.decider';
import type { AttachmentEvent } from '../domain/attachment.events';
import { checkAttachmentType } from '../domain/attachment-type';
import {
  ATTACHMENT_STORAGE,
  sha256Of,
  type AttachmentStorage,
} from '../storage/attachment-storage.port';
import { attachmentsOf, type AttachmentView } from './attachment.view';

const ATTACHMENTS_STREAM_PREFIX = 'request-attachments-';

/** The stream of a request's files (beside its own stream, so the request's history keeps its shape). */
export function attachmentsStreamId(requestId: string): string {
  return `${ATTACHMENTS_STREAM_PREFIX}${requestId}`;
}

/** A request's status in which files can no longer be added. */
const FINISHED = ['closed', 'cancelled'];

/** Who removes the files of an erased person's requests. */
const ERASURE_ACTOR = { kind: 'system' as const, id: 'help-desk.personal-data-erasure' };

/**
 * The files of help-desk requests: checked (type by content and name), their
 * bytes kept in the attachment storage by SHA-256, an `AttachmentAdded` event
 * with the hash on the request's attachments stream; read back verified
 * against that hash; removed with the requester's personal data.
 */
@Injectable()
export class RequestAttachments {
  constructor(
    @Inject(COMMANDS) private readonly commands: ContextCommands,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ATTACHMENT_STORAGE) private readonly storage: AttachmentStorage,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Adds a file to a request (its size was checked as the body was read). */
  async add(
    requestId: string,
    filename: string,
    content: Buffer,
    context: CommandContext,
    department: string | undefined,
  ): Promise<AttachmentView> {
    const request = await this.requestOf(requestId, department);
    if (FINISHED.includes(request.status)) {
      throw new ConflictException({
        statusCode: 409,
        code: 'ILLEGAL_TRANSITION',
        message: `Files cannot be added while the request is ${request.status}`,
      });
    }
    const verdict = checkAttachmentType(filename, content);
    if (!verdict.accepted) {
      throw new UnsupportedMediaTypeException({
        statusCode: 415,
        code: 'ATTACHMENT_TYPE_NOT_ALLOWED',
        message: verdict.reason,
        fieldErrors: [{ field: 'filename', messages: [verdict.reason] }],
      });
    }
    const { sha256, size } = await this.storage.put(content);
    const attachmentId = randomUUID();
    const at = this.clock().toISOString();
    await this.commands.run({
      streamId: attachmentsStreamId(requestId),
      decider: attachmentsDecider,
      command: () => ({
        type: 'AddAttachment' as const,
        requestId,
        attachmentId,
        requesterId: request.requester.personId,
        filename,
        contentType: verdict.type.contentType,
        size,
        sha256,
        by: context.actor.id,
        at,
      }),
      context,
      occurredAt: at,
    });
    return {
      attachmentId,
      requestId,
      filename,
      contentType: verdict.type.contentType,
      size,
      sha256,
      addedBy: context.actor.id,
      addedAt: at,
      erased: false,
    };
  }

  /** The files of a request, oldest first. */
  async list(requestId: string, department: string | undefined): Promise<AttachmentView[]> {
    await this.requestOf(requestId, department);
    return attachmentsOf(await this.events.readStream(attachmentsStreamId(requestId)));
  }

  /** A file and its bytes, checked against the hash its event recorded. */
  async open(
    requestId: string,
    attachmentId: string,
    department: string | undefined,
  ): Promise<{ attachment: AttachmentView; content: Buffer }> {
    const attachment = (await this.list(requestId, department)).find(
      (a) => a.attachmentId === attachmentId,
    );
    if (!attachment) {
      throw new NotFoundException({
        statusCode: 404,
        code: 'ATTACHMENT_NOT_FOUND',
        message: `Request ${requestId} has no attachment ${attachmentId}`,
      });
    }
    if (attachment.erased) throw erasedError(attachment);
    const content = await this.storage.get(attachment.sha256);
    if (!content) throw erasedError(attachment);
    if (sha256Of(content) !== attachment.sha256 || content.length !== attachment.size) {
      this.logger.error(
        { requestId, attachmentId, sha256: attachment.sha256 },
        'An attachment’s stored bytes do not match the hash its event recorded',
      );
      throw new InternalServerErrorException({
        statusCode: 500,
        code: 'ATTACHMENT_CORRUPTED',
        message:
          'The stored file does not match the hash recorded when it was added; it is not served',
      });
    }
    return { attachment, content };
  }

  /**
   * After a person's personal data was erased: every file of the requests they
   * filed is recorded erased (AttachmentsErased) and its bytes removed, unless
   * another request that keeps its files holds the same content. Reads the
   * whole log (an erasure is rare; a read model could lag behind the last upload).
   */
  async eraseFilesOf(personId: string): Promise<{ requests: number; filesRemoved: number }> {
    const requestsOfPerson = new Set<string>();
    const hashes = new Map<string, { sha256: string; requestId: string; personId: string }>();
    const erasedIds = new Set<string>();
    for (let after = 0; ; ) {
      const page = await this.events.readAll({ afterPosition: after, limit: 1000 });
      if (page.length === 0) break;
      after = page.at(-1)?.position ?? after;
      for (const r of page) {
        const event = { type: r.type, data: r.data } as AttachmentEvent;
        if (event.type === 'help-desk.AttachmentAdded') {
          const d = event.data;
          hashes.set(d.attachmentId, {
            sha256: d.sha256,
            requestId: d.requestId,
            personId: d.requesterId,
          });
          if (d.requesterId === personId) requestsOfPerson.add(d.requestId);
        } else if (event.type === 'help-desk.AttachmentsErased') {
          for (const id of event.data.attachmentIds) erasedIds.add(id);
        }
      }
    }
    const context: CommandContext = { correlationId: randomUUID(), actor: ERASURE_ACTOR };
    for (const requestId of requestsOfPerson) {
      const at = this.clock().toISOString();
      await this.commands.run({
        streamId: attachmentsStreamId(requestId),
        decider: attachmentsDecider,
        command: () => ({ type: 'EraseAttachments' as const, requestId, at }),
        context,
        occurredAt: at,
      });
    }
    const removed = new Set<string>();
    const kept = new Set<string>();
    for (const [id, file] of hashes) {
      if (!requestsOfPerson.has(file.requestId) && !erasedIds.has(id)) kept.add(file.sha256);
    }
    for (const file of hashes.values()) {
      if (!requestsOfPerson.has(file.requestId) || kept.has(file.sha256)) continue;
      if (removed.has(file.sha256)) continue;
      await this.storage.delete(file.sha256);
      removed.add(file.sha256);
    }
    this.logger.info(
      { personId, requests: requestsOfPerson.size, filesRemoved: removed.size },
      'Attachments removed with a person’s personal data',
    );
    return { requests: requestsOfPerson.size, filesRemoved: removed.size };
  }

  /** The request, or 404 (unknown, or another department's to a department's client). */
  private async requestOf(requestId: string, department: string | undefined) {
    const detail = buildRequestDetail(
      await this.events.readStream(serviceRequestStreamId(requestId)),
    );
    if (!detail || (department !== undefined && detail.department !== department)) {
      throw new NotFoundException({
        statusCode: 404,
        code: 'SERVICE_REQUEST_NOT_FOUND',
        message: `Service request ${requestId} does not exist`,
      });
    }
    return detail;
  }
}

function erasedError(attachment: AttachmentView): GoneException {
  return new GoneException({
    statusCode: 410,
    code: 'ATTACHMENT_ERASED',
    message: `The file ${attachment.attachmentId} was removed with the requester’s personal data`,
  });
}
