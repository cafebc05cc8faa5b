import { Inject } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { RIVESTIZIONE_QUEUE } from './bullmq-queue.js';
import type { ChunkJob, RivestizioneEngine } from './rivestizione.engine.js';

export const ENGINE = Symbol('RivestizioneEngine');

/** The BullMQ worker: a job names a chunk; the engine reads its rows from the database. */
@Processor(RIVESTIZIONE_QUEUE, { concurrency: 4, lockDuration: 60_000, maxStalledCount: 5 })
export class ChunkProcessor extends WorkerHost {
  constructor(@Inject(ENGINE) private readonly engine: RivestizioneEngine) {
    super();
  }

  async process(job: Job<ChunkJob>): Promise<{ processed: number }> {
    return this.engine.processChunk(job.data);
  }
}
