import type { Queue } from 'bullmq';
import type { ChunkJob, ChunkQueue } from './rivestizione.engine.js';

export const RIVESTIZIONE_QUEUE = 'rivestizione-chunks';

/**
 * BullMQ: the job id is the request and chunk, so adding a chunk that is waiting, delayed or active
 * does nothing; finished jobs are removed so that a chunk with rows left can be queued again.
 * The payload is ids and positions only, never an identifier.
 */
export class BullMqChunkQueue implements ChunkQueue {
  constructor(private readonly queue: Queue) {}

  async enqueue(job: ChunkJob): Promise<void> {
    await this.queue.add('chunk', job, {
      jobId: `${job.requestId}-${job.chunk}`,
      removeOnComplete: true,
      removeOnFail: true,
      attempts: 3,
      backoff: { type: 'exponential', delay: 1000 },
    });
  }

  async close(): Promise<void> {}
}
