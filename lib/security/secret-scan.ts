/**
 * Finds credentials written into files that are about to be committed: connection strings
 * with a password that is not an obvious placeholder, and secrets assigned in env files.
 * Run over every tracked file by tests/unit/secret-scan.test.ts, so CI fails on a leak.
 */
export interface SecretFinding {
  path: string;
  line: number;
  what: string;
}

// user:password@ in a URL of a database or cache.
const CONNECTION_STRING =
  /\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|redis|amqps?):\/\/[^\s:/@'"`]+:([^\s@/'"`]+)@/g;
// SECRET=value / PASSWORD=value in .env-style lines.
const ENV_SECRET = /^\s*(?:export\s+)?([A-Z0-9_]*(?:SECRET|PASSWORD|TOKEN)[A-Z0-9_]*)\s*=\s*(\S+)/;

/** Obviously not a real secret: a placeholder, an interpolation, a single letter, or a name that says so. */
export function isPlaceholder(value: string): boolean {
  const unquoted = value.replace(/^["']|["']$/g, "");
  return (
    unquoted.length <= 1 ||
    /^\$\{.*\}$|^\$[A-Z_]+$|^<.*>$|^\*+$|^\.\.\.$|^x+$/i.test(unquoted) ||
    /change[_-]?me|placeholder|not-a-real|example|redacted|your[_-]|password$|secret$/i.test(unquoted)
  );
}

export function findSecrets(path: string, content: string): SecretFinding[] {
  const findings: SecretFinding[] = [];
  const envFile = /(^|\/)\.env($|\.)/.test(path);
  content.split("\n").forEach((text, index) => {
    for (const match of text.matchAll(CONNECTION_STRING)) {
      if (!isPlaceholder(match[1]!))
        findings.push({ path, line: index + 1, what: "a connection string with a password" });
    }
    const assignment = envFile ? ENV_SECRET.exec(text) : null;
    if (assignment && !isPlaceholder(assignment[2]!))
      findings.push({ path, line: index + 1, what: `a value for ${assignment[1]}` });
  });
  return findings;
}
