import { applyDecorators, Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { VISURA_TITLES } from '../document/index.js';
import type { Criterion } from '../gateway/gateway.port.js';
import { renderArchiveExport } from '../service/archive-export.js';
import { VisureService, type Caller } from '../service/visure.service.js';
import { ArchiveQueryDto, CriterionDto, RejectionDto, SearchDto, SearchResultView, VerificationQueryDto, VisuraPage, VisuraRequestDto, VisuraView } from './dto.js';
import { visureProblem } from './problem.js';

export const VISURE_SERVICE = Symbol('VISURE_SERVICE');

const PROBLEM = { content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
const Problems = (...codes: number[]) => applyDecorators(...codes.map((status) => ApiResponse({ status, description: 'A problem (RFC 9457)', ...PROBLEM })));

function toCriterion(c: CriterionDto): Criterion {
  switch (c.type) {
    case 'codiceFiscale':
      if (!c.codiceFiscale) throw visureProblem('validation-failed', 'Indicare il codice fiscale.');
      return { type: 'codiceFiscale', codiceFiscale: c.codiceFiscale.toUpperCase() };
    case 'idANPR':
      if (!c.idANPR) throw visureProblem('validation-failed', 'Indicare l\'identificativo ANPR.');
      return { type: 'idANPR', idANPR: c.idANPR.toUpperCase() };
    case 'documento':
      if (!c.tipoDocumento || !c.numeroDocumento) throw visureProblem('validation-failed', 'Indicare tipo e numero del documento.');
      return { type: 'documento', tipoDocumento: c.tipoDocumento, numeroDocumento: c.numeroDocumento };
    case 'generalita':
      if (!c.cognome || !c.nome) throw visureProblem('validation-failed', 'Indicare cognome e nome.');
      if (c.luogoNascita && !c.dataNascita) throw visureProblem('validation-failed', 'Il luogo di nascita si indica insieme alla data di nascita.');
      return { type: 'generalita', cognome: c.cognome, nome: c.nome, dataNascita: c.dataNascita, luogoNascita: c.luogoNascita };
  }
}

function bearer(req: Request): string {
  const h = req.headers.authorization ?? '';
  const m = /^Bearer\s+(\S+)$/i.exec(h);
  if (!m) throw visureProblem('unauthenticated', 'Accesso richiesto: inviare il proprio token (Authorization: Bearer).');
  return m[1];
}

const pdf = (res: Response, name: string, bytes: Buffer) => {
  res.status(200).type('application/pdf').setHeader('Content-Disposition', `inline; filename="${name}.pdf"`);
  res.setHeader('Cache-Control', 'no-store');
  res.end(bytes);
};

@ApiExtraModels(VisuraView)
@Controller()
export class VisureController {
  constructor(@Inject(VISURE_SERVICE) private readonly visure: VisureService) {}

  private caller(req: Request): Promise<Caller> {
    return this.visure.authenticate(bearer(req));
  }

  @Post('v1/searches')
  @HttpCode(200)
  @ApiBearerAuth('bearer')
  @ApiTags('Visure')
  @ApiOperation({ operationId: 'searchSubjects', summary: 'Find the subject of a visura', description: 'Searches ANPR through the gateway by one criterion (R-VIS-3). Several matches come back as candidates with the minimum shown (cognome, nome, data e luogo di nascita); request the visura with searchId and the chosen candidate.' })
  @ApiOkResponse({ type: SearchResultView, description: 'The candidates found' })
  @Problems(400, 401, 403, 404, 422, 503)
  async search(@Req() req: Request, @Body() body: SearchDto) {
    return this.visure.search(await this.caller(req), { ...body, criterion: toCriterion(body.criterion) });
  }

  @Post('v1/visure')
  @ApiBearerAuth('bearer')
  @ApiTags('Visure')
  @ApiOperation({ operationId: 'requestVisura', summary: 'Request a visura', description: 'Routes the request by who asks, where the subject lives and the Comune\'s policy: 201 the document was issued; 202 deferred to a mediator or to silent consent; 200 the Comune of residence only (or a request kept for ANPR). Refusals: 422 cannot-issue (Italian reason), 403 type not in the profile.' })
  @ApiResponse({ status: 201, type: VisuraView, description: 'Issued: documentId is set; download it from /v1/visure/{id}/document' })
  @ApiResponse({ status: 202, type: VisuraView, description: 'Deferred: waits for a mediator or silent consent' })
  @ApiResponse({ status: 200, type: VisuraView, description: 'The Comune of residence only (comuneResidenza)' })
  @Problems(400, 401, 403, 404, 409, 422, 429, 503)
  async request(@Req() req: Request, @Res({ passthrough: true }) res: Response, @Body() body: VisuraRequestDto) {
    const c = await this.caller(req);
    const out = await this.visure.request(c, { ...body, criterion: body.criterion ? toCriterion(body.criterion) : undefined });
    res.status(out.status);
    if (out.status === 201) res.setHeader('Location', `/v1/visure/${out.request.id}`);
    return this.visure.view(out.request, c);
  }

  @Get('v1/visure')
  @ApiBearerAuth('bearer')
  @ApiTags('Archive')
  @ApiOperation({ operationId: 'listVisure', summary: 'The archive', description: 'Requests visible to you (R-VIS-7): your own; an ADMIN their Ente\'s; a TOP their Comune\'s; never other users\' STANDARDPS requests. Newest first.' })
  @ApiOkResponse({ type: VisuraPage, description: 'One page of the archive' })
  @Problems(400, 401)
  async list(@Req() req: Request, @Query() q: ArchiveQueryDto) {
    return this.visure.list(await this.caller(req), filterOf(q));
  }

  @Get('v1/visure-export')
  @ApiBearerAuth('bearer')
  @ApiTags('Archive')
  @ApiOperation({ operationId: 'exportVisure', summary: 'The archive as PDF', description: 'The filtered archive (up to 5,000 rows) as a PDF list.' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  @Problems(400, 401)
  async export(@Req() req: Request, @Res() res: Response, @Query() q: ArchiveQueryDto) {
    const c = await this.caller(req);
    const rows: VisuraView[] = [];
    for (let page = 1; rows.length < 5000; page++) {
      const p = await this.visure.list(c, { ...filterOf(q), page, pageSize: 1000 });
      rows.push(...(p.items as VisuraView[]));
      if (p.items.length < 1000) break;
    }
    const filters = Object.entries(q).filter(([k, v]) => v !== undefined && k !== 'page' && k !== 'pageSize').map(([k, v]) => `${k}=${v}`).join(', ') || 'nessun filtro';
    const bytes = await renderArchiveExport(
      rows.map((r) => ({
        createdAt: r.createdAt,
        type: VISURA_TITLES[r.type].replace(/^Visura /, ''),
        state: r.state,
        criterionKind: r.criterionKind,
        subject: r.subject ? `${r.subject.name ?? ''} ${r.subject.codiceFiscale}`.trim() : '-',
        requester: r.requester?.username ?? 'riservato',
        documentId: r.documentId ?? '-',
      })),
      { title: 'Archivio visure', generatedAt: new Date(), filters },
    );
    pdf(res, 'archivio-visure', bytes);
  }

  @Get('v1/mediation/queue')
  @ApiBearerAuth('bearer')
  @ApiTags('Mediation')
  @ApiOperation({ operationId: 'mediationQueue', summary: 'Deferred requests of your Comune', description: 'For mediators (registry officers of the Comune): the requests waiting for approval or silent consent, oldest first.' })
  @ApiOkResponse({ type: [VisuraView], description: 'The queue' })
  @Problems(401, 403)
  async queue(@Req() req: Request) {
    return this.visure.queue(await this.caller(req));
  }

  @Get('v1/visure/:id')
  @ApiBearerAuth('bearer')
  @ApiTags('Archive')
  @ApiOperation({ operationId: 'getVisura', summary: 'One request', description: 'The request and its state, if you may see it.' })
  @ApiOkResponse({ type: VisuraView, description: 'The request' })
  @Problems(401, 404)
  async get(@Req() req: Request, @Param('id') id: string) {
    return this.visure.get(await this.caller(req), id);
  }

  @Get('v1/visure/:id/document')
  @ApiBearerAuth('bearer')
  @ApiTags('Archive')
  @ApiOperation({ operationId: 'downloadVisura', summary: 'The issued document', description: 'The stored original, byte for byte (PDF/A-2b, sealed).' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  @Problems(401, 404)
  async download(@Req() req: Request, @Res() res: Response, @Param('id') id: string) {
    const doc = await this.visure.download(await this.caller(req), id);
    pdf(res, doc.documentId, doc.bytes);
  }

  @Post('v1/visure/:id/approval')
  @HttpCode(200)
  @ApiBearerAuth('bearer')
  @ApiTags('Mediation')
  @ApiOperation({ operationId: 'approveVisura', summary: 'Approve a deferred request', description: 'A mediator of the Comune approves: the requester\'s stored grant is exchanged with the mediator\'s token as actor, the lookup runs under the mediator\'s ANPR operator id and the document names the mediator.' })
  @ApiOkResponse({ type: VisuraView, description: 'The request, now issued' })
  @Problems(401, 404, 409, 422, 503)
  async approve(@Req() req: Request, @Param('id') id: string) {
    const c = await this.caller(req);
    return this.visure.view(await this.visure.approve(c, id), c);
  }

  @Post('v1/visure/:id/rejection')
  @HttpCode(200)
  @ApiBearerAuth('bearer')
  @ApiTags('Mediation')
  @ApiOperation({ operationId: 'rejectVisura', summary: 'Reject a deferred request', description: 'A mediator of the Comune rejects it with a reason the requester sees.' })
  @ApiOkResponse({ type: VisuraView, description: 'The request, now rejected' })
  @Problems(400, 401, 404, 409)
  async reject(@Req() req: Request, @Param('id') id: string, @Body() body: RejectionDto) {
    const c = await this.caller(req);
    return this.visure.view(await this.visure.reject(c, id, body.reason), c);
  }

  @Get('v1/verifica')
  @ApiTags('Verification')
  @ApiOperation({ operationId: 'verifyVisura', summary: 'Verify a document (public)', description: 'The document id and verification code (CVD) printed on a visura return the archived original, byte for byte, until the expiry printed on it. Throttled per address; every verification is recorded.' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The original PDF', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  @Problems(400, 404, 410, 429)
  async verify(@Req() req: Request, @Res() res: Response, @Query() q: VerificationQueryDto) {
    const doc = await this.visure.verify(q.id, q.cvd, req.ip ?? 'unknown');
    pdf(res, doc.documentId, doc.bytes);
  }

  @Get('v1/comuni/:istat/seal-certificate')
  @ApiTags('Verification')
  @ApiOperation({ operationId: 'getSealCertificate', summary: 'The Comune\'s seal certificate (public)', description: 'PEM certificate whose key signs the documents and the compact payload of the second QR, for the offline check.' })
  @ApiProduces('application/x-pem-file')
  @ApiOkResponse({ description: 'The certificate', content: { 'application/x-pem-file': { schema: { type: 'string' } } } })
  @Problems(404)
  certificate(@Res() res: Response, @Param('istat') istat: string) {
    res.status(200).type('application/x-pem-file').send(this.visure.sealCertificate(istat));
  }

  @Get('health/live')
  @ApiTags('Health')
  @ApiOperation({ operationId: 'live', summary: 'Liveness', description: 'Answers while the process runs; no token needed.' })
  @ApiOkResponse({ description: 'Alive', schema: { type: 'object', properties: { status: { type: 'string', enum: ['ok'] } }, required: ['status'] } })
  live() {
    return { status: 'ok' };
  }
}

function filterOf(q: ArchiveQueryDto) {
  return {
    state: q.state,
    type: q.type,
    username: q.username,
    from: q.from ? new Date(`${q.from}T00:00:00Z`) : undefined,
    to: q.to ? new Date(new Date(`${q.to}T00:00:00Z`).getTime() + 86400_000) : undefined,
    page: q.page,
    pageSize: q.pageSize,
  };
}
