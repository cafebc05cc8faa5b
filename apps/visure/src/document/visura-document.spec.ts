import { execFileSync, spawnSync } from 'node:child_process';
import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import QRCode from 'qrcode';
import { VISURA_TYPES } from '#libs/domain';
import {
  compactPayloadClaims,
  renderVisura,
  SealKeystore,
  sealPdf,
  verificationUrl,
  verifyCompactPayload,
  VISURA_TITLES,
  type VisuraDocumentInput,
} from './index.js';
import { residenzaSample, samples, statoFamigliaParentelaSample, storicaResidenzaSample } from './testing/sample-visure.js';
import { createTestSealPki, type TestSealPki } from './testing/test-pki.js';

// Independent checks with Debian tools (poppler-utils, zbar-tools, qpdf; .ci/run installs them).
const TOOLS = ['pdfsig', 'pdfinfo', 'pdftotext', 'pdftoppm', 'pdffonts', 'pdfimages', 'zbarimg', 'qpdf'];
const missing = TOOLS.filter((t) => spawnSync('sh', ['-c', `command -v ${t}`]).status !== 0);
if (missing.length > 0) {
  console.warn(`visura document: SKIPPING the PDF checks, missing ${missing.join(', ')} (apt-get install poppler-utils zbar-tools qpdf)`);
}
const withTools = missing.length > 0 ? it.skip : it;

function run(cmd: string, args: string[]): { status: number | null; out: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

/** What zbarimg decodes on every page of a PDF rendered at 200 dpi (stdout only: zbar logs to stderr). */
function qrCodesOf(file: string, dir: string): string[] {
  const prefix = join(dir, 'qr-page');
  execFileSync('pdftoppm', ['-r', '200', '-gray', '-png', file, prefix]);
  const pages = readdirSync(dir).filter((f) => f.startsWith('qr-page')).map((f) => join(dir, f));
  const out = spawnSync('zbarimg', ['--raw', '-q', ...pages], { encoding: 'utf8' }).stdout;
  for (const page of pages) rmSync(page);
  return out.trim().split('\n').filter((l) => l !== '');
}

/** Text of a PDF with all whitespace runs collapsed, so wrapped values still match. */
function textOf(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

/** Every datum given for the visura, as it must appear on the page. */
function printedFields(input: VisuraDocumentInput): string[] {
  return [
    VISURA_TITLES[input.type],
    input.comune.name,
    ...input.sections.flatMap((s) => [
      ...(s.heading ? [s.heading] : []),
      ...(s.rows ?? []).flatMap((r) => [r.label, r.value]),
      ...(s.table ? [...(s.table.caption ? [s.table.caption] : []), ...s.table.columns, ...s.table.rows.flat().filter((c) => c !== '')] : []),
    ]),
    input.anpr.protocol,
    '03/12/2026 10:41', // anpr.date in Europe/Rome
    input.requestedBy,
    ...(input.mediator ? ['Mediatore ANPR', input.mediator] : []),
    input.documentId,
    input.verification.code,
    '03/06/2027', // verification.expiresOn
    "art. 43, comma 4, del DPR 445/2000",
    "art. 2712 del codice civile",
  ];
}

describe('visura document', () => {
  let dir: string;
  let pki: TestSealPki;
  let seal: SealKeystore;
  const files = new Map<string, { unsealed: string; sealed: string; input: VisuraDocumentInput; sealedBytes: Buffer }>();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'visura-'));
    pki = createTestSealPki();
    seal = SealKeystore.fromPkcs12(pki.p12, pki.password);
    for (const input of samples) {
      const pdf = await renderVisura(input, { seal });
      const sealedBytes = await sealPdf(pdf, seal, { signingTime: input.issuedAt });
      const unsealed = join(dir, `${input.type}.pdf`);
      const sealed = join(dir, `${input.type}.sealed.pdf`);
      writeFileSync(unsealed, pdf);
      writeFileSync(sealed, sealedBytes);
      files.set(input.type, { unsealed, sealed, input, sealedBytes });
    }
  }, 60_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('renders byte-identical PDFs for the same input and clock', async () => {
    const first = await renderVisura(statoFamigliaParentelaSample, { seal });
    const second = await renderVisura(statoFamigliaParentelaSample, { seal });
    expect(first.equals(second)).toBe(true);
    const other = await renderVisura({ ...statoFamigliaParentelaSample, issuedAt: new Date('2026-12-04T09:00:00Z') }, { seal });
    expect(other.equals(first)).toBe(false);
  });

  withTools('declares PDF/A-2b in the XMP, before and after sealing, and is tagged, titled and in Italian', () => {
    for (const { unsealed, sealed } of files.values()) {
      for (const file of [unsealed, sealed]) {
        const meta = run('pdfinfo', ['-meta', file]).out;
        expect(meta).toContain('<pdfaid:part>2</pdfaid:part>');
        expect(meta).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
        const info = run('pdfinfo', [file]).out;
        expect(info).toMatch(/^Tagged:\s+yes$/m);
        expect(info).toMatch(/^Title:\s+Visura .* - Comune di Bari$/m);
        expect(run('qpdf', ['--check', file])).toMatchObject({ status: 0 });
      }
    }
    const catalog = execFileSync('qpdf', ['--qdf', '--object-streams=disable', files.get('residenza')!.unsealed, '-'], { encoding: 'latin1' });
    expect(catalog).toContain('/Lang (it-IT)');
    expect(catalog).toContain('/OutputIntents');
    expect(catalog).toContain('/S /GTS_PDFA1');
  });

  withTools('embeds every font (Titillium Web)', () => {
    const fonts = run('pdffonts', [files.get('storica_residenza')!.sealed]).out.trim().split('\n').slice(2);
    expect(fonts.length).toBe(3);
    for (const line of fonts) {
      expect(line).toMatch(/TitilliumWeb/);
      expect(line).toMatch(/\byes\s+yes\s+(yes|no)\s+\d+\s+\d+$/); // emb, sub, uni
    }
  });

  withTools('prints every field of each type', () => {
    for (const { sealed, input } of files.values()) {
      const text = textOf(sealed);
      for (const field of printedFields(input)) expect({ field, found: text.includes(field.replace(/\s+/g, ' ')) }).toEqual({ field, found: true });
      const compact = text.replace(/ /g, '');
      expect(compact).toContain(verificationUrl(input));
      if (!input.mediator) expect(text).not.toContain('Mediatore ANPR');
    }
  });

  withTools('lays a long history over two pages, with page numbers', () => {
    const info = run('pdfinfo', [files.get('storica_residenza')!.sealed]).out;
    expect(info).toMatch(/^Pages:\s+2$/m);
    expect(textOf(files.get('storica_residenza')!.sealed)).toContain('Pagina 2 di 2');
    expect(run('pdfinfo', [files.get('residenza')!.sealed]).out).toMatch(/^Pages:\s+1$/m);
  });

  withTools('carries a QR with the printed verification URL and a QR with the signed payload', () => {
    const { sealed, input } = files.get('residenza')!;
    const decoded = qrCodesOf(sealed, dir);
    expect(decoded).toHaveLength(2);
    const url = decoded.find((d) => d.startsWith('https://'));
    expect(url).toBe('https://visure.comune.bari.example/verifica?id=VIS-2026-000123&cvd=K7PQ-4MZ2-XW9D');
    expect(textOf(sealed).replace(/ /g, '')).toContain(url);
    const payload = decoded.find((d) => d !== url)!;
    expect(verifyCompactPayload(payload, pki.sealCertificatePem)).toEqual(compactPayloadClaims(input));
  });

  withTools('is sealed: pdfsig reports a valid ETSI.CAdES.detached signature over the whole document', () => {
    for (const { sealed } of files.values()) {
      const out = run('pdfsig', [sealed]).out;
      expect(out).toContain('Signature Type: ETSI.CAdES.detached');
      expect(out).toContain('Signature Validation: Signature is Valid.');
      expect(out).toContain('Total document signed');
      expect(out).toContain('Signer Certificate Common Name: Comune di Bari - sigillo elettronico');
      expect(out).toContain('Signing Hash Algorithm: SHA-256');
    }
  });

  withTools('has ESS signing-certificate-v2 in the CMS signed attributes', () => {
    const bytes = files.get('residenza')!.sealedBytes.toString('latin1');
    const hex = /\/Contents\s*<([0-9A-Fa-f]+)>/.exec(bytes)![1]!.replace(/(00)+$/, '');
    // id-aa-signingCertificateV2, 1.2.840.113549.1.9.16.2.47, DER-encoded
    expect(hex.toLowerCase()).toContain('060b2a864886f70d010910022f');
  });

  withTools('renders each of the 14 types with its title, and an uploaded logo as a tagged figure', async () => {
    const logo = await QRCode.toBuffer('stemma', { type: 'png' }); // any PNG will do as a logo
    for (const type of VISURA_TYPES) {
      const file = join(dir, `type-${type}.pdf`);
      writeFileSync(file, await renderVisura({ ...residenzaSample, type, comune: { ...residenzaSample.comune, logo } }));
      const text = textOf(file);
      expect({ type, title: text.includes(VISURA_TITLES[type]) }).toEqual({ type, title: true });
      expect(run('pdfinfo', ['-meta', file]).out).toContain('<pdfaid:part>2</pdfaid:part>');
      if (type === 'residenza') {
        const images = run('pdfimages', ['-list', file]).out.trim().split('\n').slice(2);
        expect(images.filter((l) => /^\s*\d+\s+\d+\s+image\s/.test(l))).toHaveLength(1);
        const tree = execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, '-'], { encoding: 'latin1' });
        expect(tree).toContain('/Alt (Stemma del Comune di Bari)');
      }
    }
  }, 60_000);

  withTools('fails the seal check when one byte of the sealed document changes', () => {
    const { sealedBytes } = files.get('residenza')!;
    const tampered = Buffer.from(sealedBytes);
    const at = tampered.indexOf('GeRes visure');
    expect(at).toBeGreaterThan(0);
    tampered[at] = 'g'.charCodeAt(0);
    const file = join(dir, 'tampered.pdf');
    writeFileSync(file, tampered);
    const out = run('pdfsig', [file]).out;
    expect(out).not.toContain('Signature is Valid');
    expect(out).toMatch(/Signature Validation: (Digest Mismatch|Signature is Invalid)/);
  });
});

describe('compact payload', () => {
  const pki = createTestSealPki('Bari', 'x');
  const seal = SealKeystore.fromPem(pki.sealKeyPem, pki.sealCertificatePem, [pki.caCertificatePem]);

  it('verifies with the certificate and gives back the claims', async () => {
    const { createCompactPayload } = await import('./contrassegno.js');
    const payload = createCompactPayload(residenzaSample, seal);
    expect(verifyCompactPayload(payload, pki.sealCertificatePem)).toEqual({
      v: 1,
      id: 'VIS-2026-000123',
      t: 'residenza',
      c: '072006',
      p: '20226098',
      d: '2026-12-03',
      h: compactPayloadClaims(residenzaSample).h,
    });
    expect(compactPayloadClaims(residenzaSample).h).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('refuses a modified payload, another key, and an unsigned one', async () => {
    const { createCompactPayload } = await import('./contrassegno.js');
    const payload = createCompactPayload(residenzaSample, seal);
    const [header, claims, signature] = payload.split('.') as [string, string, string];
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(claims, 'base64url').toString()), p: '20226099' })).toString('base64url');
    expect(verifyCompactPayload(`${header}.${forged}.${signature}`, pki.sealCertificatePem)).toBeNull();
    const flipped = signature.slice(0, 10) + (signature[10] === 'A' ? 'B' : 'A') + signature.slice(11);
    expect(verifyCompactPayload(`${header}.${claims}.${flipped}`, pki.sealCertificatePem)).toBeNull();
    const none = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    expect(verifyCompactPayload(`${none}.${claims}.`, pki.sealCertificatePem)).toBeNull();
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey;
    expect(verifyCompactPayload(payload, other)).toBeNull();
    expect(verifyCompactPayload(payload, seal.publicKey)).not.toBeNull();
  });

  it('signs with an EC P-256 seal as ES256', async () => {
    const { createCompactPayload } = await import('./contrassegno.js');
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    // An EC keystore needs a certificate; the signer check is what matters here, so sign directly.
    const fake = Object.assign(Object.create(SealKeystore.prototype) as SealKeystore, {
      keyType: 'EC',
      keyId: 'test',
      signJws: (data: Uint8Array) => new Uint8Array(sign('sha256', data, { key: ec.privateKey, dsaEncoding: 'ieee-p1363' })),
    });
    const payload = createCompactPayload(statoFamigliaParentelaSample, fake);
    expect(JSON.parse(Buffer.from(payload.split('.')[0]!, 'base64url').toString())).toMatchObject({ alg: 'ES256' });
    expect(verifyCompactPayload(payload, ec.publicKey)).toEqual(compactPayloadClaims(statoFamigliaParentelaSample));
    expect(verifyCompactPayload(payload, pki.sealCertificatePem)).toBeNull();
  });

  it('binds the content: changing one printed value changes the digest', () => {
    const base = compactPayloadClaims(storicaResidenzaSample).h;
    const changed = structuredClone(storicaResidenzaSample);
    changed.sections[1]!.table!.rows[3]![2] = 'VIA ALTRA 1';
    expect(compactPayloadClaims(changed).h).not.toBe(base);
    expect(compactPayloadClaims(structuredClone(storicaResidenzaSample)).h).toBe(base);
  });
});
