import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { Type } from '@sinclair/typebox';
import { Answers, Operation, Refuses, RequirePermission } from '@sfp/auth';
import { THEMES, type Macro } from '@sfp/contracts';
import type { CommandContext } from '@sfp/event-sourcing';
import { HttpCommandContext } from '@sfp/service-kit';
import { OneOf, OptionalOneOf, Text } from '@sfp/service-kit/body-fields';
import { IsUUID } from 'class-validator';
import { IsoDateTime, StringEnum } from '../../http/schema-helpers';
import { NO_SUCH_REQUEST, RequestIdParams } from '../../http/request-id.params';
import { ServiceRequestCommandResultSchema } from '../../service-request/application/service-request.answers';
import type { ServiceRequestCommandResult } from '../../service-request/application/service-requests';
import { Macros } from './macros';

const VISIBILITIES = ['public', 'internal'] as const;

export class MacroDto {
  @Text(1, 120, { example: 'Gender toolkit sent' })
  title!: string;

  @Text(1, 5_000, { example: 'Please find attached the gender-responsive finance toolkit.' })
  text!: string;

  @OneOf(VISIBILITIES, {
    description: 'public: the requester reads it (and is mailed); internal: a note for staff',
  })
  visibility!: 'public' | 'internal';
}

export class ThemeParams {
  @OneOf(THEMES)
  theme!: string;
}

export class MacroParams extends ThemeParams {
  @ApiProperty({ description: 'The macro’s id (a version 4 UUID)' })
  @IsUUID('4')
  macroId!: string;
}

export class MacroListQueryDto {
  @OptionalOneOf(THEMES, { description: 'Only this theme’s macros' })
  theme?: string;
}

export class ApplyMacroDto {
  @OneOf(THEMES)
  theme!: string;

  @ApiProperty({ description: 'The macro’s id' })
  @IsUUID('4')
  macroId!: string;
}

const MacroSchema = Type.Object(
  {
    macroId: Type.String(),
    theme: StringEnum(THEMES),
    title: Type.String(),
    text: Type.String(),
    visibility: StringEnum(VISIBILITIES),
    updatedAt: IsoDateTime(),
    updatedBy: Type.String({ description: 'Username of its last author' }),
  },
  { title: 'HelpDeskMacro' },
);

const LEADS_ONLY =
  'Not a help-desk lead (a team lead of HELP_DESK_TEAM_LEADS, the escalation lead or an administrator)';
const NO_SUCH_MACRO = 'No such macro in the theme (code MACRO_NOT_FOUND)';

/** Saved replies per theme. */
@ApiTags('help-desk: macros')
@Controller('macros')
export class MacrosController {
  constructor(private readonly macros: Macros) {}

  @Get()
  @RequirePermission('records:read')
  @Operation('listHelpDeskMacros', 'The saved replies, of one theme or of every theme.')
  @Answers(200, { description: 'The macros, by theme then title', schema: Type.Array(MacroSchema) })
  list(@Query() { theme }: MacroListQueryDto): Promise<Macro[]> {
    return this.macros.list(theme);
  }

  @Post(':theme')
  @HttpCode(201)
  @RequirePermission('records:write')
  @Operation('createHelpDeskMacro', 'Save a new reply for a theme (help-desk leads).')
  @Answers(201, { description: 'The macro saved', schema: MacroSchema })
  @Refuses({ 403: LEADS_ONLY })
  create(
    @Param() { theme }: ThemeParams,
    @Body() dto: MacroDto,
    @HttpCommandContext({ ifMatch: false }) context: CommandContext,
  ): Promise<Macro> {
    return this.macros.create(theme, draftOf(dto), context);
  }

  @Put(':theme/:macroId')
  @RequirePermission('records:write')
  @Operation('editHelpDeskMacro', 'Edit a saved reply (help-desk leads).')
  @Answers(200, { description: 'The macro as it now reads', schema: MacroSchema })
  @Refuses({ 403: LEADS_ONLY, 404: NO_SUCH_MACRO })
  edit(
    @Param() { theme, macroId }: MacroParams,
    @Body() dto: MacroDto,
    @HttpCommandContext({ ifMatch: false }) context: CommandContext,
  ): Promise<Macro> {
    return this.macros.edit(theme, macroId, draftOf(dto), context);
  }

  @Delete(':theme/:macroId')
  @HttpCode(204)
  @RequirePermission('records:write')
  @Operation('deleteHelpDeskMacro', 'Delete a saved reply (help-desk leads).')
  @Answers(204, { description: 'Deleted' })
  @Refuses({ 403: LEADS_ONLY, 404: NO_SUCH_MACRO })
  async remove(
    @Param() { theme, macroId }: MacroParams,
    @HttpCommandContext({ ifMatch: false }) context: CommandContext,
  ): Promise<void> {
    await this.macros.remove(theme, macroId, context);
  }
}

/** A macro applied to a request: its text as a comment, public or internal as the macro says. */
@ApiTags('help-desk: macros')
@Controller('service-requests')
export class ApplyMacroController {
  constructor(private readonly macros: Macros) {}

  @Post(':id/macro-replies')
  @HttpCode(201)
  @RequirePermission('records:write')
  @Operation(
    'applyHelpDeskMacro',
    'Reply to a request with a saved reply: its text as a comment, public or internal as the macro says.',
  )
  @Answers(201, {
    description: 'The comment added: the request’s new version and the position of its event',
    schema: ServiceRequestCommandResultSchema,
  })
  @Refuses({
    404: `${NO_SUCH_REQUEST}, or no such macro in the theme (code MACRO_NOT_FOUND)`,
    409: 'The request’s status does not allow a comment (code ILLEGAL_TRANSITION)',
  })
  apply(
    @Param() { id }: RequestIdParams,
    @Body() { theme, macroId }: ApplyMacroDto,
    @HttpCommandContext({ ifMatch: false }) context: CommandContext,
  ): Promise<ServiceRequestCommandResult> {
    return this.macros.apply(id, theme, macroId, context);
  }
}

function draftOf(dto: MacroDto) {
  return { title: dto.title, text: dto.text, visibility: dto.visibility };
}
