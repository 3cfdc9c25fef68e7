import { Readable } from "node:stream";

/**
 * Bytes the web stream holds before it stops pulling from the Node stream. Node's default
 * counts chunks, not bytes (16,384 of them), which would let a slow download pile up
 * megabytes in memory.
 */
const BUFFERED_BYTES = 64 * 1024;

/** A Node byte stream as the web stream a Response takes, with backpressure in bytes. */
export function webStreamOf(source: Readable): ReadableStream<Uint8Array> {
  const web = Readable.toWeb(source, { strategy: new ByteLengthQueuingStrategy({ highWaterMark: BUFFERED_BYTES }) });
  // node:stream/web's ReadableStream and the DOM one Response takes are the same class at run time.
  return web as ReadableStream<Uint8Array>;
}
