import { errorTally, type LoadFigures, type LoadStep } from "./load";

export interface UsersOptions {
  /** One signed-in session per user. */
  cookies: readonly string[];
  durationSeconds: number;
  /** Mean pause between a user's answer and their next click; each pause is drawn from 0.5× to 1.5× of it. */
  thinkSeconds: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * People using the app at once: each user walks the steps in a loop, one request at a time,
 * pausing a random think time after every answer. Unlike a rate cap shared by all
 * connections (autocannon's overallRate releases a second's requests together), users drift
 * apart as people do, so latency measures the server rather than bursts the tool made.
 */
export async function runUsers(
  origin: string,
  steps: readonly LoadStep[],
  options: UsersOptions,
): Promise<LoadFigures> {
  const latenciesMs: number[] = [];
  const { fail, figures } = errorTally();
  const started = performance.now();
  const endAt = started + options.durationSeconds * 1000;
  const think = () => options.thinkSeconds * 1000 * (0.5 + Math.random());

  async function user(cookie: string) {
    // Users arrive spread over one think time, not all in the first millisecond.
    await sleep(Math.random() * options.thinkSeconds * 1000);
    for (let index = 0; performance.now() < endAt; index = (index + 1) % steps.length) {
      const step = steps[index]!;
      const { path = step.path, body } = step.prepare?.() ?? {};
      const sent = performance.now();
      try {
        const response = await fetch(new URL(path, origin), {
          method: step.method ?? "GET",
          headers: { ...step.headers, cookie },
          body,
          redirect: "manual",
        });
        const text = await response.text();
        latenciesMs.push(performance.now() - sent);
        const refused =
          response.status < 200 || response.status >= 300
            ? `HTTP ${response.status} ${text.slice(0, 200)}`
            : step.refusal?.(text);
        if (refused) fail(`${step.method ?? "GET"} ${path}: ${refused}`);
        else step.answered?.();
      } catch (error) {
        latenciesMs.push(performance.now() - sent);
        fail(`${step.method ?? "GET"} ${path}: ${(error as Error).message}`);
      }
      await sleep(think());
    }
  }

  await Promise.all(options.cookies.map((cookie) => user(cookie)));
  return { requests: latenciesMs.length, ...figures(), latenciesMs, seconds: (performance.now() - started) / 1000 };
}
