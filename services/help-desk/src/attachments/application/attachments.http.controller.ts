import {
  BadRequestException,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  PayloadTooLargeException,
  Post,
  Query,
  Req,
  Res,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsUUID, Matches } from 'class-validator';
import { raw, type Request, type Response } from 'express';
import {
  Answers,
  departmentScope,
  Operation,
  principalOf,
  Refuses,
  RequirePermission,
} from '@sfp/auth';
import type { CommandContext } from '@sfp/event-sourcing';
import { CONTEXT_SETTINGS, HttpCommandContext } from '@sfp/service-kit';
import { Text } from '@sfp/service-kit/body-fields';
import type { HelpDeskSettings } from '../../help-desk.settings';
import { NO_SUCH_REQUEST, RequestIdParams } from '../../http/request-id.params';
import { ALLOWED_EXTENSIONS, ATTACHMENT_TYPES } from '../domain/attachment-type';
import type { AttachmentView } from './attachment.view';
import { AttachmentListSchema, AttachmentSchema } from './attachments.schema';
import { RequestAttachments } from './request-attachments';

/** `/service-requests/{id}/attachments/{attachmentId}`. */
export class AttachmentParams extends RequestIdParams {
  @ApiProperty({ description: 'The attachment’s id, as its upload answered' })
  @IsUUID('4')
  attachmentId!: string;
}

/** The file's name, given beside its bytes. */
export class AttachmentUploadQuery {
  @Text(1, 200, {
    description: `The file’s name with its extension (${ALLOWED_EXTENSIONS.map((e) => `.${e}`).join(', ')}); no folder`,
    example: 'guarantee-fund-logo.png',
  })
  // eslint-disable-next-line no-control-regex -- control characters are what it refuses
  @Matches(/^[^/\\\u0000-\u001f\u007f]+$/, {
    message: 'filename must be a file name, without a folder or control characters',
  })
  filename!: string;
}

const ACCEPTED = ATTACHMENT_TYPES.map(
  (t) => `${t.label} (${t.extensions.map((e) => `.${e}`).join(', ')})`,
).join(', ');
const BINARY = { type: 'string', format: 'binary' } as const;

/**
 * Files on a request: uploaded as the request body (its bytes as they are,
 * the name in `filename`), listed, and downloaded checked against the hash
 * their event recorded.
 */
@ApiTags('help-desk: attachments')
@Controller('service-requests')
export class AttachmentsController {
  private readonly readBody;

  constructor(
    private readonly attachments: RequestAttachments,
    @Inject(CONTEXT_SETTINGS) private readonly settings: HelpDeskSettings,
  ) {
    this.readBody = raw({ type: () => true, limit: settings.HELP_DESK_ATTACHMENT_MAX_BYTES });
  }

  @Post(':id/attachments')
  @RequirePermission('records:write')
  @HttpCode(201)
  @Operation(
    'addServiceRequestAttachment',
    'Attach a file to a request: its bytes as the body, its name in `filename`. Its type is recognised from its content and must agree with its name.',
  )
  @ApiConsumes('application/octet-stream')
  @ApiBody({
    required: true,
    description: `The file’s bytes, as they are (any Content-Type but JSON). Accepted: ${ACCEPTED}; at most HELP_DESK_ATTACHMENT_MAX_BYTES (default 10 MB).`,
    schema: BINARY,
  })
  @Answers(201, {
    description: 'Attached: the file as recorded (AttachmentAdded, with its SHA-256)',
    schema: AttachmentSchema,
    headers: { Location: { description: 'Where to download it' } },
  })
  @Refuses({
    400: 'No filename, or a name with a folder or control characters; or an empty file (ATTACHMENT_EMPTY)',
    404: NO_SUCH_REQUEST,
    409: 'The request is closed or cancelled (ILLEGAL_TRANSITION)',
    413: 'The file is larger than HELP_DESK_ATTACHMENT_MAX_BYTES (ATTACHMENT_TOO_LARGE)',
    415: 'A type not accepted, or content that is not what its name says (ATTACHMENT_TYPE_NOT_ALLOWED); or a body sent as JSON',
  })
  async add(
    @Param() { id }: RequestIdParams,
    @Query() { filename }: AttachmentUploadQuery,
    @HttpCommandContext() context: CommandContext,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AttachmentView> {
    const content = await this.bodyOf(req, res);
    const added = await this.attachments.add(
      id,
      filename,
      content,
      context,
      departmentScope(principalOf(req)),
    );
    res.setHeader('Location', `${req.baseUrl}${req.path.replace(/\/$/, '')}/${added.attachmentId}`);
    return added;
  }

  @Get(':id/attachments')
  @RequirePermission('records:read')
  @Operation('listServiceRequestAttachments', 'The files of a request, oldest first.')
  @Answers(200, { description: 'The request’s files', schema: AttachmentListSchema })
  @Refuses({ 404: NO_SUCH_REQUEST })
  list(@Param() { id }: RequestIdParams, @Req() req: Request): Promise<AttachmentView[]> {
    return this.attachments.list(id, departmentScope(principalOf(req)));
  }

  @Get(':id/attachments/:attachmentId')
  @RequirePermission('records:read')
  @Operation(
    'downloadServiceRequestAttachment',
    'Download a file of a request, as it was added (checked against the SHA-256 its event recorded).',
  )
  @Answers(200, {
    description:
      'The file, to save (Content-Disposition: attachment; X-Content-Type-Options: nosniff)',
    content: Object.fromEntries(ATTACHMENT_TYPES.map((t) => [t.contentType, BINARY])),
    headers: {
      'Content-Disposition': { description: 'attachment, with the file’s name' },
      'X-Content-Type-Options': { description: 'nosniff' },
      Digest: { description: 'sha-256 of the content (base64)' },
    },
  })
  @Refuses({
    404: `${NO_SUCH_REQUEST}; or no such attachment on it (ATTACHMENT_NOT_FOUND)`,
    410: 'The file was removed with the requester’s personal data (ATTACHMENT_ERASED)',
    500: 'The stored bytes do not match the recorded hash (ATTACHMENT_CORRUPTED): not served',
  })
  async download(
    @Param() { id, attachmentId }: AttachmentParams,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const { attachment, content } = await this.attachments.open(
      id,
      attachmentId,
      departmentScope(principalOf(req)),
    );
    res.attachment(
      attachment.filename === '[erased]' ? `attachment-${attachmentId}` : attachment.filename,
    );
    res.setHeader('Content-Type', attachment.contentType);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Length', String(content.length));
    res.setHeader('Digest', `sha-256=${Buffer.from(attachment.sha256, 'hex').toString('base64')}`);
    res.status(200).end(content);
  }

  /** The body's bytes, read here (the platform parses JSON only), at most the configured size. */
  private async bodyOf(req: Request, res: Response): Promise<Buffer> {
    try {
      await new Promise<void>((resolve, reject) =>
        this.readBody(req, res, (error?: unknown) => (error ? reject(error) : resolve())),
      );
    } catch (error) {
      if ((error as { type?: unknown }).type === 'entity.too.large') {
        const limit = this.settings.HELP_DESK_ATTACHMENT_MAX_BYTES;
        throw new PayloadTooLargeException({
          statusCode: 413,
          code: 'ATTACHMENT_TOO_LARGE',
          message: `A file may have at most ${limit.toLocaleString('en')} bytes (${(limit / 1024 / 1024).toLocaleString('en', { maximumFractionDigits: 1 })} MB)`,
          details: { maxBytes: limit },
        });
      }
      throw error;
    }
    if (!Buffer.isBuffer(req.body)) {
      throw new UnsupportedMediaTypeException({
        statusCode: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: 'Send the file’s bytes as the body (e.g. application/octet-stream), not JSON',
      });
    }
    if (req.body.length === 0) {
      throw new BadRequestException({
        statusCode: 400,
        code: 'ATTACHMENT_EMPTY',
        message: 'The file is empty',
      });
    }
    return req.body;
  }
}
