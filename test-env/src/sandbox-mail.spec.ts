import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import nodemailer from 'nodemailer';
import { startMailCatcher } from './sandbox-mail.js';

describe('sandbox mail catcher', () => {
  it('keeps every message it receives as an .eml file', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'geres-mail-')), 'mail');
    const catcher = await startMailCatcher(dir);
    try {
      const transport = nodemailer.createTransport(catcher.url);
      await transport.sendMail({ from: 'geres@sandbox.invalid', to: 'top.bari@sandbox.geres.invalid', subject: 'Resoconto', text: 'Nessuna richiesta.' });
      transport.close();
      const files = readdirSync(dir);
      expect(files).toHaveLength(1);
      const raw = readFileSync(join(dir, files[0]), 'utf8');
      expect(raw).toMatch(/^Subject: Resoconto$/m);
      expect(raw).toMatch(/^To: top\.bari@sandbox\.geres\.invalid$/m);
    } finally {
      await catcher.close();
    }
  });
});
