import { entraSettings } from "@/lib/auth/entra-settings";
import { readServerEnvironment } from "@/lib/config/environment";

/** Exits, naming what is wrong, unless the environment lets the server run (instrumentation.ts). */
export function refuseUnusableEnvironment(): void {
  try {
    readServerEnvironment();
    // VD_ENTRA_ROLE_MAP's role names are checked where roles are known.
    entraSettings();
  } catch (error) {
    // Next.js only logs a register() that throws and goes on serving, every request then failing.
    console.error(`Refusing to start: ${(error as Error).message}`);
    process.exit(1);
  }
}
