import {
  BadRequestException,
  Controller,
  HttpCode,
  Post,
  Req,
  Res,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { text, type Request, type Response } from 'express';
import { RequirePermission } from '@sfp/auth';
import { Answers, Operation, Refuses } from '@sfp/service-kit';
import { parseIatiActivity } from './iati-activity.parser';
import { IatiFileError } from './iati-file.error';
import type { IatiImport } from './iati-import';
import { IATI_ACTIVITY_EXAMPLE, IATI_BODY_LIMIT, IATI_XML_TYPES } from './iati.openapi';
import { IatiImportSchema } from './iati.schemas';

/**
 * The activity file's body parser: the platform parses JSON bodies only, so
 * this route reads its XML itself (UTF-8 unless the charset says otherwise;
 * too large a body is the platform's 413, an unknown charset its 415).
 */
const xmlBody = text({ type: IATI_XML_TYPES, limit: IATI_BODY_LIMIT, defaultCharset: 'utf-8' });

function readXmlBody(req: Request, res: Response): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    xmlBody(req, res, (error?: unknown) => {
      if (error) reject(error);
      else resolve(typeof req.body === 'string' ? req.body : undefined);
    });
  });
}

/** Whether the request says its body is XML (when it has none, the parser leaves it unread). */
function sentAsXml(req: Request): boolean {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  return type !== undefined && IATI_XML_TYPES.includes(type);
}

/** POST /iati/activities: an IATI 2.03 activity file read as a proposal (nothing is recorded). */
@ApiTags('quality-monitoring: IATI')
@RequirePermission('records:write')
@Controller('iati')
export class IatiImportController {
  @Post('activities')
  @HttpCode(200)
  @Operation(
    'importIatiActivity',
    'Read an IATI 2.03 activity file (one iati-activity) as a proposal: what the file gives, the fields it does not give, and warnings. Nothing is recorded: submit the completed proposal with POST /proposals.',
  )
  @ApiConsumes(...IATI_XML_TYPES)
  @ApiBody({
    required: true,
    description: `An IATI activity file, standard 2.03, holding one iati-activity (at most ${IATI_BODY_LIMIT}). A file this platform exported also gives back what IATI has no element for, from its extension (namespace https://sfp.example.org/iati-extension/1).`,
    schema: { type: 'string', example: IATI_ACTIVITY_EXAMPLE },
  })
  @Answers(200, {
    description: 'The proposal as far as the file gives it, the fields missing, and the warnings',
    schema: IatiImportSchema,
  })
  @Refuses({
    400: 'The body is not well-formed XML (MALFORMED_XML, the line and column in `details`), not IATI 2.03 (IATI_VERSION_UNSUPPORTED, field `iati-activities/@version`), or not one activity with its identifier and title (IATI_ACTIVITY_INVALID, each element at fault in `fieldErrors`).',
    415: 'The body is not sent as application/xml or text/xml (UNSUPPORTED_MEDIA_TYPE), or in a charset that cannot be read (UNSUPPORTED_CHARSET).',
  })
  async importActivity(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<IatiImport> {
    const xml = (await readXmlBody(req, res)) ?? (sentAsXml(req) ? '' : undefined);
    if (xml === undefined) {
      throw new UnsupportedMediaTypeException({
        statusCode: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: `Send the activity file as ${IATI_XML_TYPES.join(' or ')}`,
      });
    }
    try {
      return parseIatiActivity(xml);
    } catch (error) {
      if (!(error instanceof IatiFileError)) throw error;
      throw new BadRequestException({
        statusCode: 400,
        code: error.code,
        message: error.message,
        fieldErrors: error.problems.map((p) => ({ field: p.field, messages: [p.message] })),
        ...(error.details ? { details: error.details } : {}),
      });
    }
  }
}
