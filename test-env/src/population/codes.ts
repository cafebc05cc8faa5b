/**
 * ANPR decoding-table codes the population uses (tables in ../shared/anpr/tables). Descriptions of
 * Tabella 1 (stato civile) and of the legame tables (5 famiglia, 6 convivenza) are not repeated
 * here: they come from '#libs/anpr', so the simulator and the adapters decode a code the same way.
 */

/** Codici legame the generator assigns: Tabella 5 in a famiglia (tipo 3 and 5), Tabella 6 in a convivenza (tipo 4). */
export const LEGAME_FAMIGLIA = { intestatario: '1', coniuge: '2', figlio: '3', genitore: '6', convivente: '23', unitoCivilmente: '28' } as const;
export const LEGAME_IN_CONVIVENZA = { responsabile: '1', membro: '2' } as const;

/** Tabella 25, Tipo indirizzo. */
export const TIPO_INDIRIZZO = { residenza: '1', residenzaEstera: '4' } as const;

/** tipoScheda / tipo famiglia. */
export { TIPO_SCHEDA as TIPO_FAMIGLIA } from '#libs/anpr';
