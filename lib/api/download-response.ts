import type { Download } from "@/lib/export/download";

/** Streams a file as an attachment that no cache keeps (it holds the signed-in user's data). */
export function downloadResponse({ filename, contentType, body }: Download): Response {
  return new Response(body, {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
