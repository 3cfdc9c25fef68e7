import { Prisma } from "@/lib/generated/prisma/client";
import type { Database } from "./prisma";
import { inTransaction } from "./transaction";

type Tx = Prisma.TransactionClient;

const CURSOR_NAME = /^[a-z_]+$/;

/**
 * The rows of `sql` a batch at a time through a server-side cursor, so memory holds one
 * batch rather than the whole result. Runs inside the transaction that owns the cursor.
 */
export async function* cursorBatches<Row>(
  tx: Tx,
  name: string,
  sql: Prisma.Sql,
  batchSize: number,
): AsyncGenerator<Row[]> {
  if (!CURSOR_NAME.test(name)) throw new Error(`Invalid cursor name: ${name}`);
  await tx.$executeRaw`DECLARE ${Prisma.raw(name)} NO SCROLL CURSOR FOR ${sql}`;
  for (;;) {
    const rows = await tx.$queryRawUnsafe<Row[]>(`FETCH ${Math.trunc(batchSize)} FROM ${name}`);
    if (rows.length > 0) yield rows;
    if (rows.length < batchSize) break;
  }
  await tx.$executeRawUnsafe(`CLOSE ${name}`);
}

/** Thrown into the producer when the reader has gone: it rolls the transaction back. */
class ReaderGone extends Error {
  constructor() {
    super("The reader stopped reading");
  }
}

export interface StreamTransactionOptions {
  /** The longest the transaction (and so a slow download) may hold its connection. */
  timeoutMs: number;
}

/**
 * What `produce` emits inside one read-only, repeatable-read transaction, handed to the reader
 * one item at a time: the producer waits for the reader, so a slow download holds one item,
 * not the result, and every read sees the same snapshot. When the reader stops early, the
 * producer's next emit throws and the transaction rolls back.
 */
export async function* streamFromTransaction<T>(
  db: Database,
  produce: (tx: Tx, emit: (item: T) => Promise<void>) => Promise<void>,
  { timeoutMs }: StreamTransactionOptions,
): AsyncGenerator<T> {
  type Handed = { item: T; taken: () => void; refused: (error: Error) => void };
  // Shared with the producer's callbacks, hence one object rather than narrowed locals.
  const state: {
    handed: Handed | null;
    wakeReader: (() => void) | null;
    readerGone: boolean;
    done: boolean;
    error?: unknown;
  } = {
    handed: null,
    wakeReader: null,
    readerGone: false,
    done: false,
  };
  const wake = () => {
    const resume = state.wakeReader;
    state.wakeReader = null;
    resume?.();
  };
  const emit = (item: T) =>
    new Promise<void>((taken, refused) => {
      if (state.readerGone) return refused(new ReaderGone());
      state.handed = { item, taken, refused };
      wake();
    });
  const finished = inTransaction(
    db,
    async (tx) => {
      await tx.$executeRaw`SET TRANSACTION READ ONLY`;
      await produce(tx, emit);
    },
    { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead, timeout: timeoutMs },
  )
    .catch((error: unknown) => void (state.error = error ?? new Error("The export failed")))
    .finally(() => {
      state.done = true;
      wake();
    });

  let current: Handed | null = null;
  try {
    for (;;) {
      if (state.handed) {
        current = state.handed;
        state.handed = null;
        yield current.item;
        // The reader asked for the next item: let the producer make it.
        current.taken();
        current = null;
        continue;
      }
      if (state.done) {
        if (state.error !== undefined) throw state.error;
        return;
      }
      await new Promise<void>((resolve) => (state.wakeReader = resolve));
    }
  } finally {
    state.readerGone = true;
    current?.refused(new ReaderGone());
    await finished;
  }
}
