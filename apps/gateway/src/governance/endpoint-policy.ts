/**
 * Where a Comune's ANPR settings may send requests (issue 9, finding 10): an endpoint URL must name
 * a host of the configured allow-list (ANPR_ALLOWED_HOSTS), so that a TOP user cannot turn the
 * gateway into a probe of the internal network, and must use https; plain http is accepted only for
 * a loopback host that is itself on the list (the sandbox's simulated ANPR).
 */

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const DEFAULT_PORT: Record<string, string> = { 'https:': '443', 'http:': '80' };

/** True when `pattern` (host[:port], optionally `*.` for any subdomain) admits host and port. */
function admits(pattern: string, host: string, port: string): boolean {
  const m = /^(\*\.)?([^:]+|\[[^\]]+\])(?::(\d{1,5}))?$/.exec(pattern.toLowerCase());
  if (!m) return false;
  const [, wildcard, name, patternPort] = m;
  // Without a port, a pattern admits the https default port only.
  if ((patternPort ?? DEFAULT_PORT['https:']) !== port) return false;
  return wildcard ? host.endsWith(`.${name}`) : host === name;
}

/** Why `raw` may not be used as an ANPR/PDND endpoint, or undefined when it may. */
export function endpointViolation(raw: string, allowedHosts: readonly string[]): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'is not a valid URL';
  }
  if (url.username || url.password) return 'must not carry credentials';
  const host = url.hostname.toLowerCase();
  const port = url.port || DEFAULT_PORT[url.protocol] || '';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(host))) return 'must use https';
  if (!allowedHosts.some((p) => admits(p, host, port))) return `host ${url.host} is not among the allowed ANPR hosts (ANPR_ALLOWED_HOSTS)`;
  return undefined;
}
