/** A file for the browser to save; `filename` is plain ASCII (letters, digits, `-`, `.`), so it needs no encoding. */
export interface Download {
  filename: string;
  contentType: string;
  body: ReadableStream<Uint8Array>;
}
