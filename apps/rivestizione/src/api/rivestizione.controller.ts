import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query, Req, Res, StreamableFile, UploadedFile, UseGuards, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiExtraModels, ApiOkResponse, ApiCreatedResponse, ApiOperation, ApiProduces, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Caller } from '../gateway/gateway.port.js';
import { BearerGuard, CurrentCaller, CurrentToken } from './auth.guard.js';
import { rivProblem } from './problem.js';
import {
  ComuneSettingsDto,
  ComuneSettingsView,
  CreateRivestizioneRequest,
  ListQuery,
  RejectRequest,
  RivestizionePage,
  RivestizioneView,
  SubmitFileQuery,
  ValidateListRequest,
  ValidationReportView,
} from './rivestizione.dto.js';
import { type Input, RivestizioneService } from './rivestizione.service.js';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';

export const RIVESTIZIONE_SERVICE = Symbol('RivestizioneService');

interface UploadedCsv {
  buffer: Buffer;
  originalname: string;
  size: number;
}

const FILE_BODY = {
  description: 'A file: multipart/form-data (part `file`, and optionally `comune`, `motivoRichiesta`, `acceptInvalidRows`), text/csv or text/plain (the CSV or fixed-width text)',
  schema: {
    type: 'object',
    properties: {
      file: { type: 'string', format: 'binary' },
      comune: { type: 'string' },
      motivoRichiesta: { type: 'string' },
      acceptInvalidRows: { type: 'string', enum: ['true', 'false'] },
    },
  },
};

async function listBody<T extends object>(cls: new () => T, body: unknown): Promise<T> {
  const dto = plainToInstance(cls, body);
  const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length) {
    const list = errors.flatMap((e) => Object.values(e.constraints ?? { [e.property]: `${e.property} is not valid` }).map((message) => ({ field: e.property, message })));
    throw rivProblem('validation-failed', list.map((e) => e.message).join('; '), { errors: list });
  }
  return dto;
}

/** What was sent: a JSON list, a multipart file, or the file as the body. */
function inputOf(req: Request, file: UploadedCsv | undefined, format?: 'auto' | 'csv' | 'fixed-width'): Input | 'json' {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'application/json') return 'json';
  if (type === 'multipart/form-data') {
    if (!file) throw rivProblem('validation-failed', 'The multipart body has no part named file', { errors: [{ field: 'file', message: 'file is required' }] });
    return { kind: 'file', source: file.buffer, name: file.originalname, format };
  }
  if (type === 'text/csv' || type === 'text/plain') {
    const body = req.body as unknown;
    if (typeof body !== 'string' && !Buffer.isBuffer(body)) throw rivProblem('validation-failed', 'The body is empty');
    return { kind: 'file', source: Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'), format };
  }
  throw rivProblem('unsupported-media-type', 'Send application/json, multipart/form-data, text/csv or text/plain');
}

@ApiTags('rivestizioni')
@ApiBearerAuth()
@ApiExtraModels(CreateRivestizioneRequest, ValidateListRequest)
@UseGuards(BearerGuard)
@Controller('v1/rivestizioni')
export class RivestizioneController {
  constructor(@Inject(RIVESTIZIONE_SERVICE) private readonly service: RivestizioneService) {}

  @Post('validation')
  @HttpCode(200)
  @UseInterceptors(FileInterceptor('file'))
  @ApiOperation({ summary: 'Check a file or list without submitting it', description: 'Every row is checked (type, format, check characters); the report names line, field and reason. Nothing is stored.' })
  @ApiConsumes('application/json', 'multipart/form-data', 'text/csv', 'text/plain')
  @ApiBody({ description: 'A JSON list, or a file as for createRivestizione', schema: { oneOf: [{ $ref: getSchemaPath(ValidateListRequest) }, FILE_BODY.schema] } })
  @ApiOkResponse({ type: ValidationReportView })
  async validateRivestizione(@Req() req: Request, @Query() q: SubmitFileQuery, @UploadedFile() file?: UploadedCsv): Promise<ValidationReportView> {
    const input = inputOf(req, file, q.format);
    if (input === 'json') return this.service.validate({ kind: 'list', items: (await listBody(ValidateListRequest, req.body)).items });
    return this.service.validate(input);
  }

  @Post()
  @UseInterceptors(FileInterceptor('file'))
  @ApiOperation({ summary: 'Submit a rivestizione request', description: 'A JSON list, or a CSV / fixed-width file (multipart or as the body). With invalid rows the answer is 422 invalid-rows with the report, unless acceptInvalidRows: then the invalid rows come back as SCARTATO.' })
  @ApiConsumes('application/json', 'multipart/form-data', 'text/csv', 'text/plain')
  @ApiBody({ description: 'A JSON list with comune and motivoRichiesta, or a file', schema: { oneOf: [{ $ref: getSchemaPath(CreateRivestizioneRequest) }, FILE_BODY.schema] } })
  @ApiCreatedResponse({ type: RivestizioneView })
  async createRivestizione(@Req() req: Request, @Query() q: SubmitFileQuery, @CurrentCaller() caller: Caller, @CurrentToken() token: string, @UploadedFile() file?: UploadedCsv): Promise<RivestizioneView> {
    const input = inputOf(req, file, q.format);
    if (input === 'json') {
      const dto = await listBody(CreateRivestizioneRequest, req.body);
      return this.service.submit(caller, token, { kind: 'list', items: dto.items }, { comune: dto.comune, motivoRichiesta: dto.motivoRichiesta, acceptInvalidRows: dto.acceptInvalidRows === true });
    }
    const form = (req.body && typeof req.body === 'object' && !Buffer.isBuffer(req.body) ? req.body : {}) as Record<string, unknown>;
    const meta = await listBody(SubmitFileQuery, { comune: q.comune ?? form.comune, motivoRichiesta: q.motivoRichiesta ?? form.motivoRichiesta, acceptInvalidRows: q.acceptInvalidRows ?? form.acceptInvalidRows });
    if (!meta.comune || !meta.motivoRichiesta) {
      throw rivProblem('validation-failed', 'comune and motivoRichiesta are required', { errors: [...(!meta.comune ? [{ field: 'comune', message: 'comune is required' }] : []), ...(!meta.motivoRichiesta ? [{ field: 'motivoRichiesta', message: 'motivoRichiesta is required' }] : [])] });
    }
    return this.service.submit(caller, token, input, { comune: meta.comune, motivoRichiesta: meta.motivoRichiesta, acceptInvalidRows: meta.acceptInvalidRows === 'true' });
  }

  @Get()
  @ApiOperation({ summary: 'List the requests you may see', description: 'Your own; as ADMIN your Ente\'s; as TOP your Comune\'s (STANDARDPS requests only to their submitter, and to the TOP while awaiting convalida).' })
  @ApiOkResponse({ type: RivestizionePage })
  listRivestizioni(@CurrentCaller() caller: Caller, @Query() q: ListQuery): Promise<RivestizionePage> {
    return this.service.list(caller, q);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A request: state, progress, forecast and files' })
  @ApiOkResponse({ type: RivestizioneView })
  async getRivestizione(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<RivestizioneView> {
    return this.service.view(await this.service.find(caller, id));
  }

  @Post(':id/approval')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve a request (convalida), as a registry officer of its Comune' })
  @ApiOkResponse({ type: RivestizioneView })
  approveRivestizione(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<RivestizioneView> {
    return this.service.approve(caller, id);
  }

  @Post(':id/rejection')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reject a request with a reason, as a registry officer of its Comune' })
  @ApiOkResponse({ type: RivestizioneView })
  rejectRivestizione(@CurrentCaller() caller: Caller, @Param('id') id: string, @Body() body: RejectRequest): Promise<RivestizioneView> {
    return this.service.reject(caller, id, body.reason);
  }

  @Get(':id/files/:fileId')
  @ApiOperation({ summary: 'Download a result file (CSV, `;`, UTF-8 with BOM) until its retention expires' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The CSV file', schema: { type: 'string', format: 'binary' } })
  async downloadRivestizioneFile(@CurrentCaller() caller: Caller, @Param('id') id: string, @Param('fileId') fileId: string, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const f = await this.service.openFile(caller, id, fileId);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${f.name}"`);
    res.setHeader('Content-Length', String(f.size));
    res.setHeader('Digest', `sha-256=${Buffer.from(f.sha256, 'hex').toString('base64')}`);
    return new StreamableFile(f.stream);
  }
}

@ApiTags('rivestizioni')
@ApiBearerAuth()
@UseGuards(BearerGuard)
@Controller('v1/rivestizione-settings')
export class ComuneSettingsController {
  constructor(@Inject(RIVESTIZIONE_SERVICE) private readonly service: RivestizioneService) {}

  @Get(':comune')
  @ApiOperation({ summary: 'The Comune\'s rivestizione settings (registry officers of the Comune)' })
  @ApiOkResponse({ type: ComuneSettingsView })
  getRivestizioneSettings(@CurrentCaller() caller: Caller, @Param('comune') comune: string): Promise<ComuneSettingsView> {
    return this.service.getSettings(caller, comune);
  }

  @Put(':comune')
  @ApiOperation({ summary: 'Set the Comune\'s convalida, silent consent, concurrency, rate, daily budget and windows' })
  @ApiOkResponse({ type: ComuneSettingsView })
  updateRivestizioneSettings(@CurrentCaller() caller: Caller, @Param('comune') comune: string, @Body() body: ComuneSettingsDto): Promise<ComuneSettingsView> {
    return this.service.updateSettings(caller, comune, body);
  }
}
