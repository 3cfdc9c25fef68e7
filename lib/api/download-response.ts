/** A file for the browser to save; `filename` is plain ASCII (letters, digits, `-`, `.`), so it needs no encoding. */
export interface Download {
  filename: string;
  contentType: string;
  body: ReadableStream<Uint8Array>;
}

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
