import autocannon from "autocannon";

/** One request of a load run; `prepare` is called per request, so each can differ (a new variance each time). */
export interface LoadStep {
  method?: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  prepare?: () => { path?: string; body?: string };
  /** Returns why a 2xx answer is still a failure (an action's refusal), or null. */
  refusal?: (body: string) => string | null;
  /** Called for each answer that is not an error (a request cut off when the run ends gets none). */
  answered?: () => void;
}

export interface LoadOptions {
  /** Signed-in sessions; each pass through the steps acts as the next one, so connections act as different people. */
  cookies: readonly string[];
  connections: number;
  /** Run for this long… */
  durationSeconds?: number;
  /** …or make exactly this many requests. */
  amount?: number;
}

export interface LoadFigures {
  requests: number;
  errors: number;
  /** The first few errors, to say what went wrong. */
  errorSamples: string[];
  latenciesMs: number[];
  seconds: number;
}

/**
 * Runs autocannon over the steps in a loop. Latency is recorded per response (autocannon's
 * own summary has no 95th percentile); a non-2xx answer, a socket error or a refusal is an error.
 */
export async function runLoad(origin: string, steps: readonly LoadStep[], options: LoadOptions): Promise<LoadFigures> {
  const latenciesMs: number[] = [];
  const { fail, figures } = errorTally();
  let passes = 0;
  const started = performance.now();
  let finished!: (result: autocannon.Result) => void;
  let failed!: (error: unknown) => void;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finished = resolve;
    failed = reject;
  });
  const instance = autocannon(
    {
      url: origin,
      connections: options.connections,
      ...(options.amount ? { amount: options.amount } : { duration: options.durationSeconds ?? 10 }),
      timeout: 60,
      requests: steps.map((step, index) => ({
        method: step.method ?? "GET",
        path: step.path,
        // autocannon gives each connection a context, cleared at the start of every pass.
        setupRequest: (request: autocannon.Request, context: { cookie?: string }) => {
          if (index === 0 || !context.cookie) context.cookie = options.cookies[passes++ % options.cookies.length];
          return { ...request, headers: { ...step.headers, cookie: context.cookie! }, ...step.prepare?.() };
        },
        onResponse: (status: number, body: string) => {
          if (status < 200 || status >= 300)
            return fail(`${step.method ?? "GET"} ${step.path}: HTTP ${status} ${body.slice(0, 200)}`);
          const refused = step.refusal?.(body);
          if (refused) return fail(`${step.method ?? "GET"} ${step.path}: ${refused}`);
          step.answered?.();
        },
      })),
    },
    (error, result) => (error ? failed(error) : finished(result)),
  );
  instance.on("response", (_client, _status, _bytes, responseTime) => latenciesMs.push(responseTime));
  const result = await done;
  for (let i = 0; i < result.errors + result.timeouts; i++) fail("socket error or timeout");
  return { requests: latenciesMs.length, ...figures(), latenciesMs, seconds: (performance.now() - started) / 1000 };
}

/** A run's errors: counted, and the first few kept to say what went wrong. */
export function errorTally() {
  let errors = 0;
  const errorSamples: string[] = [];
  const fail = (reason: string) => {
    errors++;
    if (errorSamples.length < 5) errorSamples.push(reason);
  };
  return { fail, figures: () => ({ errors, errorSamples }) };
}

/** The value below which `p` percent of the sorted values fall (nearest rank). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export interface LatencySummary {
  requests: number;
  errors: number;
  p50: number;
  p95: number;
  max: number;
  rps: number;
}

export function summarise(
  figures: Pick<LoadFigures, "requests" | "errors" | "latenciesMs" | "seconds">,
): LatencySummary {
  return {
    requests: figures.requests,
    errors: figures.errors,
    p50: round(percentile(figures.latenciesMs, 50)),
    p95: round(percentile(figures.latenciesMs, 95)),
    max: round(Math.max(...figures.latenciesMs)),
    rps: round(figures.requests / figures.seconds),
  };
}

const round = (value: number) => Math.round(value * 10) / 10;
