import type { IncomingMessage } from 'node:http';

/** The request body was larger than the reader allows. */
export class RequestTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`Request too large (more than ${limit} bytes)`);
    this.name = 'RequestTooLargeError';
  }
}

/** Reads a request body, refusing (RequestTooLargeError) more than `limit` bytes. */
export async function readRequestBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += b.length;
    if (size > limit) throw new RequestTooLargeError(limit);
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}
