import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Roles, type Principal } from '../auth/principal.js';
import { ApiCaller } from '../common/api-docs.js';
import { BachecaService } from './bacheca.service.js';
import { BachecaListQuery, CreateBachecaMessageDto, PeriodQuery, RendicontazioneQuery, UpdateBachecaMessageDto } from './monitoring.dto.js';
import { AlarmList, BachecaMessageList, BachecaMessageView, Rendicontazione, Statistics } from './monitoring.models.js';
import { StatisticsService } from './statistics.service.js';

const idParam = { name: 'id', description: 'Id of the message.', schema: { type: 'string', format: 'uuid' } } as const;

/** Bacheca, statistics, rendicontazione and alarms: thin, the rules are in the services. */
@Controller('v1')
export class MonitoringController {
  constructor(
    private readonly bacheca: BachecaService,
    private readonly stats: StatisticsService,
  ) {}

  @ApiTags('Bacheca')
  @ApiOperation({ summary: 'Read my bacheca', description: 'The messages valid today for the caller: the public ones of the Comuni they work with (their own, or their Ente\'s Comune and current convenzioni) and the private ones for them (R-VIS-12).' })
  @ApiOkResponse({ type: BachecaMessageList, description: 'The messages, newest first.' })
  @ApiCaller()
  @Get('bacheca')
  readBacheca(@CurrentPrincipal() p: Principal) {
    return this.bacheca.current(p);
  }

  @ApiTags('Bacheca')
  @ApiOperation({ summary: 'List the Comune\'s messages', description: 'Every message of the caller\'s Comune\'s bacheca, past, current and future. Roles: TOP.' })
  @ApiOkResponse({ type: BachecaMessageList, description: 'The messages, newest first.' })
  @ApiCaller('validation-failed', 'forbidden')
  @Roles('TOP')
  @Get('bacheca/messages')
  listBachecaMessages(@CurrentPrincipal() p: Principal, @Query() q: BachecaListQuery) {
    return this.bacheca.list(p, q);
  }

  @ApiTags('Bacheca')
  @ApiOperation({ summary: 'Write a message', description: 'Writes a message on the caller\'s Comune\'s bacheca: public, or private for one user the caller manages (`recipientId`). Roles: TOP.' })
  @ApiCreatedResponse({ type: BachecaMessageView, description: 'The message.' })
  @ApiCaller('validation-failed', 'bad-request', 'forbidden', 'not-found')
  @Roles('TOP')
  @Post('bacheca/messages')
  createBachecaMessage(@CurrentPrincipal() p: Principal, @Body() dto: CreateBachecaMessageDto) {
    return this.bacheca.create(p, dto);
  }

  @ApiTags('Bacheca')
  @ApiOperation({ summary: 'Change a message', description: 'Changes title, text or validity of a message of the caller\'s Comune. Roles: TOP.' })
  @ApiParam(idParam)
  @ApiOkResponse({ type: BachecaMessageView, description: 'The message as changed.' })
  @ApiCaller('validation-failed', 'bad-request', 'forbidden', 'not-found')
  @Roles('TOP')
  @Patch('bacheca/messages/:id')
  updateBachecaMessage(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() dto: UpdateBachecaMessageDto) {
    return this.bacheca.update(p, id, dto);
  }

  @ApiTags('Bacheca')
  @ApiOperation({ summary: 'Remove a message', description: 'Removes a message of the caller\'s Comune\'s bacheca. Roles: TOP.' })
  @ApiParam(idParam)
  @ApiNoContentResponse({ description: 'Removed.' })
  @ApiCaller('validation-failed', 'forbidden', 'not-found')
  @Roles('TOP')
  @Delete('bacheca/messages/:id')
  @HttpCode(204)
  async deleteBachecaMessage(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string) {
    await this.bacheca.remove(p, id);
  }

  @ApiTags('Monitoring')
  @ApiOperation({
    summary: 'Statistics',
    description:
      'Requests in a period (Italian days; default the last 30, at most 366) within what the caller may monitor: a TOP their ' +
      'Comune\'s, an ADMIN their Ente\'s, everyone else their own; STANDARDPS activity is never counted for TOP or ADMIN. ' +
      'By outcome, purpose, visura type, Ente, user, acting service and day, and the distinct subjects found (R-STAT-1).',
  })
  @ApiOkResponse({ type: Statistics, description: 'The counts.' })
  @ApiCaller('validation-failed')
  @Get('statistics')
  getStatistics(@CurrentPrincipal() p: Principal, @Query() q: PeriodQuery) {
    return this.stats.statistics(p, q);
  }

  @ApiTags('Monitoring')
  @ApiOperation({
    summary: 'Rendicontazione',
    description:
      'What each Ente asked of the caller\'s Comune in a period (default the last 366 days): lookups answered by ANPR, of which ' +
      'for visure and for rivestizione — the basis to split the annual fee (R-VIS-11). `format=csv` answers a CSV file for a ' +
      'spreadsheet (`;`, UTF-8 with BOM, Italian headers). Roles: TOP.',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: Rendicontazione, description: 'One line per Ente.' })
  @ApiCaller('validation-failed', 'forbidden')
  @Roles('TOP')
  @Get('statistics/rendicontazione')
  async getRendicontazione(@CurrentPrincipal() p: Principal, @Query() q: RendicontazioneQuery, @Res({ passthrough: true }) res: Response) {
    const r = await this.stats.rendicontazione(p, q);
    if (q.format !== 'csv') return r;
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="rendicontazione-${r.comune}-${r.from}-${r.to}.csv"`);
    return this.stats.rendicontazioneCsv(r);
  }

  @ApiTags('Monitoring')
  @ApiOperation({
    summary: 'Alarms',
    description:
      'Alarms in a period (default the last 7 days, at most 92) within what the caller monitors (R-VIS-10): every request in ' +
      'the Comune\'s night window (alarmNightStart–alarmNightEnd, Italian time); more requests on one subject in a day than ' +
      'the Comune\'s alarmRepeatThreshold; an Ente\'s day with at least 20 requests and more than three times its average ' +
      'day of the four weeks before. Each names the requests behind it. STANDARDPS requests raise none. Roles: TOP, ADMIN.',
  })
  @ApiOkResponse({ type: AlarmList, description: 'The alarms, newest day first.' })
  @ApiCaller('validation-failed', 'forbidden')
  @Roles('TOP', 'ADMIN')
  @Get('alarms')
  getAlarms(@CurrentPrincipal() p: Principal, @Query() q: PeriodQuery) {
    return this.stats.alarms(p, q);
  }
}
