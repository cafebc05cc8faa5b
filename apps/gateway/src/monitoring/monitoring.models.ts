import { ApiProperty, ApiSchema } from '@nestjs/swagger';

const UUID = { type: String, format: 'uuid', example: '0b7e4c9e-3f0a-4f57-9d0e-2f5c1a6b8d21' } as const;

@ApiSchema({ description: 'A message of a Comune\'s bacheca.' })
export class BachecaMessageView {
  @ApiProperty({ ...UUID, description: 'Id of the message.' }) id!: string;
  @ApiProperty({ pattern: '^\\d{6}$', description: 'ISTAT code of the Comune whose bacheca it is on.', example: '072006' }) comune!: string;
  @ApiProperty({ description: 'Name of the Comune.', example: 'Bari' }) comuneNome!: string;
  @ApiProperty({ description: 'Title.', example: 'Manutenzione ANPR sabato 14 marzo' }) title!: string;
  @ApiProperty({ description: 'Text.', example: 'ANPR non sarà disponibile dalle 20:00 alle 24:00.' }) body!: string;
  @ApiProperty({ format: 'date', description: 'First day shown.', example: '2026-03-10' }) validFrom!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'Last day shown; null: until removed.', example: '2026-03-14' }) validTo!: string | null;
  @ApiProperty({ description: 'True for a private message (for one user).', example: false }) private!: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The user a private message is for (shown to its author and to them).', example: null }) recipientId!: string | null;
  @ApiProperty({ description: 'Name of the author.', example: 'Anna Lorusso (Ufficio Anagrafe)' }) authorName!: string;
  @ApiProperty({ format: 'date-time', description: 'When it was written.', example: '2026-03-09T10:15:00.000Z' }) createdAt!: string;
}

@ApiSchema({ description: 'Messages of the bacheca.' })
export class BachecaMessageList {
  @ApiProperty({ type: () => [BachecaMessageView], description: 'The messages, newest first.' }) items!: BachecaMessageView[];
  @ApiProperty({ type: 'integer', description: 'Page returned.', example: 1 }) page!: number;
  @ApiProperty({ type: 'integer', description: 'Items per page.', example: 50 }) pageSize!: number;
  @ApiProperty({ type: 'integer', description: 'Messages in all.', example: 3 }) total!: number;
}

@ApiSchema({ description: 'A count under a key.' })
export class CountItem {
  @ApiProperty({ description: 'What is counted: an outcome, a visura type, a day, an Ente or user id.', example: 'ok' }) key!: string;
  @ApiProperty({ type: String, nullable: true, description: 'A readable name for the key (Ente name, username), when there is one.', example: 'Consorzio Servizi Idrici Pugliesi' }) label!: string | null;
  @ApiProperty({ type: 'integer', description: 'How many.', example: 42 }) count!: number;
}

@ApiSchema({ description: 'Lookups and visure in a period, within what the caller may monitor (R-STAT-1, R-VIS-11).' })
export class Statistics {
  @ApiProperty({ format: 'date', description: 'First day counted.', example: '2026-03-01' }) from!: string;
  @ApiProperty({ format: 'date', description: 'Last day counted.', example: '2026-03-31' }) to!: string;
  @ApiProperty({ type: 'integer', description: 'Requests that reached ANPR or were refused (intents not counted twice).', example: 120 }) requests!: number;
  @ApiProperty({ type: 'integer', description: 'Distinct subjects (codici fiscali or idANPR) in the answers.', example: 87 }) subjects!: number;
  @ApiProperty({ type: () => [CountItem], description: 'By outcome (ok, not_found, denied, error).' }) byOutcome!: CountItem[];
  @ApiProperty({ type: () => [CountItem], description: 'By purpose (lookup, rivestizione, visura:<type>).' }) byPurpose!: CountItem[];
  @ApiProperty({ type: () => [CountItem], description: 'Visure by type.' }) visureByType!: CountItem[];
  @ApiProperty({ type: () => [CountItem], description: 'By Ente (key: Ente id; requests of a Comune\'s own TOP users under key "comune").' }) byEnte!: CountItem[];
  @ApiProperty({ type: () => [CountItem], description: 'By user (key: user id, label: username).' }) byUser!: CountItem[];
  @ApiProperty({ type: () => [CountItem], description: 'By acting service (visure, rivestizione, console; "direct" for calls made without one).' }) byService!: CountItem[];
  @ApiProperty({ type: () => [CountItem], description: 'By day (Europe/Rome).' }) byDay!: CountItem[];
}

@ApiSchema({ description: 'One line of the rendicontazione: what an Ente asked of a Comune in a period.' })
export class RendicontazioneLine {
  @ApiProperty({ ...UUID, description: 'Id of the Ente.' }) enteId!: string;
  @ApiProperty({ description: 'Name of the Ente.', example: 'Polizia Locale di Bari' }) enteName!: string;
  @ApiProperty({ enum: ['municipal_office', 'external_body'], description: 'A municipal office or an external body.', example: 'external_body' }) kind!: string;
  @ApiProperty({ type: 'integer', description: 'Lookups answered by ANPR (found or not found).', example: 340 }) lookups!: number;
  @ApiProperty({ type: 'integer', description: 'Of which for visure.', example: 25 }) visure!: number;
  @ApiProperty({ type: 'integer', description: 'Of which for rivestizione.', example: 300 }) rivestizione!: number;
}

@ApiSchema({ description: 'The rendicontazione of a Comune for a period (R-VIS-11): the basis to split the annual fee.' })
export class Rendicontazione {
  @ApiProperty({ pattern: '^\\d{6}$', description: 'ISTAT code of the Comune.', example: '072006' }) comune!: string;
  @ApiProperty({ format: 'date', description: 'First day counted.', example: '2026-01-01' }) from!: string;
  @ApiProperty({ format: 'date', description: 'Last day counted.', example: '2026-12-31' }) to!: string;
  @ApiProperty({ type: () => [RendicontazioneLine], description: 'One line per Ente, most lookups first.' }) lines!: RendicontazioneLine[];
}

@ApiSchema({ description: 'An alarm (R-VIS-10): requests at night, one subject asked too often, or a body\'s volume far above its own history.' })
export class AlarmView {
  @ApiProperty({ enum: ['night', 'repeated_subject', 'volume'], description: 'What raised it.', example: 'night' }) kind!: string;
  @ApiProperty({ format: 'date', description: 'Day (Europe/Rome).', example: '2026-03-14' }) day!: string;
  @ApiProperty({ pattern: '^\\d{6}$', description: 'Comune the requests concerned.', example: '072006' }) comune!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Ente of the requests (volume, and requests by users of an Ente).', example: null }) enteId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'User, for night requests.', example: null }) userId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Their username.', example: 'm.rossi' }) username!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The subject asked too often (repeated_subject).', example: null }) subject!: string | null;
  @ApiProperty({ type: 'integer', description: 'Requests behind the alarm.', example: 7 }) count!: number;
  @ApiProperty({ description: 'Why, in Italian, for the console.', example: 'Richiesta alle 23:14, nella fascia notturna 22:00–06:00' }) reason!: string;
  @ApiProperty({ type: [String], description: 'Request ids behind it (at most 50): search the audit trail by them.', example: ['3f2a…'] }) requestIds!: string[];
}

@ApiSchema({ description: 'Alarms in a period, newest day first.' })
export class AlarmList {
  @ApiProperty({ format: 'date', description: 'First day examined.', example: '2026-03-01' }) from!: string;
  @ApiProperty({ format: 'date', description: 'Last day examined.', example: '2026-03-31' }) to!: string;
  @ApiProperty({ type: () => [AlarmView], description: 'The alarms.' }) items!: AlarmView[];
}
