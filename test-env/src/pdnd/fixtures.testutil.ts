/**
 * Test-only helpers for the PDND specs: five people for a FakeRegistry (../fake-registry.testutil.ts)
 * and an HTTP server around the simulator handler. The real synthetic population lives in
 * test-env/src/population.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NormalisedPerson } from '#libs/anpr';

const ROMA = { codiceIstat: '058091', nomeComune: 'ROMA', siglaProvincia: 'RM' };
const MILANO = { codiceIstat: '015146', nomeComune: 'MILANO', siglaProvincia: 'MI' };

const mario: NormalisedPerson = {
  idANPR: 'AB12345CV',
  generalita: {
    codiceFiscale: 'RSSMRA80A01H501U',
    validitaCF: '1',
    cognome: 'ROSSI',
    nome: 'MARIO',
    sesso: 'M',
    dataNascita: '1980-01-01',
    luogoNascita: { comune: ROMA },
  },
  residenza: [
    {
      tipoIndirizzo: '1',
      indirizzo: {
        cap: '00184',
        comune: ROMA,
        toponimo: { specie: 'VIA', denominazione: 'NAZIONALE' },
        numeroCivico: { numero: '10', lettera: 'B', interno: '4', scala: 'A', piano: '2' },
      },
      dataDecorrenza: '2015-03-01',
    },
  ],
  famiglia: {
    tipo: '3',
    componenti: [
      { codiceFiscale: 'RSSMRA80A01H501U', idANPR: 'AB12345CV', cognome: 'ROSSI', nome: 'MARIO', dataNascita: '1980-01-01', codiceLegame: '1', descrizioneLegame: 'Intestatario Scheda' },
      { codiceFiscale: 'BNCNNA82B41F205V', idANPR: 'EF67890GM', cognome: 'BIANCHI', nome: 'ANNA', dataNascita: '1982-02-01', codiceLegame: '2', descrizioneLegame: 'Marito / Moglie' },
      { codiceFiscale: 'RSSLCU10C15H501J', idANPR: 'LM24680NZ', cognome: 'ROSSI', nome: 'LUCA', dataNascita: '2010-03-15', codiceLegame: '3', descrizioneLegame: 'Figlio / Figlia' },
    ],
  },
};

const anna: NormalisedPerson = {
  idANPR: 'EF67890GM',
  generalita: {
    codiceFiscale: 'BNCNNA82B41F205V',
    cognome: 'BIANCHI',
    nome: 'ANNA',
    sesso: 'F',
    dataNascita: '1982-02-01',
    luogoNascita: { comune: MILANO },
  },
  residenza: mario.residenza,
  famiglia: mario.famiglia,
};

const luca: NormalisedPerson = {
  idANPR: 'LM24680NZ',
  generalita: {
    codiceFiscale: 'RSSLCU10C15H501J',
    cognome: 'ROSSI',
    nome: 'LUCA',
    sesso: 'M',
    dataNascita: '2010-03-15',
    luogoNascita: { comune: ROMA },
  },
  residenza: mario.residenza,
  famiglia: mario.famiglia,
};

/** A homonym of Luca in another family: a name search for ROSSI LUCA finds two people. */
const lucaMilano: NormalisedPerson = {
  idANPR: 'QR13579S7',
  generalita: {
    codiceFiscale: 'RSSLCU75D20F205Z',
    cognome: 'ROSSI',
    nome: 'LUCA',
    sesso: 'M',
    dataNascita: '1975-04-20',
    luogoNascita: { comune: MILANO },
  },
  residenza: [{ tipoIndirizzo: '1', indirizzo: { comune: MILANO, toponimo: { specie: 'CORSO', denominazione: 'BUENOS AIRES' }, numeroCivico: { numero: '5' } } }],
};

/** Deceased, formerly an AIRE citizen living in Buenos Aires. */
const giuseppe: NormalisedPerson = {
  idANPR: 'UV97531WN',
  generalita: {
    codiceFiscale: 'VRDGPP40E10Z600P',
    validitaCF: '1',
    cognome: 'VERDI',
    nome: 'GIUSEPPE',
    sesso: 'M',
    dataNascita: '1940-05-10',
    luogoNascita: { localita: { codiceStato: '602', descrizioneStato: 'ARGENTINA', descrizioneLocalita: 'ROSARIO' } },
    soggettoAIRE: true,
  },
  residenza: [
    {
      tipoIndirizzo: '4',
      localitaEstera: {
        codiceStato: '602',
        descrizioneStato: 'ARGENTINA',
        localita: 'BUENOS AIRES',
        indirizzo: 'AVENIDA CORRIENTES 1234',
        consolato: 'CONSOLATO GENERALE BUENOS AIRES',
      },
      dataDecorrenza: '1990-06-01',
    },
  ],
  decesso: { data: '2020-11-03', luogo: { localita: { codiceStato: '602', descrizioneStato: 'ARGENTINA' } } },
  famiglia: {
    tipo: '5',
    componenti: [{ codiceFiscale: 'VRDGPP40E10Z600P', idANPR: 'UV97531WN', cognome: 'VERDI', nome: 'GIUSEPPE', codiceLegame: '1', descrizioneLegame: 'Intestatario Scheda' }],
  },
};

export const PEOPLE = { mario, anna, luca, lucaMilano, giuseppe };

export interface RunningServer {
  server: Server;
  baseUrl: string;
  close(): Promise<void>;
}

export async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>): Promise<RunningServer> {
  const server = createServer((req, res) => {
    void handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
