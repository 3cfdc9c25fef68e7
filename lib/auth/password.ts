import { hash, verify } from "@node-rs/argon2";

// argon2id with the library's defaults (OWASP-level memory cost), via a prebuilt binary
// that ships inside the npm package: no compiler or download at install time.
export const hashPassword = (password: string) => hash(password);

// Verifying against a real hash even for unknown accounts keeps the response time the
// same, so timing does not reveal which emails have accounts.
const unknownAccountHash = hashPassword("no account has this password");

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  const target = passwordHash ?? (await unknownAccountHash);
  const matches = await verify(target, password).catch(() => false);
  return matches && passwordHash !== null;
}

export const MIN_PASSWORD_LENGTH = 12;
