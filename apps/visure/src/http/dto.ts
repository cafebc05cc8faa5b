import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { VISURA_TYPES, type VisuraType } from '#libs/domain';
import { REQUEST_STATES, type RequestState } from '../persistence/entities.js';

export class LuogoNascitaDto {
  @ApiPropertyOptional({ description: 'ISTAT code of the Comune of birth', example: '072006' })
  @IsOptional()
  @Matches(/^\d{6}$/)
  codiceIstatComune?: string;
}

/** One search criterion (R-VIS-3). */
export class CriterionDto {
  @ApiProperty({ enum: ['codiceFiscale', 'idANPR', 'documento', 'generalita'], description: 'Which criterion this is' })
  @IsIn(['codiceFiscale', 'idANPR', 'documento', 'generalita'])
  type!: 'codiceFiscale' | 'idANPR' | 'documento' | 'generalita';

  @ApiPropertyOptional({ description: 'For codiceFiscale', example: 'NRECLD70B17A662M' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9]{16}$/)
  codiceFiscale?: string;

  @ApiPropertyOptional({ description: 'For idANPR' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9]{9}$/)
  idANPR?: string;

  @ApiPropertyOptional({ enum: ['cartaIdentita', 'permessoSoggiorno', 'passaporto'], description: 'For documento: carta d’identità, permesso di soggiorno or passaporto' })
  @IsOptional()
  @IsIn(['cartaIdentita', 'permessoSoggiorno', 'passaporto'])
  tipoDocumento?: 'cartaIdentita' | 'permessoSoggiorno' | 'passaporto';

  @ApiPropertyOptional({ description: 'For documento: its number' })
  @IsOptional()
  @IsString()
  @MaxLength(30)
  numeroDocumento?: string;

  @ApiPropertyOptional({ description: 'For generalita: surname' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  cognome?: string;

  @ApiPropertyOptional({ description: 'For generalita: first name(s)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  nome?: string;

  @ApiPropertyOptional({ description: 'For generalita, optional: birth date', format: 'date' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  dataNascita?: string;

  @ApiPropertyOptional({ type: LuogoNascitaDto, description: 'For generalita, optional (with dataNascita): birth place' })
  @IsOptional()
  @ValidateNested()
  @Type(() => LuogoNascitaDto)
  luogoNascita?: LuogoNascitaDto;
}

export class SearchDto {
  @ApiProperty({ enum: VISURA_TYPES, description: 'The visura type wanted; your profile must allow it' })
  @IsIn(VISURA_TYPES)
  type!: VisuraType;

  @ApiProperty({ description: 'ISTAT code of the Comune the request concerns', example: '072006' })
  @Matches(/^\d{6}$/)
  comune!: string;

  @ApiProperty({ description: 'Reason: case or protocol number', example: 'Pratica 2026/77' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  motivoRichiesta!: string;

  @ApiProperty({ type: CriterionDto })
  @IsObject()
  @ValidateNested()
  @Type(() => CriterionDto)
  criterion!: CriterionDto;
}

export class VisuraRequestDto {
  @ApiProperty({ enum: VISURA_TYPES, description: 'The visura type; your profile must allow it' })
  @IsIn(VISURA_TYPES)
  type!: VisuraType;

  @ApiProperty({ description: 'ISTAT code of the Comune the request concerns', example: '072006' })
  @Matches(/^\d{6}$/)
  comune!: string;

  @ApiProperty({ description: 'Reason: case or protocol number', example: 'Pratica 2026/77' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  motivoRichiesta!: string;

  @ApiPropertyOptional({ type: CriterionDto, description: 'The criterion, when no search was made first' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => CriterionDto)
  criterion?: CriterionDto;

  @ApiPropertyOptional({ description: 'A search made first (POST /v1/searches)' })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  searchId?: string;

  @ApiPropertyOptional({ type: 'integer', description: 'With searchId: the index of the chosen candidate' })
  @IsOptional()
  @IsInt()
  @Min(0)
  candidate?: number;
}

export class RejectionDto {
  @ApiProperty({ description: 'Why the request is rejected (shown to the requester)', example: 'Motivazione non pertinente' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}

export class ArchiveQueryDto {
  @ApiPropertyOptional({ enum: REQUEST_STATES })
  @IsOptional()
  @IsIn(REQUEST_STATES)
  state?: RequestState;

  @ApiPropertyOptional({ enum: VISURA_TYPES })
  @IsOptional()
  @IsIn(VISURA_TYPES)
  type?: VisuraType;

  @ApiPropertyOptional({ description: 'From this date (inclusive)', format: 'date' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  from?: string;

  @ApiPropertyOptional({ description: 'Up to this date (inclusive)', format: 'date' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  to?: string;

  @ApiPropertyOptional({ description: 'Requests of this user only' })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  username?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 1000, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  pageSize?: number;
}

export class VerificationQueryDto {
  @ApiProperty({ description: 'The document id printed on the visura', example: 'VIS-2026-ABCDEFGHJK' })
  @IsString()
  @MaxLength(40)
  id!: string;

  @ApiProperty({ description: 'The verification code (CVD) printed on the visura', example: 'K7PQ-4MZ2-XW9D' })
  @IsString()
  @MaxLength(20)
  cvd!: string;
}

class SubjectView {
  @ApiProperty() codiceFiscale!: string;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiProperty({ type: String, nullable: true }) birthDate!: string | null;
}
class RequesterView {
  @ApiProperty() id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() name!: string;
  @ApiProperty() role!: string;
}

/** A request as its viewer may see it (STANDARDPS requests of others are masked). */
export class VisuraView {
  @ApiProperty({ description: 'Id of the request' }) id!: string;
  @ApiProperty({ enum: VISURA_TYPES }) type!: VisuraType;
  @ApiProperty({ description: 'Printed title of the type' }) title!: string;
  @ApiProperty({ enum: REQUEST_STATES, description: 'Where the request stands' }) state!: RequestState;
  @ApiProperty({ type: String, nullable: true, enum: ['real_time', 'deferred_mediator', 'deferred_silent_consent', 'comune_of_residence_only'], description: 'How it was routed' }) route!: string | null;
  @ApiProperty({ description: 'ISTAT code of the Comune' }) comune!: string;
  @ApiProperty({ description: 'Kind of criterion used' }) criterionKind!: string;
  @ApiProperty({ type: SubjectView, nullable: true, description: 'The subject; null until identified or when masked' }) subject!: SubjectView | null;
  @ApiProperty({ type: RequesterView, nullable: true, description: 'Who asked; null when masked' }) requester!: RequesterView | null;
  @ApiProperty({ type: String, nullable: true, description: 'Mediatore ANPR' }) mediator!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Refusal, rejection or failure reason (Italian)' }) reason!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'For the comune_only outcome: the name of the Comune of residence' }) comuneResidenza!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'ANPR protocol (idOperazioneANPR)' }) anprProtocol!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The issued document id' }) documentId!: string | null;
  @ApiProperty({ type: String, nullable: true }) motivoRichiesta!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) decidedAt!: string | null;
}

export class VisuraPage {
  @ApiProperty({ type: [VisuraView] }) items!: VisuraView[];
  @ApiProperty({ type: 'integer' }) page!: number;
  @ApiProperty({ type: 'integer' }) pageSize!: number;
  @ApiProperty({ type: 'integer' }) total!: number;
}

export class CandidateView {
  @ApiProperty({ type: 'integer', description: 'Pass it as candidate' }) index!: number;
  @ApiProperty() cognome!: string;
  @ApiProperty() nome!: string;
  @ApiProperty() dataNascita!: string;
  @ApiProperty() luogoNascita!: string;
}

export class SearchResultView {
  @ApiProperty({ description: 'Pass it as searchId' }) searchId!: string;
  @ApiProperty({ type: [CandidateView] }) candidates!: CandidateView[];
}

/** An RFC 9457 problem document. */
export class Problem {
  @ApiProperty({ description: 'Stable problem type, urn:geres:visure:problem:<name>', example: 'urn:geres:visure:problem:cannot-issue' }) type!: string;
  @ApiProperty({ description: 'Short summary of the type' }) title!: string;
  @ApiProperty({ type: 'integer', description: 'HTTP status' }) status!: number;
  @ApiProperty({ description: 'What happened, for the person using the service (Italian)' }) detail!: string;
  @ApiPropertyOptional({ description: 'With cannot-issue and anpr-unavailable: the request kept in the archive' }) visuraId?: string;
  @ApiPropertyOptional({ description: 'With more-than-one-subject: the search to choose from' }) searchId?: string;
  @ApiPropertyOptional({ type: [CandidateView], description: 'With more-than-one-subject: the candidates' }) candidates?: CandidateView[];
}
