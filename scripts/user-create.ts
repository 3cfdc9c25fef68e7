/**
 * `npm run user:create -- --email a@b.c --role admin [--name "A B"]`: creates a local account.
 * The password is read from stdin when piped, otherwise prompted twice without echo.
 */
import "./load-env";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { z } from "zod";
import { createLocalUser } from "@/lib/auth/users";
import { requireDatabaseUrl } from "@/lib/db/database-url";
import { createPrismaClient } from "@/lib/db/prisma";

const { values } = parseArgs({
  options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" } },
});

async function readPipedPassword(): Promise<string> {
  let input = "";
  for await (const chunk of process.stdin) input += chunk;
  return input.replace(/\r?\n$/, "");
}

function prompt(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    // Keep typed characters off the screen.
    (rl as unknown as { _writeToOutput: (text: string) => void })._writeToOutput = (text) => {
      if (text.includes(question)) process.stdout.write(text);
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    });
  });
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) return readPipedPassword();
  const first = await prompt("Password: ");
  if ((await prompt("Repeat password: ")) !== first) throw new Error("The passwords do not match.");
  return first;
}

const db = createPrismaClient(requireDatabaseUrl());
try {
  const email = values.email ?? "";
  const user = await createLocalUser(
    db,
    {
      email,
      role: values.role as never,
      name: values.name ?? email.split("@")[0] ?? email,
      password: await readPassword(),
    },
    "system (npm run user:create)",
  );
  console.log(`Created ${user.role} account ${user.email}.`);
} catch (error) {
  console.error(
    error instanceof z.ZodError
      ? error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("\n")
      : (error as Error).message,
  );
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
