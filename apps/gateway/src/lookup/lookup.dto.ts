import { Type } from 'class-transformer';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayUnique, IsArray, IsIn, IsNotEmpty, IsObject, IsOptional, IsString, Matches, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { LOOKUP_SECTIONS, VISURA_TYPES, type LookupSection, type VisuraType } from '#libs/domain';
import { apiEnum } from '../common/api-enums.js';
import { IsCalendarDate } from '../common/validation.js';

export const CRITERION_TYPES = ['codiceFiscale', 'idANPR', 'documento', 'generalita'] as const;
export const DOCUMENT_TYPES = ['cartaIdentita', 'permessoSoggiorno', 'passaporto'] as const;
export const PURPOSES = ['lookup', 'visura', 'rivestizione'] as const;

export class BirthPlaceDto {
  @ApiPropertyOptional({ description: 'ISTAT code of the Italian Comune of birth', example: '072006' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'luogoNascita.codiceIstatComune must be a 6-digit ISTAT code' })
  codiceIstatComune?: string;

  @ApiPropertyOptional({ description: 'ISTAT code of the foreign state of birth', example: '201' })
  @IsOptional()
  @Matches(/^\d{3}$/, { message: 'luogoNascita.codiceStato must be a 3-digit ISTAT state code' })
  codiceStato?: string;
}

/** One search criterion, chosen by `type`; the other fields are required according to it. */
export class CriterionDto {
  @ApiProperty({ enum: CRITERION_TYPES, description: 'Which criterion this is', example: 'codiceFiscale' })
  @IsIn(CRITERION_TYPES)
  type!: (typeof CRITERION_TYPES)[number];

  @ApiPropertyOptional({ description: 'For type codiceFiscale: the 16-character codice fiscale (omocodic forms accepted)', example: 'RSSMRA85T10A662V' })
  @ValidateIf((c: CriterionDto) => c.type === 'codiceFiscale')
  @IsString()
  @IsNotEmpty()
  codiceFiscale?: string;

  @ApiPropertyOptional({ description: 'For type idANPR: the 9-character national identifier', example: 'SZ82865K3' })
  @ValidateIf((c: CriterionDto) => c.type === 'idANPR')
  @IsString()
  @IsNotEmpty()
  idANPR?: string;

  @ApiPropertyOptional({ enum: DOCUMENT_TYPES, description: 'For type documento: the kind of identity document' })
  @ValidateIf((c: CriterionDto) => c.type === 'documento')
  @IsIn(DOCUMENT_TYPES)
  tipoDocumento?: (typeof DOCUMENT_TYPES)[number];

  @ApiPropertyOptional({ description: 'For type documento: the document number', example: 'CA12345AB' })
  @ValidateIf((c: CriterionDto) => c.type === 'documento')
  @IsString()
  @IsNotEmpty()
  @MaxLength(30)
  numeroDocumento?: string;

  @ApiPropertyOptional({ description: 'For type generalita: surname', example: 'ROSSI' })
  @ValidateIf((c: CriterionDto) => c.type === 'generalita')
  @IsString()
  @IsNotEmpty()
  @MaxLength(80)
  cognome?: string;

  @ApiPropertyOptional({ description: 'For type generalita: first name(s)', example: 'MARIO' })
  @ValidateIf((c: CriterionDto) => c.type === 'generalita')
  @IsString()
  @IsNotEmpty()
  @MaxLength(80)
  nome?: string;

  @ApiPropertyOptional({ description: 'For type generalita, optional: birth date', example: '1985-12-10', format: 'date' })
  @IsOptional()
  @IsCalendarDate({ message: 'criterion.dataNascita must be a real date written YYYY-MM-DD' })
  dataNascita?: string;

  @ApiPropertyOptional({ type: BirthPlaceDto, description: 'For type generalita, optional (with dataNascita): birth place' })
  @IsOptional()
  @IsObject({ message: 'criterion.luogoNascita must be an object' })
  @ValidateNested()
  @Type(() => BirthPlaceDto)
  luogoNascita?: BirthPlaceDto;
}

export class SearchPersonsDto {
  @ApiProperty({ type: CriterionDto, description: 'The search criterion' })
  @IsObject({ message: 'criterion must be an object' })
  @ValidateNested()
  @Type(() => CriterionDto)
  criterion!: CriterionDto;

  @ApiProperty({ ...apiEnum('LookupSection'), isArray: true, description: 'Sections wanted; each must be allowed by your profile', example: ['generalita', 'residenza'] })
  @IsArray()
  @ArrayUnique()
  @IsIn(LOOKUP_SECTIONS, { each: true })
  sections!: LookupSection[];

  @ApiProperty({ description: 'ISTAT code of the Comune the request concerns: its ANPR credentials are used', example: '072006' })
  @Matches(/^\d{6}$/, { message: 'comune must be a 6-digit ISTAT code' })
  comune!: string;

  @ApiProperty({ description: 'Reason for the request: case or protocol number (motivoRichiesta)', example: 'Pratica TARI 2026/1234' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  motivoRichiesta!: string;

  @ApiPropertyOptional({ enum: PURPOSES, default: 'lookup', description: 'What the data is for' })
  @IsOptional()
  @IsIn(PURPOSES)
  purpose?: (typeof PURPOSES)[number];

  @ApiPropertyOptional({ enum: VISURA_TYPES, description: 'With purpose visura: the visura type, which your profile must allow' })
  @ValidateIf((d: SearchPersonsDto) => d.purpose === 'visura')
  @IsIn(VISURA_TYPES)
  visuraType?: VisuraType;

  @ApiPropertyOptional({ description: 'As-of date (dataRiferimentoRichiesta); default today', example: '2026-01-31', format: 'date' })
  @IsOptional()
  @IsCalendarDate({ message: 'asOf must be a real date written YYYY-MM-DD' })
  asOf?: string;
}

export class GetPersonQuery {
  @ApiProperty({ description: 'ISTAT code of the Comune the request concerns', example: '072006' })
  @Matches(/^\d{6}$/, { message: 'comune must be a 6-digit ISTAT code' })
  comune!: string;

  @ApiProperty({ description: 'Comma-separated sections', example: 'generalita,residenza', maxLength: 200 })
  @IsString()
  @MaxLength(200)
  sections!: string;

  @ApiProperty({ description: 'Reason for the request (motivoRichiesta)', example: 'Pratica 2026/77' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  motivoRichiesta!: string;

  @ApiPropertyOptional({ description: 'As-of date', format: 'date' })
  @IsOptional()
  @IsCalendarDate({ message: 'asOf must be a real date written YYYY-MM-DD' })
  asOf?: string;
}
