import type { ChunkJob, ChunkQueue, RivestizioneEngine } from './rivestizione.engine.js';

/**
 * Without Redis: the same chunk processor, run in this process, fed by the dispatcher from the
 * database. A chunk already running or waiting is not queued twice.
 */
export class InProcessChunkQueue implements ChunkQueue {
  private readonly keys = new Set<string>();
  private readonly waiting: ChunkJob[] = [];
  private running = 0;
  private closed = false;
  private readonly idle: Array<() => void> = [];

  constructor(
    private readonly engine: RivestizioneEngine,
    private readonly parallelChunks = 4,
    private readonly onError: (e: unknown) => void = () => {},
  ) {}

  async enqueue(job: ChunkJob): Promise<void> {
    const key = `${job.requestId}:${job.chunk}`;
    if (this.closed || this.keys.has(key)) return;
    this.keys.add(key);
    this.waiting.push(job);
    this.pump();
  }

  private pump() {
    while (!this.closed && this.running < this.parallelChunks && this.waiting.length) {
      const job = this.waiting.shift()!;
      this.running++;
      void this.engine
        .processChunk(job)
        .catch(this.onError)
        .finally(() => {
          this.running--;
          this.keys.delete(`${job.requestId}:${job.chunk}`);
          if (this.running === 0 && !this.waiting.length) this.idle.splice(0).forEach((f) => f());
          this.pump();
        });
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.waiting.length = 0;
    if (this.running > 0) await new Promise<void>((resolve) => this.idle.push(resolve));
  }
}
