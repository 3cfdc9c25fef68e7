import { gzipSync } from "node:zlib";

const gzippedSizes = new Map<string, number>();

/**
 * The JavaScript a browser downloads before a page is interactive: every script the page's
 * HTML loads from the build, gzipped as a server would send it. Shared chunks count on each
 * page, as they do on a first visit.
 */
export async function firstLoadJsBytes(origin: string, path: string, cookie: string): Promise<number> {
  const html = await (await fetch(`${origin}${path}`, { headers: { cookie } })).text();
  const sources = new Set(
    [...html.matchAll(/<script[^>]+src="([^"]+\.js[^"]*)"/g)].map((match) => match[1]!.replaceAll("&amp;", "&")),
  );
  let total = 0;
  for (const source of sources) {
    if (!gzippedSizes.has(source)) {
      const body = Buffer.from(await (await fetch(new URL(source, origin))).arrayBuffer());
      gzippedSizes.set(source, gzipSync(body).length);
    }
    total += gzippedSizes.get(source)!;
  }
  return total;
}
