/**
 * Source of idOperazioneComune / idOperazioneClient. ANPR requires it numeric and strictly
 * increasing per Comune, and replays its earlier answer when an id is reused, so two gateway
 * instances must never hand out the same value: production uses a persisted sequence.
 */
export interface OperationIdSource {
  /** The next id for this Comune (ISTAT code): digits only, at most 30, greater than any before. */
  next(codiceIstat: string): Promise<string>;
}

/** Process-local source for tests and single-instance sandboxes. */
export class InMemoryOperationIdSource implements OperationIdSource {
  private readonly last = new Map<string, bigint>();

  /** `start` is the value before the first id handed out (per Comune). */
  constructor(private readonly start: bigint = 0n) {}

  async next(codiceIstat: string): Promise<string> {
    const n = (this.last.get(codiceIstat) ?? this.start) + 1n;
    this.last.set(codiceIstat, n);
    return n.toString();
  }
}
