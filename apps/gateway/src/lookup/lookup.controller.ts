import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Req, Res, UseInterceptors } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { LOOKUP_SECTIONS, type LookupSection } from '#libs/domain';
import { ApplicationAllowed } from '../auth/guards.js';
import { CurrentPrincipal, CurrentRequest, type Principal, type RequestMeta } from '../auth/principal.js';
import { ApiCaller } from '../common/api-docs.js';
import { problem } from '../common/problem.js';
import { GetPersonQuery, SearchPersonsDto } from './lookup.dto.js';
import { PersonSearchResult, Usage } from './lookup.models.js';
import { LookupService } from './lookup.service.js';
import { RateLimitInterceptor } from './rate-limit.interceptor.js';

const CF = /^[A-Za-z0-9]{16}$/;
const ID_ANPR = /^[A-Za-z0-9]{9}$/;

@ApplicationAllowed()
@Controller('v1')
export class LookupController {
  constructor(private readonly lookup: LookupService) {}

  /** Searches ANPR by any criterion; the answer holds the sections your profile allows. */
  @ApiTags('Persons')
  @ApiOperation({
    summary: 'Search persons in ANPR',
    description: 'Searches ANPR by one criterion (codice fiscale, idANPR, identity document, or surname and name with optional birth date and place) for the Comune named, with a reason and a purpose. The answer holds the sections asked for that your profile allows.',
  })
  @ApiCaller(
    'validation-failed', 'bad-request', 'invalid-criteria', 'subject-not-found', 'more-than-one-subject', 'forbidden-by-profile',
    'comune-not-agreed', 'quota-exceeded', 'rate-limited', 'idempotency-key-reused', 'idempotency-in-progress', 'anpr-unavailable', 'anpr-rejected',
  )
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Replays the stored answer for 24 hours without a second ANPR call, once the request is authorised again against your current profile' })
  @ApiOkResponse({
    type: PersonSearchResult,
    description: 'Persons found. When the Idempotency-Key replays a stored answer, the header Idempotent-Replayed is true. RateLimit-Policy and RateLimit announce the rate limits.',
  })
  @UseInterceptors(RateLimitInterceptor)
  @Post('persons/search')
  @HttpCode(200)
  async searchPersons(
    @Body() dto: SearchPersonsDto,
    @CurrentPrincipal() p: Principal,
    @CurrentRequest() meta: RequestMeta,
    @Headers('idempotency-key') key: string | undefined,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    if (!key) return this.lookup.search(p, dto, meta);
    const { answer, replayed } = await this.lookup.searchIdempotent(p, dto, meta, key, { method: req.method, path: req.path, body: req.body });
    if (replayed) res.setHeader('Idempotent-Replayed', 'true');
    return answer;
  }

  /** One person by codice fiscale or idANPR. */
  @ApiTags('Persons')
  @ApiOperation({ summary: 'Get one person by codice fiscale or idANPR', description: 'The person with this codice fiscale (16 characters) or idANPR (9 characters), with the sections asked for that your profile allows.' })
  @ApiOkResponse({ type: PersonSearchResult, description: 'The person, with the sections granted.' })
  @ApiCaller('validation-failed', 'invalid-criteria', 'subject-not-found', 'forbidden-by-profile', 'comune-not-agreed', 'quota-exceeded', 'rate-limited', 'anpr-unavailable', 'anpr-rejected')
  @UseInterceptors(RateLimitInterceptor)
  @Get('persons/:identifier')
  getPerson(@Param('identifier') identifier: string, @Query() q: GetPersonQuery, @CurrentPrincipal() p: Principal, @CurrentRequest() meta: RequestMeta) {
    const sections = q.sections.split(',').map((s) => s.trim()).filter(Boolean);
    const bad = sections.filter((s) => !(LOOKUP_SECTIONS as readonly string[]).includes(s));
    if (bad.length || !sections.length) {
      throw problem('validation-failed', `sections must be a comma-separated list of ${LOOKUP_SECTIONS.join(', ')}`, { errors: [{ field: 'sections', message: `unknown: ${bad.join(', ') || '(empty)'}` }] });
    }
    const id = identifier.trim();
    const criterion = CF.test(id) ? { type: 'codiceFiscale' as const, codiceFiscale: id } : ID_ANPR.test(id) ? { type: 'idANPR' as const, idANPR: id } : undefined;
    if (!criterion) {
      throw problem('invalid-criteria', 'The identifier must be a codice fiscale (16 characters) or an idANPR (9 characters)', { errors: [{ field: 'identifier', message: 'neither a codice fiscale nor an idANPR' }] });
    }
    return this.lookup.search(p, { criterion, sections: sections as LookupSection[], comune: q.comune, motivoRichiesta: q.motivoRichiesta, asOf: q.asOf }, meta, 'getPerson');
  }

  /** Your lookups today against your daily quota. */
  @ApiTags('Me')
  @ApiOperation({ summary: 'Your usage against your daily quota', description: 'How many lookups you made today, against your daily quota.' })
  @ApiOkResponse({ type: Usage, description: 'Your usage.' })
  @ApiCaller()
  @Get('me/usage')
  getMyUsage(@CurrentPrincipal() p: Principal): Promise<Usage> {
    return this.lookup.usage(p);
  }
}
