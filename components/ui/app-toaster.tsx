"use client";

import { useTheme } from "next-themes";
import { Toaster } from "sonner";

/**
 * The one place toasts appear, in the page's light or dark (the resolved theme, so "system"
 * follows the person's system as the page does); sonner's plain colours, as its "rich" pale
 * green fails contrast. Sonner announces each toast in a polite live
 * region, pauses while hovered or focused, and Alt+T moves focus to it for keyboard users.
 */
export function AppToaster() {
  const { resolvedTheme } = useTheme();
  return (
    <Toaster
      theme={resolvedTheme === "dark" ? "dark" : "light"}
      position="bottom-right"
      closeButton
      containerAriaLabel="Notifications"
    />
  );
}
