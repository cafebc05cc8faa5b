import { hash, verify } from '@node-rs/argon2';

/** argon2id with OWASP's suggested minimum cost (19 MiB, 2 passes). */
const ARGON2 = { algorithm: 2 /* Argon2id */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashSecret = (plain: string): Promise<string> => hash(plain, ARGON2);

export const verifySecret = async (hashed: string | undefined | null, plain: string): Promise<boolean> => {
  if (!hashed) return false;
  try {
    return await verify(hashed, plain);
  } catch {
    return false;
  }
};

/**
 * Password rules (AgID guidance for public administration systems): at least 12 characters, three
 * of the four character classes, and not containing the username.
 */
export function passwordViolations(password: string, username?: string): string[] {
  const out: string[] = [];
  if (password.length < 12) out.push('must be at least 12 characters long');
  if (password.length > 128) out.push('must be at most 128 characters long');
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  if (classes < 3) out.push('must mix at least three of: lower case, upper case, digits, symbols');
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) {
    out.push('must not contain the username');
  }
  return out;
}
