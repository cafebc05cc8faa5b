import { Body, Controller, Get, Param, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '../../auth/principal.js';
import { ApiCaller } from '../../common/api-docs.js';
import { UpdateComuneSettingsDto } from '../governance.dto.js';
import { ComuneView } from '../governance.models.js';
import { ComuniService } from './comuni.service.js';

const ISTAT_PARAM = { name: 'codiceIstat', description: 'ISTAT code of the Comune.', schema: { type: 'string', pattern: '^\\d{6}$', example: '072006' } } as const;

/** The caller's own Comune and its ANPR settings. Thin: every rule is in ComuniService and AreaService. */
@Controller('v1')
export class ComuniController {
  constructor(private readonly comuni: ComuniService) {}

  @ApiTags('Comuni')
  @ApiOperation({ summary: 'Get my Comune', description: 'The Comune with its ANPR settings and policies. Only the caller\'s own Comune is visible. Roles: TOP.' })
  @ApiParam(ISTAT_PARAM)
  @ApiOkResponse({ type: ComuneView, description: 'The Comune.' })
  @ApiCaller('forbidden', 'not-found')
  @Roles('TOP')
  @Get('comuni/:codiceIstat')
  getComune(@CurrentPrincipal() p: Principal, @Param('codiceIstat') istat: string) {
    return this.comuni.getComune(p, istat);
  }

  @ApiTags('Comuni')
  @ApiOperation({ summary: 'Change my Comune\'s settings', description: 'Changes the ANPR settings and policies of the caller\'s own Comune; fields left out stay as they are. Roles: TOP.' })
  @ApiParam(ISTAT_PARAM)
  @ApiOkResponse({ type: ComuneView, description: 'The Comune as changed.' })
  @ApiCaller('validation-failed', 'bad-request', 'forbidden', 'not-found')
  @Roles('TOP')
  @Patch('comuni/:codiceIstat/settings')
  updateComuneSettings(@CurrentPrincipal() p: Principal, @Param('codiceIstat') istat: string, @Body() dto: UpdateComuneSettingsDto) {
    return this.comuni.updateComuneSettings(p, istat, dto);
  }
}
