import { GeResConnectionError, GeResError, GeResTimeoutError, type FieldError } from '../../../../sdk/src/index.js';

/** The gateway's problem types, said in Italian for the person at the screen. */
const PROBLEM_MESSAGES: Record<string, string> = {
  'invalid-credentials': 'Nome utente o password errati.',
  'account-locked': 'L\'account è temporaneamente bloccato dopo troppi tentativi non riusciti. Riprova più tardi.',
  'account-suspended': 'L\'account è sospeso. Rivolgiti al tuo amministratore.',
  'password-change-required': 'Prima di continuare devi cambiare la password.',
  'invalid-token': 'La sessione non è più valida. Accedi di nuovo.',
  unauthenticated: 'La sessione non è più valida. Accedi di nuovo.',
  forbidden: 'Questa funzione non rientra nella tua area di competenza.',
  'grant-exceeds-own': 'Non puoi concedere più di quanto preveda il tuo profilo.',
  'not-found': 'Elemento non trovato, oppure non rientra nella tua area di competenza.',
  conflict: 'L\'operazione è in conflitto con lo stato attuale (ad esempio un nome o un codice già in uso).',
  'weak-password':
    'La password non rispetta le regole: almeno 12 caratteri, almeno tre tipi fra minuscole, maiuscole, cifre e simboli, e senza il nome utente.',
  'import-failed': 'Il file contiene errori: non è stato importato nessun utente. Correggi le righe indicate e riprova.',
  'validation-failed': 'Alcuni dati non sono validi: correggi i campi indicati.',
  'bad-request': 'La richiesta non è valida.',
  'rate-limited': 'Troppe richieste in poco tempo: attendi qualche istante e riprova.',
  'payload-too-large': 'Il file è troppo grande (al massimo 5 MB).',
  'unsupported-media-type': 'Formato del file non accettato.',
  'workstation-not-authorised': 'Questa postazione non è autorizzata dal Comune.',
  'operator-required': 'Operazione non consentita.',
  'operator-not-allowed': 'Operazione non consentita.',
  'forbidden-by-profile': 'Il tuo profilo non consente questa richiesta.',
  'comune-not-agreed': 'Il tuo ente non ha una convenzione attiva con questo Comune.',
  'quota-exceeded': 'Hai esaurito la quota giornaliera di interrogazioni.',
  'anpr-unavailable': 'ANPR non è al momento raggiungibile. Riprova più tardi.',
  'anpr-rejected': 'ANPR ha rifiutato la richiesta del gateway.',
  'service-unavailable': 'Il servizio non è al momento disponibile. Riprova più tardi.',
  'internal-error': 'Si è verificato un errore interno del gateway.',
};

/** Names of request fields as the forms call them. */
const FIELD_LABELS: Record<string, string> = {
  username: 'Nome utente',
  name: 'Nome e cognome',
  email: 'E-mail',
  role: 'Ruolo',
  enteId: 'Ente',
  ente: 'Ente',
  password: 'Password',
  newPassword: 'Nuova password',
  currentPassword: 'Password attuale',
  anprOperatorId: 'Identificativo operatore ANPR',
  mediator: 'Mediatore',
  codiceFiscale: 'Codice fiscale',
  kind: 'Tipo',
  'convenzione.validFrom': 'Inizio validità',
  'convenzione.validTo': 'Fine validità',
  'convenzione.reference': 'Riferimento della convenzione',
  validFrom: 'Inizio validità',
  validTo: 'Fine validità',
  code: 'Codice postazione',
  label: 'Descrizione',
  ipRange: 'Indirizzi IP',
  certFingerprint: 'Impronta del certificato',
  dailyQuota: 'Quota giornaliera',
  allowedComuni: 'Comuni',
  sections: 'Sezioni',
  visuraTypes: 'Tipi di visura',
  rivestizioneFields: 'Campi di rivestizione',
  scope: 'Ambito',
  silentConsentHours: 'Ore per il silenzio-assenso',
  alarmNightStart: 'Inizio fascia notturna',
  alarmNightEnd: 'Fine fascia notturna',
  alarmRepeatThreshold: 'Soglia di richieste sullo stesso soggetto',
};

export interface ShownError {
  message: string;
  /** Field or row errors, with the gateway's own explanation (in English). */
  details: { label: string; message: string }[];
  requestId?: string;
  status: number;
}

export function fieldLabel(field: string | undefined, row?: number): string {
  const name = field ? (FIELD_LABELS[field] ?? field) : '';
  if (row !== undefined) return name ? `Riga ${row}, ${name}` : `Riga ${row}`;
  return name || 'Richiesta';
}

/** What to show for an error of the gateway (or of reaching it). */
export function describeError(e: unknown): ShownError {
  if (e instanceof GeResTimeoutError || e instanceof GeResConnectionError) {
    return { message: 'Il gateway GeRes non risponde. Riprova tra qualche istante.', details: [], status: 503 };
  }
  if (e instanceof GeResError) {
    const name = e.problemName ?? '';
    const errors = (e.problem?.errors ?? []) as FieldError[];
    const details = errors.map((fe) => ({ label: fieldLabel(fe.field, fe.row), message: fe.message }));
    for (const v of (e.problem?.violations as string[] | undefined) ?? []) details.push({ label: 'Non concedibile', message: v });
    return {
      message: PROBLEM_MESSAGES[name] ?? (e.status && e.status >= 500 ? PROBLEM_MESSAGES['service-unavailable'] : 'La richiesta non è andata a buon fine.'),
      details,
      requestId: e.requestId,
      status: e.status ?? 502,
    };
  }
  return { message: 'Si è verificato un errore imprevisto.', details: [], status: 500 };
}

export const ROLE_LABELS: Record<string, string> = {
  TOP: 'TOP (ufficiale d\'anagrafe)',
  ADMIN: 'Amministratore di ente',
  STANDARD: 'Operatore',
  STANDARDPS: 'Operatore di pubblica sicurezza',
};

export const OUTCOME_LABELS: Record<string, string> = {
  ok: 'Riuscita',
  not_found: 'Soggetto non trovato',
  denied: 'Negata',
  error: 'Errore',
  pending: 'In corso',
};

export const ACCESS_EVENT_LABELS: Record<string, string> = {
  login_success: 'Accesso',
  login_failure: 'Accesso non riuscito',
  login_throttled: 'Accesso rallentato',
  logout: 'Uscita',
  token_refresh: 'Rinnovo sessione',
  function: 'Funzione',
  delegation: 'Delega a un servizio',
};

export const SECTION_LABELS: Record<string, string> = {
  generalita: 'Generalità',
  residenza: 'Residenza',
  famiglia: 'Famiglia',
  cittadinanza: 'Cittadinanza',
  statoCivile: 'Stato civile',
  matrimonio: 'Matrimonio',
  decesso: 'Decesso',
  documenti: 'Documenti',
  aire: 'AIRE',
  storici: 'Dati storici',
};

export const VISURA_LABELS: Record<string, string> = {
  anagrafica_nascita: 'Anagrafica di nascita',
  esistenza_in_vita: 'Esistenza in vita',
  anagrafica_morte: 'Anagrafica di morte',
  cittadinanza: 'Cittadinanza',
  anagrafica_matrimonio: 'Anagrafica di matrimonio',
  stato_libero: 'Stato libero',
  residenza: 'Residenza',
  stato_civile: 'Stato civile',
  stato_famiglia: 'Stato di famiglia',
  stato_famiglia_parentela: 'Stato di famiglia con rapporti di parentela',
  stato_famiglia_aire: 'Stato di famiglia AIRE',
  residenza_aire: 'Residenza AIRE',
  storica_cittadinanza: 'Storica di cittadinanza',
  storica_residenza: 'Storica di residenza',
};

export const RIVESTIZIONE_LABELS: Record<string, string> = {
  codiceFiscale: 'Codice fiscale',
  idANPR: 'ID ANPR',
  cognome: 'Cognome',
  nome: 'Nome',
  sesso: 'Sesso',
  dataNascita: 'Data di nascita',
  luogoNascita: 'Luogo di nascita',
  cittadinanza: 'Cittadinanza',
  statoCivile: 'Stato civile',
  indirizzoResidenza: 'Indirizzo di residenza',
  comuneResidenza: 'Comune di residenza',
  dataDecorrenzaResidenza: 'Decorrenza della residenza',
  soggettoAIRE: 'Iscritto AIRE',
  dataDecesso: 'Data di decesso',
  documentoIdentita: 'Documento d\'identità',
};
