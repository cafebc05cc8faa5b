import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '../../auth/principal.js';
import { ApiCaller } from '../../common/api-docs.js';
import { ConvenzioneDto, EndConvenzioneDto, CreateEnteDto, UpdateEnteDto } from '../governance.dto.js';
import { ConvenzioneView, EnteList, EnteView } from '../governance.models.js';
import { EntiService } from './enti.service.js';

const idParam = (what: string) => ({ name: 'id', description: `Id of the ${what}.`, schema: { type: 'string', format: 'uuid' } }) as const;

/** Enti and their convenzioni. Thin: every rule is in EntiService and AreaService. */
@Controller('v1')
export class EntiController {
  constructor(private readonly enti: EntiService) {}

  @ApiTags('Enti')
  @ApiOperation({ summary: 'List Enti', description: 'The Enti the caller may see, with their convenzioni: for TOP, those their Comune registered (all convenzioni) and those with a current or future convenzione with their Comune (that convenzione only); for ADMIN, their own. Roles: TOP, ADMIN.' })
  @ApiOkResponse({ type: EnteList, description: 'The Enti, by name.' })
  @ApiCaller('forbidden')
  @Roles('TOP', 'ADMIN')
  @Get('enti')
  listEnti(@CurrentPrincipal() p: Principal) {
    return this.enti.listEnti(p);
  }

  @ApiTags('Enti')
  @ApiOperation({ summary: 'Register an Ente', description: 'Registers an Ente, owned by the caller\'s Comune (whose TOP users manage its users), together with its first convenzione with that Comune. Roles: TOP.' })
  @ApiCreatedResponse({ type: EnteView, description: 'The new Ente.' })
  @ApiCaller('validation-failed', 'bad-request', 'forbidden')
  @Roles('TOP')
  @Post('enti')
  createEnte(@CurrentPrincipal() p: Principal, @Body() dto: CreateEnteDto) {
    return this.enti.createEnte(p, dto);
  }

  @ApiTags('Enti')
  @ApiOperation({ summary: 'Get an Ente', description: 'An Ente the caller may see (as for the list), with the convenzioni they may see. Roles: TOP, ADMIN.' })
  @ApiParam(idParam('Ente'))
  @ApiOkResponse({ type: EnteView, description: 'The Ente.' })
  @ApiCaller('forbidden', 'not-found')
  @Roles('TOP', 'ADMIN')
  @Get('enti/:id')
  getEnte(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.enti.getEnte(p, id);
  }

  @ApiTags('Enti')
  @ApiOperation({ summary: 'Change an Ente', description: 'Changes the name or the codice fiscale of an Ente the caller\'s Comune registered. Roles: TOP.' })
  @ApiParam(idParam('Ente'))
  @ApiOkResponse({ type: EnteView, description: 'The Ente as changed.' })
  @ApiCaller('validation-failed', 'bad-request', 'forbidden', 'not-found')
  @Roles('TOP')
  @Patch('enti/:id')
  updateEnte(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: UpdateEnteDto) {
    return this.enti.updateEnte(p, id, dto);
  }

  @ApiTags('Enti')
  @ApiOperation({
    summary: 'Add a convenzione',
    description:
      'Records a convenzione between any registered Ente and the caller\'s own Comune: the Comune\'s consent that the Ente\'s users may query its residents. ' +
      'It gives the Comune no power over the Ente, which stays managed by the Comune that registered it. Roles: TOP.',
  })
  @ApiParam(idParam('Ente'))
  @ApiCreatedResponse({ type: ConvenzioneView, description: 'The new convenzione.' })
  @ApiCaller('validation-failed', 'bad-request', 'forbidden', 'not-found')
  @Roles('TOP')
  @Post('enti/:id/convenzioni')
  createConvenzione(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: ConvenzioneDto) {
    return this.enti.addConvenzione(p, id, dto);
  }

  @ApiTags('Enti')
  @ApiOperation({
    summary: 'End or shorten a convenzione',
    description: 'Moves the last day of validity of a convenzione of the caller\'s own Comune earlier (yesterday ends it at once). Only the TOP users of the Comune it names may. Roles: TOP.',
  })
  @ApiParam(idParam('Ente'))
  @ApiParam({ name: 'convenzioneId', description: 'Id of the convenzione.', schema: { type: 'string', format: 'uuid' } })
  @ApiOkResponse({ type: ConvenzioneView, description: 'The convenzione as changed.' })
  @ApiCaller('validation-failed', 'bad-request', 'forbidden', 'not-found')
  @Roles('TOP')
  @Patch('enti/:id/convenzioni/:convenzioneId')
  endConvenzione(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Param('convenzioneId') convenzioneId: string, @Body() dto: EndConvenzioneDto) {
    return this.enti.endConvenzione(p, id, convenzioneId, dto);
  }
}
