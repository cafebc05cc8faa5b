import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/**
 * The normalised person model of the lookup API, field by field. Names follow ANPR's vocabulary
 * (tipoDato.xsd / E000Vocabolario.xsd); dates are ISO YYYY-MM-DD. A section the caller did not ask
 * for, or that ANPR has nothing for, is absent.
 */

export class ComuneRef {
  @ApiProperty({ description: 'ISTAT code of the Comune', example: '072006' }) codiceIstat!: string;
  @ApiProperty({ description: 'Name of the Comune', example: 'BARI' }) nomeComune!: string;
  @ApiPropertyOptional({ description: 'Province abbreviation', example: 'BA' }) siglaProvincia?: string;
  @ApiPropertyOptional({ description: 'Cadastral (Belfiore) code', example: 'A662' }) codiceCatastale?: string;
}

export class LocalitaEstera {
  @ApiProperty({ description: 'ISTAT code of the foreign state', example: '219' }) codiceStato!: string;
  @ApiProperty({ description: 'Name of the foreign state', example: 'FRANCIA' }) descrizioneStato!: string;
  @ApiPropertyOptional({ description: 'Place abroad', example: 'PARIGI' }) descrizioneLocalita?: string;
}

export class Luogo {
  @ApiPropertyOptional({ type: ComuneRef, description: 'An Italian Comune' }) comune?: ComuneRef;
  @ApiPropertyOptional({ type: LocalitaEstera, description: 'A place abroad' }) localita?: LocalitaEstera;
}

export class Generalita {
  @ApiProperty({ example: 'NRECLD70B17A662M' }) codiceFiscale!: string;
  @ApiPropertyOptional({ description: 'Validation of the codice fiscale by Agenzia delle Entrate: 1 validated, 9 not validated', example: '1' }) validitaCF?: string;
  @ApiProperty({ example: 'NERI' }) cognome!: string;
  @ApiProperty({ example: 'CLAUDIO' }) nome!: string;
  @ApiProperty({ enum: ['M', 'F', 'N'], example: 'M' }) sesso!: 'M' | 'F' | 'N';
  @ApiProperty({ format: 'date', example: '1970-02-17' }) dataNascita!: string;
  @ApiProperty({ type: Luogo }) luogoNascita!: Luogo;
  @ApiPropertyOptional({ description: 'Registered in AIRE (Italian citizen resident abroad)' }) soggettoAIRE?: boolean;
}

export class Toponimo {
  @ApiProperty({ description: 'Specie (Tabella 4)', example: 'VIA' }) specie!: string;
  @ApiProperty({ example: 'SPARANO DA BARI' }) denominazione!: string;
}

export class NumeroCivico {
  @ApiPropertyOptional({ example: '12' }) numero?: string;
  @ApiPropertyOptional({ example: 'B' }) lettera?: string;
  @ApiPropertyOptional() interno?: string;
  @ApiPropertyOptional() scala?: string;
  @ApiPropertyOptional() piano?: string;
}

export class Indirizzo {
  @ApiPropertyOptional({ example: '70122' }) cap?: string;
  @ApiProperty({ type: ComuneRef }) comune!: ComuneRef;
  @ApiPropertyOptional() frazione?: string;
  @ApiProperty({ type: Toponimo }) toponimo!: Toponimo;
  @ApiPropertyOptional({ type: NumeroCivico }) numeroCivico?: NumeroCivico;
}

export class ResidenzaEstera {
  @ApiProperty({ example: '219' }) codiceStato!: string;
  @ApiProperty({ example: 'FRANCIA' }) descrizioneStato!: string;
  @ApiPropertyOptional({ example: 'PARIGI' }) localita?: string;
  @ApiPropertyOptional({ example: 'RUE DE RIVOLI 10' }) indirizzo?: string;
  @ApiPropertyOptional({ description: 'Consular office', example: 'PARIGI' }) consolato?: string;
}

export class Residenza {
  @ApiProperty({ description: 'Tabella 25: 1 residenza, 4 residenza estera, 7 ultima residenza italiana…', example: '1' }) tipoIndirizzo!: string;
  @ApiPropertyOptional({ type: Indirizzo }) indirizzo?: Indirizzo;
  @ApiPropertyOptional({ type: ResidenzaEstera }) localitaEstera?: ResidenzaEstera;
  @ApiPropertyOptional({ description: '"Presso" (care of)' }) presso?: string;
  @ApiPropertyOptional({ format: 'date', example: '2012-04-01' }) dataDecorrenza?: string;
  @ApiPropertyOptional({ format: 'date', description: 'End date, for historical entries' }) dataFine?: string;
}

export class Cittadinanza {
  @ApiProperty({ description: 'ISTAT state code (100 = Italia)', example: '100' }) codiceStato!: string;
  @ApiProperty({ example: 'ITALIA' }) descrizioneStato!: string;
  @ApiPropertyOptional({ format: 'date' }) dataDecorrenza?: string;
  @ApiPropertyOptional({ format: 'date' }) dataFine?: string;
}

export class StatoCivile {
  @ApiProperty({ description: 'Tabella 1: 1 celibe/nubile, 2 coniugato, 3 vedovo, 4 divorziato, 6 unito civilmente, 7/8 stato libero', example: '2' }) codice!: string;
  @ApiProperty({ example: 'Coniugato/a' }) descrizione!: string;
  @ApiPropertyOptional({ format: 'date' }) dataEvento?: string;
}

export class Coniuge {
  @ApiPropertyOptional() codiceFiscale?: string;
  @ApiProperty() cognome!: string;
  @ApiProperty() nome!: string;
}

export class EventoMatrimonio {
  @ApiProperty({ enum: ['matrimonio', 'unioneCivile'] }) tipo!: 'matrimonio' | 'unioneCivile';
  @ApiProperty({ format: 'date' }) data!: string;
  @ApiPropertyOptional({ type: Luogo }) luogo?: Luogo;
  @ApiPropertyOptional({ type: Coniuge }) coniuge?: Coniuge;
  @ApiPropertyOptional({ format: 'date', description: 'When it ended (divorce, dissolution, death)' }) dataCessazione?: string;
  @ApiPropertyOptional() motivoCessazione?: string;
}

export class Decesso {
  @ApiProperty({ format: 'date' }) data!: string;
  @ApiPropertyOptional({ type: Luogo }) luogo?: Luogo;
}

export class DocumentoIdentita {
  @ApiProperty({ enum: ['cartaIdentita', 'permessoSoggiorno', 'passaporto'] }) tipo!: 'cartaIdentita' | 'permessoSoggiorno' | 'passaporto';
  @ApiProperty({ example: 'CE05403EQ' }) numero!: string;
  @ApiPropertyOptional({ format: 'date' }) dataRilascio?: string;
  @ApiPropertyOptional({ format: 'date' }) dataScadenza?: string;
  @ApiPropertyOptional({ description: 'Issuing Comune (ISTAT) or authority' }) rilasciatoDa?: string;
  @ApiPropertyOptional({ description: 'Tabella 8, for permessi di soggiorno' }) tipoSoggiorno?: string;
}

export class ComponenteFamiglia {
  @ApiProperty() codiceFiscale!: string;
  @ApiPropertyOptional() idANPR?: string;
  @ApiProperty() cognome!: string;
  @ApiProperty() nome!: string;
  @ApiPropertyOptional({ format: 'date' }) dataNascita?: string;
  @ApiProperty({ description: 'Tabella 5 (famiglia) or Tabella 6 (convivenza)', example: '1' }) codiceLegame!: string;
  @ApiProperty({ example: 'Intestatario Scheda' }) descrizioneLegame!: string;
}

export class Famiglia {
  @ApiProperty({ description: '3 famiglia, 4 convivenza, 5 famiglia AIRE', example: '3' }) tipo!: string;
  @ApiPropertyOptional() idFamiglia?: string;
  @ApiProperty({ type: [ComponenteFamiglia] }) componenti!: ComponenteFamiglia[];
}

export class IscrizioneAire {
  @ApiProperty({ type: ComuneRef }) comuneIscrizione!: ComuneRef;
  @ApiProperty({ format: 'date' }) dataIscrizione!: string;
  @ApiPropertyOptional() motivo?: string;
}

export class Person {
  @ApiProperty({ description: 'National ANPR identifier, 9 characters', example: 'SZ82865K3' }) idANPR!: string;
  @ApiPropertyOptional({ type: Generalita, description: 'Section generalita' }) generalita?: Generalita;
  @ApiPropertyOptional({ type: [Residenza], description: 'Section residenza' }) residenza?: Residenza[];
  @ApiPropertyOptional({ type: [Cittadinanza], description: 'Section cittadinanza' }) cittadinanza?: Cittadinanza[];
  @ApiPropertyOptional({ type: StatoCivile, description: 'Section statoCivile' }) statoCivile?: StatoCivile;
  @ApiPropertyOptional({ type: [EventoMatrimonio], description: 'Section matrimonio (marriages and civil unions)' }) matrimoni?: EventoMatrimonio[];
  @ApiPropertyOptional({ type: Decesso, description: 'Section decesso' }) decesso?: Decesso;
  @ApiPropertyOptional({ type: [DocumentoIdentita], description: 'Section documenti' }) documenti?: DocumentoIdentita[];
  @ApiPropertyOptional({ type: Famiglia, description: 'Section famiglia' }) famiglia?: Famiglia;
  @ApiPropertyOptional({ type: IscrizioneAire, description: 'Section aire' }) aire?: IscrizioneAire;
  @ApiPropertyOptional({ type: [Residenza], description: 'Section storici: past residences' }) storicoResidenza?: Residenza[];
  @ApiPropertyOptional({ type: [Cittadinanza], description: 'Section storici: past citizenships' }) storicoCittadinanza?: Cittadinanza[];
}

export class AnprWarning {
  @ApiProperty({ description: 'ANPR warning code', example: 'EN148' }) code!: string;
  @ApiProperty({ example: 'Interrogazione effettuata per codice fiscale invece che per idANPR' }) text!: string;
}

export class PersonSearchResult {
  @ApiProperty({ type: [Person], description: 'The subjects found, with the sections granted' }) persons!: Person[];
  @ApiProperty({ description: "ANPR's id of the operation (idOperazioneANPR), recorded in the audit trail", example: '7301944' }) anprOperationId!: string;
  @ApiProperty({ type: [AnprWarning] }) warnings!: AnprWarning[];
  @ApiProperty({ description: 'ISTAT code of the Comune whose credentials were used', example: '072006' }) comune!: string;
  @ApiProperty({ format: 'date', description: 'As-of date of the answer' }) asOf!: string;
  @ApiProperty({ description: 'The request id, also in X-Request-Id' }) requestId!: string;
}

export class Usage {
  @ApiProperty({ format: 'date', description: 'The Italian calendar day counted' }) day!: string;
  @ApiProperty({ type: 'integer', minimum: 0, example: 500, description: 'Lookups the profile allows per day' }) dailyQuota!: number;
  @ApiProperty({ type: 'integer', minimum: 0, example: 12, description: 'Lookups made today' }) used!: number;
  @ApiProperty({ type: 'integer', minimum: 0, example: 488, description: 'Lookups left today' }) remaining!: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Seconds until the quota resets (Italian midnight)' }) resetsInSeconds!: number;
}
