import type { NormalisedPerson, PersonQuery } from '#libs/anpr';
import type { SimulatedRegistry } from './simulated-registry.js';

/**
 * A registry of a handful of hand-written people, for the simulator's and the adapters' own tests
 * (the fixtures are beside each channel: soap/fixtures.ts, pdnd/fixtures.testutil.ts). It records
 * every query it is asked, so that a test can see what reached the registry. The sandbox uses the
 * synthetic population instead (population/registry.ts).
 */
export interface FakeRegistry extends SimulatedRegistry {
  readonly queries: PersonQuery[];
}

export function createFakeRegistry(persons: readonly NormalisedPerson[]): FakeRegistry {
  const queries: PersonQuery[] = [];
  const matches = (p: NormalisedPerson, c: PersonQuery['criterion']): boolean => {
    const g = p.generalita;
    switch (c.kind) {
      case 'codiceFiscale':
        return g?.codiceFiscale === c.codiceFiscale.toUpperCase();
      case 'idANPR':
        return p.idANPR === c.idANPR.toUpperCase();
      case 'documento':
        return (p.documenti ?? []).some((d) => d.tipo === c.tipo && d.numero === c.numero);
      case 'generalita':
        return (
          g?.cognome === c.cognome.toUpperCase() &&
          g.nome === c.nome.toUpperCase() &&
          (!c.dataNascita || g.dataNascita === c.dataNascita) &&
          (!c.luogoNascita?.codiceIstatComune || g.luogoNascita.comune?.codiceIstat === c.luogoNascita.codiceIstatComune) &&
          (!c.luogoNascita?.codiceStato || g.luogoNascita.localita?.codiceStato === c.luogoNascita.codiceStato)
        );
    }
  };
  return {
    queries,
    size: persons.length,
    search(query) {
      queries.push(query);
      const found = persons.filter((p) => matches(p, query.criterion));
      // Nobody is known before birth: enough to show that the as-of date reaches the registry.
      const known = query.asOf ? found.filter((p) => !p.generalita || p.generalita.dataNascita <= query.asOf!) : found;
      return structuredClone(known);
    },
  };
}
