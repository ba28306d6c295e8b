import {
  BadRequestException,
  Get,
  HttpCode,
  Post,
  Query,
  Res,
  UnprocessableEntityException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiConsumes, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { raw, type Request, type Response } from 'express';
import { RequirePermission } from '@sfp/auth';
import { Answers, Operation, Refuses } from '@sfp/service-kit';
import { CommandCall, type HttpCall } from '../../../http/command-dispatch';
import { toBoolean } from '../../../shared/http/query-helpers';
import { KnowledgeBaseController } from '../../../shared/http/routes';
import { importReports, type ReportImportResult } from './import-reports';
import {
  importTemplate,
  ImportFileError,
  readImportFile,
  type ImportFormat,
} from './report-import.file';
import { ReportImportResultSchema } from './report-import.schema';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const TYPES: Record<string, ImportFormat> = { 'text/csv': 'csv', [XLSX_TYPE]: 'xlsx' };
/** At most this much of a file (a few thousand reports). */
export const IMPORT_BODY_LIMIT = '5mb';

const fileBody = raw({ type: Object.keys(TYPES), limit: IMPORT_BODY_LIMIT });

function readFile(req: Request, res: Response): Promise<{ format: ImportFormat; bytes: Buffer }> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const format = TYPES[type];
  if (!format) {
    return Promise.reject(
      new UnsupportedMediaTypeException({
        statusCode: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: `Send the file as text/csv (UTF-8) or ${XLSX_TYPE}`,
      }),
    );
  }
  if (Buffer.isBuffer(req.body)) return Promise.resolve({ format, bytes: req.body });
  return new Promise((resolve, reject) => {
    fileBody(req, res, (error?: unknown) => {
      if (error) reject(error);
      else resolve({ format, bytes: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0) });
    });
  });
}

export class ReportImportQueryDto {
  @ApiPropertyOptional({
    description:
      'true: file the valid rows and report the others; otherwise nothing is filed when any row is invalid',
    default: false,
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  validRowsOnly?: boolean;
}

export class ImportTemplateQueryDto {
  @ApiPropertyOptional({ enum: ['csv', 'xlsx'], default: 'csv' })
  @IsOptional()
  @IsIn(['csv', 'xlsx'])
  format?: ImportFormat;
}

/** Performance reports imported from a CSV or XLSX file in the template, checked row by row. */
@KnowledgeBaseController('performance reports', 'performance-report-imports')
export class ReportImportsController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @HttpCode(201)
  @RequirePermission('records:write')
  @Operation(
    'importPerformanceReports',
    'Import performance reports from a CSV or XLSX file in the template (one row per report): every row is checked as a filing would be; nothing is filed when any row is invalid, unless validRowsOnly=true.',
  )
  @ApiConsumes('text/csv', XLSX_TYPE)
  @ApiBody({
    required: true,
    description: `A CSV (UTF-8) or an XLSX workbook (first sheet) in the template of GET /performance-report-imports/template: a header row, then one report per row. At most ${IMPORT_BODY_LIMIT}.`,
    schema: { type: 'string', format: 'binary' },
  })
  @Answers(201, {
    description:
      'Imported: the reports filed (every row, or with validRowsOnly=true the valid ones) and the errors of the others',
    schema: ReportImportResultSchema,
  })
  @Refuses({
    400: 'Invalid validRowsOnly, or a file that is not the template: no header, an unknown or missing column, no row, not a workbook (IMPORT_FILE_INVALID, each column in `fieldErrors`)',
    413: `The file is larger than ${IMPORT_BODY_LIMIT} (PAYLOAD_TOO_LARGE)`,
    415: `The body is not sent as text/csv or ${XLSX_TYPE} (UNSUPPORTED_MEDIA_TYPE)`,
    422: 'Rows are invalid and nothing was filed (IMPORT_ROWS_INVALID): `details` holds the result, with every error by row and column',
  })
  async import(
    @Query() query: ReportImportQueryDto,
    @CommandCall({ ifMatch: false }) call: HttpCall,
  ): Promise<ReportImportResult> {
    const { format, bytes } = await readFile(call.req, call.res);
    let rows;
    try {
      rows = await readImportFile(format, bytes);
    } catch (error) {
      if (!(error instanceof ImportFileError)) throw error;
      throw new BadRequestException({
        statusCode: 400,
        code: 'IMPORT_FILE_INVALID',
        message: error.message,
        fieldErrors: error.problems.map((p) => ({ field: p.column, messages: [p.message] })),
      });
    }
    const result = await importReports(this.commandBus, call, rows, query.validRowsOnly === true);
    if (!result.imported.length) {
      throw new UnprocessableEntityException({
        statusCode: 422,
        code: 'IMPORT_ROWS_INVALID',
        message: `Nothing imported: ${result.errors.length} error(s) in ${new Set(result.errors.map((e) => e.row)).size} of ${result.rows} row(s)${result.validRowsOnly ? '' : '; fix them, or import the valid rows only'}`,
        details: result,
      });
    }
    return result;
  }

  @Get('template')
  @RequirePermission('records:write')
  @Operation(
    'getPerformanceReportImportTemplate',
    'The import template: the header row as CSV, or as XLSX with a second sheet describing every column.',
  )
  @Answers(200, {
    description: 'The template file',
    content: {
      'text/csv': { type: 'string' },
      [XLSX_TYPE]: { type: 'string', format: 'binary' },
    },
    headers: { 'Content-Disposition': { description: 'attachment; filename=…' } },
  })
  async template(
    @Query() { format = 'csv' }: ImportTemplateQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    const file = await importTemplate(format);
    res.setHeader('Content-Type', format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE);
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="performance-reports-template.${format}"`,
    );
    res.status(200).send(file);
  }
}
