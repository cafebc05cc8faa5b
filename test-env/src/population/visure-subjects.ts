/**
 * Which catalogue identity issues each of the 14 visura types, and which one each "cannot issue"
 * rule refuses (issue 11). The visure end-to-end suite and SANDBOX-CATALOGUE.md both read these.
 */
export const VISURE_SUBJECTS: ReadonlyArray<{ type: string; title: string; key: string }> = [
  { type: 'anagrafica_nascita', title: 'Anagrafica di Nascita', key: 'demo-resident' },
  { type: 'esistenza_in_vita', title: 'Esistenza in Vita', key: 'demo-resident' },
  { type: 'anagrafica_morte', title: 'Anagrafica di Morte', key: 'deceased' },
  { type: 'cittadinanza', title: 'Cittadinanza', key: 'naturalised' },
  { type: 'anagrafica_matrimonio', title: 'Anagrafica di Matrimonio', key: 'married' },
  { type: 'stato_libero', title: 'Stato Libero', key: 'demo-resident' },
  { type: 'residenza', title: 'Residenza', key: 'demo-resident' },
  { type: 'stato_civile', title: 'Stato Civile', key: 'widowed' },
  { type: 'stato_famiglia', title: 'Stato di Famiglia', key: 'family-with-children' },
  { type: 'stato_famiglia_parentela', title: 'Stato di Famiglia con rapporti di parentela', key: 'family-with-children' },
  { type: 'stato_famiglia_aire', title: 'Stato di Famiglia AIRE', key: 'aire-citizen' },
  { type: 'residenza_aire', title: 'Residenza AIRE', key: 'aire-citizen' },
  { type: 'storica_cittadinanza', title: 'Storica di Cittadinanza', key: 'naturalised' },
  { type: 'storica_residenza', title: 'Storica di Residenza', key: 'moved' },
];

export const VISURE_REFUSALS: ReadonlyArray<{ type: string; key: string; rule: string }> = [
  { type: 'esistenza_in_vita', key: 'deceased', rule: 'Esistenza in vita of a deceased person' },
  { type: 'anagrafica_morte', key: 'demo-resident', rule: 'Anagrafica di morte of a living person' },
  { type: 'stato_libero', key: 'married', rule: 'Stato libero of a married person' },
  { type: 'stato_libero', key: 'civil-union', rule: 'Stato libero of a person in a civil union' },
  { type: 'residenza_aire', key: 'demo-resident', rule: 'An AIRE type for a subject not in AIRE' },
  { type: 'stato_famiglia_aire', key: 'demo-resident', rule: 'An AIRE type for a subject not in AIRE' },
  { type: 'residenza', key: 'aire-citizen', rule: 'Residenza of an AIRE subject (the AIRE type applies)' },
  { type: 'anagrafica_matrimonio', key: 'demo-resident', rule: 'Anagrafica di matrimonio of someone never married' },
];

/** Routing: a resident of the demo Comune, and someone living elsewhere (the mediator's queue, the Comune of residence only). */
export const VISURE_ROUTING = { resident: 'demo-resident', nonResident: 'not-resident-in-comune' } as const;
