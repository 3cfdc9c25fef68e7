"use client";

import { useState, useTransition } from "react";
import type { ActionError } from "@/lib/actions/action-client";

type CommandAction = (input: unknown) => Promise<{ data?: unknown; serverError?: ActionError } | undefined>;

const offline: ActionError = {
  code: "unexpected",
  message: "The server could not be reached; nothing was changed. Check your connection and try again.",
};

/** Runs a server action, keeping its pending state and the refusal a person should read. */
export function useCommand(action: CommandAction) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<ActionError | null>(null);
  const run = (input: unknown, onSuccess?: (data: unknown) => void) =>
    startTransition(async () => {
      try {
        const result = await action(input);
        if (result?.serverError) return setError(result.serverError);
        setError(null);
        onSuccess?.(result?.data);
      } catch {
        setError(offline);
      }
    });
  return { run, pending, error };
}
