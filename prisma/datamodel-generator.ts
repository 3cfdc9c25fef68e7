/**
 * A Prisma generator that writes the DMMF datamodel (models with native types, nullability,
 * defaults, relations and index names) to `<output>/datamodel.json`.
 *
 * Why: the `prisma-client` generator no longer ships the DMMF, `@prisma/internals` is not a
 * dependency, and the Prisma CLI (a dev dependency) is absent in production. The schema checks
 * in lib/db need the datamodel at run time, offline; `prisma generate` already computes it and
 * hands it to every generator, so this one just keeps it.
 *
 * Protocol: Prisma spawns the provider command and speaks JSON-RPC, one message per line,
 * requests on our stdin and replies on our stderr.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";

interface GenerateParams {
  generator: { output: { value: string } | null };
  dmmf: { datamodel: unknown };
}

type Request = { id: number; method: "getManifest" } | { id: number; method: "generate"; params: GenerateParams };

function send(message: object) {
  process.stderr.write(`${JSON.stringify({ jsonrpc: "2.0", ...message })}\n`);
}

function generate({ generator, dmmf }: GenerateParams) {
  if (!generator.output) throw new Error("datamodel generator: set `output` in its generator block");
  mkdirSync(generator.output.value, { recursive: true });
  writeFileSync(path.join(generator.output.value, "datamodel.json"), `${JSON.stringify(dmmf.datamodel, null, 2)}\n`);
}

createInterface({ input: process.stdin }).on("line", (line) => {
  const request = JSON.parse(line) as Request;
  try {
    if (request.method === "getManifest") {
      send({
        id: request.id,
        result: { manifest: { prettyName: "Prisma datamodel (DMMF) JSON", requiresEngines: [] } },
      });
    } else {
      generate(request.params);
      send({ id: request.id, result: null });
    }
  } catch (error) {
    const { message, stack } = error instanceof Error ? error : new Error(String(error));
    send({ id: request.id, error: { code: -32000, message, data: { stack } } });
  }
});
