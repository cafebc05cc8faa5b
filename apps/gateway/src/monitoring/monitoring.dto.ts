import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsCalendarDate } from '../common/validation.js';
import { PageQuery } from '../governance/governance.dto.js';

@ApiSchema({ name: 'BachecaMessageInput', description: 'A message for the Comune\'s bacheca.' })
export class CreateBachecaMessageDto {
  @ApiProperty({ maxLength: 200, description: 'Title.', example: 'Manutenzione ANPR sabato 14 marzo' })
  @IsString() @IsNotEmpty() @MaxLength(200) title!: string;

  @ApiProperty({ maxLength: 4000, description: 'Text (plain text; line breaks are kept).', example: 'ANPR non sarà disponibile dalle 20:00 alle 24:00.' })
  @IsString() @IsNotEmpty() @MaxLength(4000) body!: string;

  @ApiProperty({ format: 'date', description: 'First day shown.', example: '2026-03-10' })
  @IsCalendarDate() validFrom!: string;

  @ApiPropertyOptional({ format: 'date', description: 'Last day shown; without it, until removed.', example: '2026-03-14' })
  @IsOptional() @IsCalendarDate() validTo?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'For a private message: the one user it is for (a user the caller manages). Without it the message is public: for every user who works with the Comune.' })
  @IsOptional() @IsUUID() recipientId?: string;
}

@ApiSchema({ name: 'BachecaMessageChange', description: 'Changes to a message of the bacheca.' })
export class UpdateBachecaMessageDto {
  @ApiPropertyOptional({ maxLength: 200, description: 'Title.', example: 'Manutenzione ANPR rinviata' })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) title?: string;

  @ApiPropertyOptional({ maxLength: 4000, description: 'Text.', example: 'La manutenzione è rinviata a sabato 21 marzo.' })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(4000) body?: string;

  @ApiPropertyOptional({ format: 'date', description: 'First day shown.', example: '2026-03-10' })
  @IsOptional() @IsCalendarDate() validFrom?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Last day shown.', example: '2026-03-21' })
  @IsOptional() @IsCalendarDate() validTo?: string;
}

export class PeriodQuery {
  @ApiPropertyOptional({ format: 'date', description: 'From this day (Europe/Rome), inclusive; default 30 days before `to`.', example: '2026-03-01' })
  @IsOptional() @IsCalendarDate() from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'To this day (Europe/Rome), inclusive; default today.', example: '2026-03-31' })
  @IsOptional() @IsCalendarDate() to?: string;
}

export class RendicontazioneQuery extends PeriodQuery {
  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json', description: '`csv` answers a CSV file (`;`, UTF-8 with BOM) for a spreadsheet.', example: 'csv' })
  @IsOptional() @IsIn(['json', 'csv']) format?: 'json' | 'csv';
}

export class BachecaListQuery extends PageQuery {}
