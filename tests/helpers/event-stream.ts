/** One message of a text/event-stream, or a comment line (a heartbeat). */
export interface StreamMessage {
  id?: string;
  event?: string;
  data?: unknown;
  retry?: number;
  comment?: string;
}

function parse(block: string): StreamMessage {
  const message: StreamMessage = {};
  for (const line of block.split("\n")) {
    const [, field, value] = /^([^:]*):? ?(.*)$/.exec(line) ?? [];
    if (field === "") message.comment = value;
    else if (field === "id") message.id = value;
    else if (field === "event") message.event = value;
    else if (field === "data") message.data = JSON.parse(value ?? "null");
    else if (field === "retry") message.retry = Number(value);
  }
  return message;
}

/** Reads an event stream message by message, as a browser's EventSource would. */
export class StreamReader {
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();
  private buffered = "";
  // A read still pending when a wait timed out: the next wait takes its chunk rather than lose it.
  private pending: Promise<ReadableStreamReadResult<Uint8Array>> | null = null;
  readonly messages: StreamMessage[] = [];
  ended = false;

  constructor(body: ReadableStream<Uint8Array> | null) {
    if (!body) throw new Error("the response has no body");
    this.reader = body.getReader();
  }

  /** Reads until a message matches (returning it), the stream ends (null) or `timeoutMs` passes (null). */
  async waitFor(matches: (message: StreamMessage) => boolean, timeoutMs = 5_000): Promise<StreamMessage | null> {
    const seen = this.messages.find(matches);
    if (seen) return seen;
    const deadline = Date.now() + timeoutMs;
    while (!this.ended && Date.now() < deadline) {
      this.pending ??= this.reader.read();
      const chunk = await Promise.race([
        this.pending,
        new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), deadline - Date.now())),
      ]);
      if (chunk === "timeout") return null;
      this.pending = null;
      if (chunk.done) {
        this.ended = true;
        break;
      }
      this.buffered += this.decoder.decode(chunk.value, { stream: true });
      let end = this.buffered.indexOf("\n\n");
      while (end >= 0) {
        const message = parse(this.buffered.slice(0, end));
        this.buffered = this.buffered.slice(end + 2);
        this.messages.push(message);
        if (matches(message)) return message;
        end = this.buffered.indexOf("\n\n");
      }
    }
    return null;
  }

  /** Whether the server ends the stream within `timeoutMs`. */
  async endsWithin(timeoutMs: number): Promise<boolean> {
    await this.waitFor(() => false, timeoutMs);
    return this.ended;
  }

  async cancel(): Promise<void> {
    await this.reader.cancel().catch(() => {});
  }
}
