/** The console's configuration, validated at start-up with a message naming the bad variable. */
export interface ConsoleConfig {
  /** The gateway's public base URL, e.g. http://127.0.0.1:3000. */
  gatewayUrl: string;
  host: string;
  port: number;
  /** Sandbox: cookies without Secure (plain HTTP on localhost). */
  sandbox: boolean;
  /** Send the session cookie with Secure; always outside the sandbox. */
  secureCookies: boolean;
  /** A session unused for this long ends (CONSOLE_IDLE_MINUTES, default 15). */
  idleTimeoutSeconds: number;
  /** Sessions in Redis when set; otherwise in this process's memory. */
  redisUrl?: string;
}

export class ConsoleConfigError extends Error {}

function bool(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  if (/^(true|1|yes)$/i.test(value)) return true;
  if (/^(false|0|no)$/i.test(value)) return false;
  throw new ConsoleConfigError(`${name} must be true or false, not "${value}"`);
}

function int(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConsoleConfigError(`${name} must be a whole number from ${min} to ${max}, not "${value}"`);
  return n;
}

export function loadConsoleConfig(env: Record<string, string | undefined> = process.env): ConsoleConfig {
  const gatewayUrl = env.GATEWAY_URL;
  if (!gatewayUrl) throw new ConsoleConfigError('GATEWAY_URL is required (the gateway\'s base URL, e.g. http://127.0.0.1:3000)');
  let url: URL;
  try {
    url = new URL(gatewayUrl);
  } catch {
    throw new ConsoleConfigError(`GATEWAY_URL is not a URL: "${gatewayUrl}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConsoleConfigError('GATEWAY_URL must be http or https');
  const sandbox = bool('GERES_SANDBOX', env.GERES_SANDBOX, false);
  const secureCookies = bool('CONSOLE_SECURE_COOKIES', env.CONSOLE_SECURE_COOKIES, !sandbox);
  if (!sandbox && !secureCookies) throw new ConsoleConfigError('CONSOLE_SECURE_COOKIES=false is allowed only in the sandbox (GERES_SANDBOX=true)');
  return {
    gatewayUrl: gatewayUrl.replace(/\/+$/, ''),
    host: env.CONSOLE_HOST || '127.0.0.1',
    port: int('CONSOLE_PORT', env.CONSOLE_PORT, 3200, 0, 65535),
    sandbox,
    secureCookies,
    idleTimeoutSeconds: int('CONSOLE_IDLE_MINUTES', env.CONSOLE_IDLE_MINUTES, 15, 1, 24 * 60) * 60,
    redisUrl: env.REDIS_URL || undefined,
  };
}
