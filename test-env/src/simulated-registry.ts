import type { NormalisedPerson, PersonQuery } from '#libs/anpr';

/**
 * The simulated ANPR's data source: a deterministic synthetic population. The SOAP and PDND
 * simulator handlers only translate wire formats; every business answer comes from here.
 */
export interface SimulatedRegistry {
  /**
   * Persons matching the criterion as of `query.asOf`, with every section filled in (the channel
   * handlers trim to what was asked). An empty array means "not found" (EN122); more than one for
   * a unique criterion means ambiguity.
   */
  search(query: PersonQuery): NormalisedPerson[];
  /** Number of people in the population. */
  readonly size: number;
}
