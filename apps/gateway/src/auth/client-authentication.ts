import { problem } from '../common/problem.js';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2,3})?$/;
/** Control characters (NUL included) have no place in a client id or secret. */
export function hasControlCharacters(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}
const utf8 = new TextDecoder('utf-8', { fatal: true });

const invalid = (detail: string) => problem('invalid-client', detail, { error: 'invalid_client' });

/** application/x-www-form-urlencoded decoding of one value (RFC 6749 §2.3.1, Appendix B). */
function formDecode(value: string, what: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    throw invalid(`The ${what} in the Basic credentials is not form-urlencoded`);
  }
  if (hasControlCharacters(decoded)) throw invalid(`The ${what} holds control characters`);
  return decoded;
}

/**
 * Client id and secret from an `Authorization: Basic` header, per RFC 6749 §2.3.1: each is
 * form-urlencoded, joined by a colon, and the result base64-encoded. Anything that does not decode
 * (bad base64, invalid UTF-8, no colon, bad `%` escapes, control characters) is `invalid-client`.
 * Returns undefined when the header is not Basic.
 */
export function parseBasicClientCredentials(header: string | undefined): { clientId: string; clientSecret: string } | undefined {
  if (!header) return undefined;
  const match = /^basic(?:\s+(.*))?$/is.exec(header.trim());
  if (!match) return undefined;
  const encoded = (match[1] ?? '').trim();
  if (!encoded || !BASE64.test(encoded)) throw invalid('The Basic credentials are not base64');
  let text: string;
  try {
    text = utf8.decode(Buffer.from(encoded, 'base64'));
  } catch {
    throw invalid('The Basic credentials are not UTF-8 text');
  }
  const colon = text.indexOf(':');
  if (colon < 0) throw invalid('The Basic credentials have no colon between client id and secret');
  const clientId = formDecode(text.slice(0, colon), 'client id');
  const clientSecret = formDecode(text.slice(colon + 1), 'client secret');
  if (!clientId || !clientSecret) throw invalid('client_id and client_secret are required');
  return { clientId, clientSecret };
}
