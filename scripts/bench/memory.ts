import { residentBytes } from "./app-server";

/** Samples a process's resident memory every few milliseconds, keeping the peak of the run and since a mark. */
export function memorySampler(pid: number, everyMs = 100) {
  let overall = residentBytes(pid);
  let sinceMark = overall;
  const sample = () => {
    const now = residentBytes(pid);
    overall = Math.max(overall, now);
    sinceMark = Math.max(sinceMark, now);
    return now;
  };
  const timer = setInterval(sample, everyMs);
  return {
    /** Starts a new "since the mark" window; returns the memory now. */
    mark: () => {
      sinceMark = sample();
      return sinceMark;
    },
    peakSinceMark: () => {
      sample();
      return sinceMark;
    },
    overallPeak: () => {
      sample();
      return overall;
    },
    stop: () => clearInterval(timer),
  };
}

export const megabytes = (bytes: number) => Math.round(bytes / 1024 / 1024);
