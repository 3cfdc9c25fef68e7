"use client";

import { useTheme } from "next-themes";
import { useEffect, useState } from "react";

const next: Record<string, string> = { system: "light", light: "dark", dark: "system" };

export function ThemeToggle() {
  const { theme = "system", setTheme } = useTheme();
  // The stored choice is only known in the browser; render a neutral label until then.
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  const label = mounted ? `Theme: ${theme}` : "Theme";
  return (
    <button
      type="button"
      onClick={() => setTheme(next[theme] ?? "system")}
      className="rounded-md px-2 py-1 text-sm text-gray-600 hover:bg-gray-100 dark:text-gray-300 dark:hover:bg-gray-800"
      aria-label={mounted ? `Colour theme is ${theme}; switch to ${next[theme]}` : "Switch colour theme"}
    >
      {label}
    </button>
  );
}
