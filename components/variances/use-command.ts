"use client";

import { useState, useTransition } from "react";
import type { ActionError } from "@/lib/actions/command-action";

/** A command action as the browser calls it; its input type comes from the command's zod schema. */
type CommandAction<Input, Data> = (input: Input) => Promise<{ data?: Data; serverError?: ActionError } | undefined>;

const offline: ActionError = {
  code: "unexpected",
  message: "The server could not be reached; nothing was changed. Check your connection and try again.",
};

/** Runs a server action, keeping its pending state and the refusal a person should read. */
export function useCommand<Input, Data>(action: CommandAction<Input, Data>) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<ActionError | null>(null);
  const run = (input: Input, onSuccess?: (data: Data) => void) =>
    startTransition(async () => {
      try {
        const result = await action(input);
        if (result?.serverError) return setError(result.serverError);
        setError(null);
        onSuccess?.(result?.data as Data);
      } catch {
        setError(offline);
      }
    });
  return { run, pending, error };
}
