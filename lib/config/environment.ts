/**
 * Every environment variable the app and its scripts read, in one schema: its default, its
 * parsing and a line saying what it is (README.md's configuration table has a row for each;
 * tests/unit/environment-readme.test.ts keeps the two in step); nothing else reads them from process.env.
 *
 * This folder is a leaf: every other one imports it, so it imports only zod and Node.js.
 * Parsing that needs a domain's vocabulary stays in that domain and reads the raw value here
 * (VD_ENTRA_ROLE_MAP: lib/auth/entra-settings.ts, VD_DEMO_TIER: lib/demo/scale-tiers.ts,
 * VD_INTERNAL_ORGANIZATIONS: lib/organizations/internal-organizations.ts).
 */
import { z } from "zod";
import { parseTrustedProxies, TrustedProxiesError } from "./trusted-proxies";

export type EnvironmentSource = Record<string, string | undefined>;

const wholeNumber = (name: string, fallback: number, min: number, max: number) =>
  z.coerce
    .number({ error: `${name} must be a whole number.` })
    .int(`${name} must be a whole number.`)
    .min(min, `${name} must be at least ${min}.`)
    .max(max, `${name} must be at most ${max}.`)
    .default(fallback);

const text = z.string().optional();

/** Comma-separated public hosts, lower-cased as browsers send them in Origin. */
export function allowedOriginHosts(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((host) => host.trim().toLowerCase())
    .filter(Boolean);
}

const SESSION_HOURS_MESSAGE = "VD_SESSION_HOURS must be a number of hours between 0.25 and 720.";
const RECHECK_MS_MESSAGE = "VD_ROLLUP_RECHECK_MS must be a whole number of milliseconds.";
const MULTI_TENANT = /\/(common|organizations|consumers)\/v2\.0\/?$/;

const variables = z.object({
  DATABASE_URL: text.describe("The es_inventory_hub database; unset, `npm start` runs the embedded demo."),
  MIGRATION_DATABASE_URL: text.describe("The schema owner's URL for migrations; unset, DATABASE_URL."),
  AUTH_SECRET: text.describe("Signs session tokens; the Next.js server refuses to start without it."),
  AUTH_URL: z
    .url("AUTH_URL must be the public URL, e.g. https://variance.example.com.")
    .optional()
    .describe("The public URL; https:// gives the session cookie the __Secure- prefix."),
  AUTH_TRUST_HOST: z
    .string()
    .default("true")
    .describe("Whether Auth.js believes X-Forwarded-Host; `npm start` passes it on to the server."),
  VD_SESSION_HOURS: z.coerce
    .number({ error: SESSION_HOURS_MESSAGE })
    .min(0.25, SESSION_HOURS_MESSAGE)
    .max(24 * 30, SESSION_HOURS_MESSAGE)
    .default(8)
    .describe("Session lifetime without use, in hours."),
  VD_ALLOWED_ORIGINS: text
    .transform(allowedOriginHosts)
    .describe("Public hosts server actions may be called from behind a Host-rewriting proxy."),
  VD_TRUSTED_PROXIES: text
    .transform((value, context) => {
      try {
        return parseTrustedProxies(value);
      } catch (error) {
        if (!(error instanceof TrustedProxiesError)) throw error;
        context.addIssue({ code: "custom", message: error.message });
        return z.NEVER;
      }
    })
    .describe("Reverse proxies (addresses or CIDR ranges) whose X-Forwarded-For is believed."),
  AUTH_MICROSOFT_ENTRA_ID_ID: text.describe("Entra ID application (client) id."),
  AUTH_MICROSOFT_ENTRA_ID_SECRET: text.describe("Entra ID client secret."),
  AUTH_MICROSOFT_ENTRA_ID_ISSUER: text.describe("Entra ID issuer: https://login.microsoftonline.com/<tenant>/v2.0."),
  VD_ENTRA_ROLE_MAP: text.describe("role=<app role or group id>[,…];… letting people without an account in."),
  // Prisma's own 2 s wait and 5 s run failed commands on a loaded 2-core machine (issue #15): the
  // wait to start outlasts the connect timeout, and the run leaves room for a lock a bulk command holds.
  VD_DB_POOL_MAX: wholeNumber("VD_DB_POOL_MAX", 10, 1, 200).describe("Database connections per app instance."),
  VD_DB_STATEMENT_TIMEOUT_MS: wholeNumber("VD_DB_STATEMENT_TIMEOUT_MS", 15_000, 1, 600_000).describe(
    "The longest a statement may run before PostgreSQL cancels it (ms).",
  ),
  VD_DB_CONNECT_TIMEOUT_MS: wholeNumber("VD_DB_CONNECT_TIMEOUT_MS", 5_000, 1, 120_000).describe(
    "The wait for a database connection (ms).",
  ),
  VD_DB_TRANSACTION_WAIT_MS: wholeNumber("VD_DB_TRANSACTION_WAIT_MS", 10_000, 1, 120_000).describe(
    "How long a command's transaction may wait to start (ms).",
  ),
  VD_DB_TRANSACTION_TIMEOUT_MS: wholeNumber("VD_DB_TRANSACTION_TIMEOUT_MS", 30_000, 1, 600_000).describe(
    "How long a command's transaction may run (ms).",
  ),
  VD_ROLLUP_RECHECK_MS: z.coerce
    .number({ error: RECHECK_MS_MESSAGE })
    .int(RECHECK_MS_MESSAGE)
    .min(0, "VD_ROLLUP_RECHECK_MS must be 0 or more.")
    .max(600_000, "VD_ROLLUP_RECHECK_MS must be at most 600000 (10 minutes).")
    .default(5_000)
    .describe("How long report rollups checked against upstream are trusted (ms); 0 checks on every read."),
  PORT: wholeNumber("PORT", 3000, 1, 65_535).describe("Port `npm start` listens on."),
  HOST: text.describe("Address `npm start` listens on; unset, 127.0.0.1 for the demo, else every interface."),
  VD_DATA_DIR: z.string().default(".data").describe("Where the demo keeps its database and generated secrets."),
  VD_DEMO_TIER: text.describe("M or L: the demo at MSP scale, in <VD_DATA_DIR>/tier-<tier>."),
  VD_INTERNAL_ORGANIZATIONS: text.describe("Comma-separated names of the MSP's own organisations."),
  PGOPTIONS: text.describe("PostgreSQL session options for every connection; TimeZone=UTC is added after them."),
  NODE_ENV: text.describe("Set by Next.js: `development` under `npm run dev`."),
  LOG_LEVEL: z
    .enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"], {
      error: "LOG_LEVEL must be one of trace, debug, info, warn, error, fatal or silent.",
    })
    .default("info")
    .describe("Server log level; logs are JSON lines on stdout (readable under `npm run dev`)."),
});

/** The variable names, as README.md's configuration table lists them. */
export const VARIABLE_NAMES = Object.keys(variables.shape) as (keyof typeof variables.shape)[];

// Half an Entra configuration would leave sign-in broken in ways only a person signing in sees.
export const environmentSchema = variables.superRefine((environment, context) => {
  const { AUTH_MICROSOFT_ENTRA_ID_ID: id, AUTH_MICROSOFT_ENTRA_ID_SECRET: secret } = environment;
  const issuer = environment.AUTH_MICROSOFT_ENTRA_ID_ISSUER;
  if (!id && !secret && !issuer) return;
  if (!id || !secret || !issuer) {
    context.addIssue({
      code: "custom",
      path: ["AUTH_MICROSOFT_ENTRA_ID_ID"],
      message:
        "Entra ID sign-in needs AUTH_MICROSOFT_ENTRA_ID_ID, AUTH_MICROSOFT_ENTRA_ID_SECRET and AUTH_MICROSOFT_ENTRA_ID_ISSUER together.",
    });
  } else if (!z.url().safeParse(issuer).success || MULTI_TENANT.test(issuer)) {
    context.addIssue({
      code: "custom",
      path: ["AUTH_MICROSOFT_ENTRA_ID_ISSUER"],
      message:
        "AUTH_MICROSOFT_ENTRA_ID_ISSUER must be your tenant's issuer, https://login.microsoftonline.com/<tenant id>/v2.0.",
    });
  }
});

export type Environment = z.output<typeof environmentSchema>;

/** What is wrong with the environment: one sentence per bad or missing variable, each naming it. */
export class EnvironmentError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join(" "));
    this.name = "EnvironmentError";
  }
}

export const DATABASE_URL_MISSING =
  "DATABASE_URL is not set. Set it to the es_inventory_hub database (`npm start` without it runs the demo and sets its own).";
const AUTH_SECRET_MISSING =
  "AUTH_SECRET is not set. Generate one with `openssl rand -base64 32` and set it (see .env.example).";

function parse(source: EnvironmentSource, required: readonly ("DATABASE_URL" | "AUTH_SECRET")[]): Environment {
  // An empty value counts as unset, as a service manager's `VAR=` line means.
  const values = Object.fromEntries(VARIABLE_NAMES.map((name) => [name, source[name] || undefined]));
  const parsed = environmentSchema.safeParse(values);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => {
        const name = String(issue.path[0]);
        return issue.message.includes(name) ? issue.message : `${name}: ${issue.message}`;
      });
  if (required.includes("DATABASE_URL") && !values.DATABASE_URL) problems.push(DATABASE_URL_MISSING);
  if (required.includes("AUTH_SECRET") && !values.AUTH_SECRET) problems.push(AUTH_SECRET_MISSING);
  if (!parsed.success || problems.length > 0) throw new EnvironmentError(problems);
  return parsed.data;
}

let memo: { key: string; environment: Environment } | undefined;

/**
 * Every variable, validated and parsed; throws an EnvironmentError naming each bad one. For
 * process.env the result is kept until one of the variables changes (tests set some as they go).
 */
export function readEnvironment(source: EnvironmentSource = process.env): Environment {
  if (source !== process.env) return parse(source, []);
  const key = VARIABLE_NAMES.map((name) => process.env[name] ?? "").join("\0");
  if (memo?.key !== key) memo = { key, environment: parse(process.env, []) };
  return memo.environment;
}

type Variables = typeof variables.shape;

/**
 * One variable on its own, validated alone: for what must keep working while another variable
 * is malformed (the logger, which reports that very problem). Throws an EnvironmentError naming it.
 */
export function readVariable<Name extends keyof Variables>(
  name: Name,
  source: EnvironmentSource = process.env,
): z.output<Variables[Name]> {
  const parsed = variables.shape[name].safeParse(source[name] || undefined);
  if (!parsed.success) throw new EnvironmentError(parsed.error.issues.map((issue) => issue.message));
  return parsed.data as z.output<Variables[Name]>;
}

export type ServerEnvironment = Environment & { DATABASE_URL: string; AUTH_SECRET: string };

/**
 * What the Next.js server needs on top: a database and a session secret. It has no demo mode
 * of its own — `npm start` recognises the demo by DATABASE_URL being unset, starts the embedded
 * database and hands the server that database's URL and the demo's generated AUTH_SECRET — so a
 * server without either was not started by the demo (instrumentation.ts refuses it at boot).
 */
export function readServerEnvironment(source: EnvironmentSource = process.env): ServerEnvironment {
  return parse(source, ["DATABASE_URL", "AUTH_SECRET"]) as ServerEnvironment;
}
