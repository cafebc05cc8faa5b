import type { VisuraDocumentInput } from '../visura-document.types.js';

/** Synthetic visure (fictitious people) for tests, the bench and looking at the layout. */
const common = {
  comune: { name: 'Bari', istatCode: '072006', logo: null },
  anpr: { protocol: '20226098', date: new Date('2026-12-03T09:41:12Z') },
  requestedBy: 'Giovanna Lopez (Polizia Locale)',
  verification: { baseUrl: 'https://visure.comune.bari.example/verifica', code: 'K7PQ-4MZ2-XW9D', expiresOn: new Date('2027-06-03T00:00:00Z') },
  issuedAt: new Date('2026-12-03T09:41:13Z'),
} satisfies Partial<VisuraDocumentInput>;

const subject = [
  { label: 'Cognome', value: 'NERI' },
  { label: 'Nome', value: 'CLAUDIO' },
  { label: 'Sesso', value: 'M' },
  { label: 'Nato/a il', value: '17/02/1970' },
  { label: 'A', value: 'BARI (BA)' },
  { label: 'Codice fiscale', value: 'NRECLD70B17A662M' },
];

export const residenzaSample: VisuraDocumentInput = {
  ...common,
  type: 'residenza',
  documentId: 'VIS-2026-000123',
  sections: [
    { rows: [...subject, { label: 'Soggetto AIRE', value: 'No' }] },
    {
      heading: 'Residenza',
      rows: [
        { label: 'Tipo indirizzo', value: 'Residenza' },
        { label: 'Indirizzo', value: 'VIA SPARANO DA BARI 112, scala B, interno 7' },
        { label: 'Comune', value: 'BARI (BA)' },
        { label: 'Data decorrenza', value: '16/07/2010' },
        { label: 'Data iscrizione', value: '16/05/1999' },
        { label: 'Motivo iscrizione', value: 'Immigrazione da altro comune' },
        { label: 'Luogo provenienza', value: 'LECCE (LE)' },
      ],
    },
  ],
};

export const statoFamigliaParentelaSample: VisuraDocumentInput = {
  ...common,
  type: 'stato_famiglia_parentela',
  documentId: 'VIS-2026-000124',
  mediator: 'Marta Colonna (Ufficio Anagrafe)',
  sections: [
    { rows: [...subject] },
    {
      heading: 'Famiglia anagrafica',
      rows: [
        { label: 'Indirizzo', value: 'VIA SPARANO DA BARI 112, scala B, interno 7 - BARI (BA)' },
        { label: 'Intestatario scheda', value: 'NERI CLAUDIO' },
      ],
      table: {
        caption: 'Componenti della famiglia',
        columns: ['Cognome e nome', 'Nato/a il', 'Luogo di nascita', 'Codice fiscale', 'Rapporto con l\'intestatario'],
        rows: [
          ['NERI CLAUDIO', '17/02/1970', 'BARI (BA)', 'NRECLD70B17A662M', 'Intestatario scheda'],
          ['DE SANTIS ANNA', '03/09/1972', 'MOLFETTA (BA)', 'DSNNNA72P43F284K', 'Coniuge'],
          ['NERI MATTEO', '21/11/2001', 'BARI (BA)', 'NREMTT01S21A662V', 'Figlio'],
          ['NERI GIULIA', '08/04/2005', 'BARI (BA)', 'NREGLI05D48A662Q', 'Figlia'],
          ['DE SANTIS ROSA', '30/01/1945', 'MOLFETTA (BA)', 'DSNRSO45A70F284T', 'Suocera'],
        ],
      },
    },
  ],
};

const streets = ['VIA CALEFATI', 'CORSO CAVOUR', 'VIA DANTE ALIGHIERI', 'VIA PUTIGNANI', 'VIALE UNITÀ D\'ITALIA', 'VIA ABATE GIMMA'];
const comuni = ['BARI (BA)', 'LECCE (LE)', 'TARANTO (TA)', 'BARI (BA)', 'MATERA (MT)', 'FOGGIA (FG)'];

export const storicaResidenzaSample: VisuraDocumentInput = {
  ...common,
  type: 'storica_residenza',
  documentId: 'VIS-2026-000125',
  sections: [
    { rows: [...subject] },
    {
      heading: 'Residenze',
      table: {
        caption: 'Periodi di residenza risultanti in ANPR',
        columns: ['Dal', 'Al', 'Indirizzo', 'Comune', 'Motivo'],
        rows: Array.from({ length: 30 }, (_, i) => {
          const from = 1970 + i;
          return [
            `01/0${(i % 9) + 1}/${from}`,
            i === 29 ? '' : `31/0${(i % 9) + 1}/${from + 1}`,
            `${streets[i % streets.length]} ${10 + i}`,
            comuni[i % comuni.length]!,
            i === 0 ? 'Nascita' : 'Cambio di abitazione',
          ];
        }),
      },
    },
  ],
};

export const samples: readonly VisuraDocumentInput[] = [residenzaSample, statoFamigliaParentelaSample, storicaResidenzaSample];
