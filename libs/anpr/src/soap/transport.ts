import http from 'node:http';
import https from 'node:https';
import { AnprError } from '../errors.js';

export interface SoapHttpRequest {
  url: string;
  body: string;
  timeoutMs: number;
  /** An https.Agent carrying the Comune's client certificate for mutual TLS. */
  agent?: http.Agent;
}

export interface SoapHttpResponse {
  status: number;
  body: string;
}

/** Sends one SOAP request; rejects only with AnprError 'timeout' or 'unavailable'. */
export type SoapTransport = (req: SoapHttpRequest) => Promise<SoapHttpResponse>;

const MAX_RESPONSE_BYTES = 20 * 1024 * 1024;

export const httpSoapTransport: SoapTransport = (req) =>
  new Promise<SoapHttpResponse>((resolve, reject) => {
    const url = new URL(req.url);
    const lib = url.protocol === 'https:' ? https : http;
    const payload = Buffer.from(req.body, 'utf8');
    let settled = false;
    const fail = (e: AnprError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      r.destroy();
      reject(e);
    };
    const r = lib.request(
      url,
      {
        method: 'POST',
        agent: req.agent,
        headers: {
          'Content-Type': 'text/xml; charset=utf-8',
          // ANPR's WSDLs declare soapAction="" for every operation.
          SOAPAction: '""',
          'Content-Length': payload.length,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > MAX_RESPONSE_BYTES) fail(new AnprError('unavailable', 'ANPR response too large', { httpStatus: res.statusCode }));
          else chunks.push(c);
        });
        res.on('end', () => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
        });
        res.on('error', (e) => fail(new AnprError('unavailable', `ANPR connection failed: ${e.message}`, { cause: e })));
      },
    );
    // One deadline for the whole exchange (connect, send, wait, read), not an idle timeout.
    const timer = setTimeout(() => fail(new AnprError('timeout', `ANPR did not answer within ${req.timeoutMs} ms`)), req.timeoutMs);
    r.on('error', (e) => fail(new AnprError('unavailable', `ANPR connection failed: ${e.message}`, { cause: e })));
    r.end(payload);
  });
