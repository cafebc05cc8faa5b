import { Type } from 'class-transformer';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ESITI, REQUEST_STATES } from '../database/entities.js';

export class ListItemDto {
  @ApiProperty({ description: 'Identifier type: codiceFiscale, cartaIdentita, idANPR, permessoSoggiorno, passaporto (or its file code CF, CI, ID, PS, PP)', example: 'codiceFiscale' })
  @IsString()
  type!: string;

  @ApiProperty({ description: 'The identifier', example: 'RSSMRA85T10A562S' })
  @IsString()
  value!: string;

  @ApiPropertyOptional({ type: 'string', nullable: true, description: 'Your own reference, returned with the result (≤ 50 characters)', example: 'PRAT-0001' })
  @IsOptional()
  @IsString()
  reference?: string | null;
}

export class ValidateListRequest {
  @ApiProperty({ type: [ListItemDto], description: 'The subjects, in order' })
  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => ListItemDto)
  items!: ListItemDto[];
}

export class CreateRivestizioneRequest extends ValidateListRequest {
  @ApiProperty({ description: 'ISTAT code of the Comune whose ANPR credentials and registry office the request uses', example: '072006' })
  @Matches(/^\d{6}$/, { message: 'comune must be a 6-digit ISTAT code' })
  comune!: string;

  @ApiProperty({ description: 'Reason for the request: case or protocol number (sent with every lookup)', example: 'Ruolo TARI 2026' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  motivoRichiesta!: string;

  @ApiPropertyOptional({ description: 'Submit the valid rows even though some are not valid (the others come back as SCARTATO)', default: false })
  @IsOptional()
  @IsBoolean()
  acceptInvalidRows?: boolean;
}

/** The query parameters of a file sent as text/csv or multipart. */
export class SubmitFileQuery {
  @ApiPropertyOptional({ description: 'ISTAT code of the Comune (multipart: may be a form field instead)', example: '072006' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'comune must be a 6-digit ISTAT code' })
  comune?: string;

  @ApiPropertyOptional({ description: 'Reason for the request (multipart: may be a form field instead)', example: 'Ruolo TARI 2026' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  motivoRichiesta?: string;

  @ApiPropertyOptional({ description: 'Submit the valid rows even though some are not valid', enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'])
  acceptInvalidRows?: 'true' | 'false';

  @ApiPropertyOptional({ description: 'Record layout; default: told from the first line', enum: ['auto', 'csv', 'fixed-width'] })
  @IsOptional()
  @IsIn(['auto', 'csv', 'fixed-width'])
  format?: 'auto' | 'csv' | 'fixed-width';
}

export class RowIssueView {
  @ApiProperty({ description: 'Line of the file (or 1-based position in the list)', example: 3 }) line!: number;
  @ApiProperty({ description: 'Column or property', example: 'identificativo' }) field!: string;
  @ApiProperty({ description: 'Stable reason code', example: 'invalid-check-character' }) reason!: string;
  @ApiProperty({ description: 'Italian message for the person', example: 'Carattere di controllo del codice fiscale errato' }) message!: string;
}

export class ValidationReportView {
  @ApiProperty({ enum: ['csv', 'fixed-width', 'list'] }) format!: string;
  @ApiPropertyOptional({ enum: [';', ','] }) delimiter?: string;
  @ApiProperty() totalRows!: number;
  @ApiProperty() validRows!: number;
  @ApiProperty() invalidRows!: number;
  @ApiProperty({ type: [RowIssueView] }) errors!: RowIssueView[];
  @ApiProperty({ type: [RowIssueView] }) warnings!: RowIssueView[];
}

export class ResultFileView {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'rivestizione-1a2b3c4d-001.csv' }) name!: string;
  @ApiProperty({ description: 'Bytes' }) size!: number;
  @ApiProperty() rows!: number;
  @ApiProperty({ description: 'SHA-256 of the file, hex' }) sha256!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ description: 'The file was deleted after its retention period; the archive keeps its SHA-256' }) deleted!: boolean;
}

export class CountsView {
  @ApiProperty({ description: 'Rows read (valid and not)' }) total!: number;
  @ApiProperty() valid!: number;
  @ApiProperty() invalid!: number;
  @ApiProperty({ description: 'Rows with their result' }) done!: number;
  @ApiProperty({ description: 'Rows answered with data' }) ok!: number;
  @ApiProperty({ description: 'Rows ended with ERRORE or SCARTATO' }) errors!: number;
}

export class RivestizioneView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: REQUEST_STATES, description: 'caricata, in_convalida, convalidata, respinta, in_lavorazione, completata, completata_con_errori' }) state!: string;
  @ApiProperty({ description: 'The state in Italian, with progress (e.g. "In lavorazione 120/1000")' }) stateLabel!: string;
  @ApiProperty() comune!: string;
  @ApiProperty() motivoRichiesta!: string;
  @ApiProperty() submitter!: string;
  @ApiPropertyOptional({ type: 'string', nullable: true }) sourceName!: string | null;
  @ApiProperty({ type: CountsView }) counts!: CountsView;
  @ApiProperty({ type: [String], description: 'Columns of the result files between riferimento and esito' }) fields!: string[];
  @ApiPropertyOptional({ type: 'string', nullable: true, description: 'Rejection reason, or why processing stopped' }) reason!: string | null;
  @ApiPropertyOptional({ type: 'string', nullable: true, description: 'Who approved or rejected: an officer, silenzio-assenso or automatica' }) validator!: string | null;
  @ApiPropertyOptional({ type: 'string', nullable: true, format: 'date-time', description: 'Forecast end of processing (completamento previsto) within the Comune\'s windows and daily budget' })
  completamentoPrevisto!: string | null;
  @ApiProperty({ description: 'True when the rows left need more than today\'s budget' }) exceedsTodayBudget!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiPropertyOptional({ type: 'string', nullable: true, format: 'date-time' }) decidedAt!: string | null;
  @ApiPropertyOptional({ type: 'string', nullable: true, format: 'date-time' }) completedAt!: string | null;
  @ApiProperty({ type: [ResultFileView] }) files!: ResultFileView[];
}

export class RivestizionePage {
  @ApiProperty({ type: [RivestizioneView] }) items!: RivestizioneView[];
  @ApiProperty() total!: number;
}

export class ListQuery {
  @ApiPropertyOptional({ enum: REQUEST_STATES }) @IsOptional() @IsIn(REQUEST_STATES) state?: string;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) offset?: number;
}

export class RejectRequest {
  @ApiProperty({ description: 'Why the request is rejected (shown to the submitter)', example: 'Finalità non indicata' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}

export class ProcessingWindowDto {
  @ApiProperty({ example: '08:00' }) @Matches(/^(?:[01]\d|2[0-3]):[0-5]\d$/, { message: 'from must be HH:MM' }) from!: string;
  @ApiProperty({ example: '18:00' }) @Matches(/^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/, { message: 'to must be HH:MM (24:00 allowed)' }) to!: string;
}

export class ComuneSettingsDto {
  @ApiProperty({ description: 'Each request waits for a registry officer\'s convalida' }) @IsBoolean() convalidaRequired!: boolean;
  @ApiPropertyOptional({ type: 'integer', nullable: true, description: 'Approved by silent consent after this many hours; null: never' })
  @IsOptional() @IsInt() @Min(1) @Max(24 * 30) silentConsentHours!: number | null;
  @ApiProperty({ description: 'Lookups in flight at once, across all workers' }) @IsInt() @Min(1) @Max(64) concurrency!: number;
  @ApiProperty({ description: 'Lookups started per second, across all workers' }) @IsInt() @Min(1) @Max(1000) ratePerSecond!: number;
  @ApiProperty({ description: 'Lookups per day (Europe/Rome)' }) @IsInt() @Min(1) dailyBudget!: number;
  @ApiProperty({ type: [ProcessingWindowDto], description: 'When processing may run, Europe/Rome; default 08:00–18:00 (outside ANPR\'s 20–24 maintenance and the 18–08 monitored band)' })
  @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => ProcessingWindowDto) windows!: ProcessingWindowDto[];
}

export class ComuneSettingsView extends ComuneSettingsDto {
  @ApiProperty() comune!: string;
  @ApiPropertyOptional({ type: 'string', nullable: true }) updatedBy!: string | null;
  @ApiProperty({ description: 'Lookups charged today' }) usedToday!: number;
}

export const ESITO_VALUES = ESITI;
