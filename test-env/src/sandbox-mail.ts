import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';

export interface MailCatcher {
  /** smtp://127.0.0.1:<port>, for the gateway's SMTP_URL. */
  url: string;
  /** Where each message is kept, one .eml file per message. */
  dir: string;
  close(): Promise<void>;
}

/**
 * The sandbox's mail catcher: an SMTP server on the loopback interface that accepts every message
 * (the daily reports) and keeps it as an .eml file, for testers to read; nothing leaves the machine.
 */
export async function startMailCatcher(dir: string, port = 0): Promise<MailCatcher> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  let n = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 10 * 1024 * 1024,
    onData(stream, _session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${String(++n).padStart(4, '0')}.eml`;
        writeFileSync(join(dir, name), Buffer.concat(chunks), { mode: 0o600 });
        cb();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${address.port}`, dir, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
