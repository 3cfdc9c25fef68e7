"use client";

import { APP_BODY_CLASS, AppThemeProvider } from "@/components/ui/app-theme";
import { type ErrorBoundaryProps, SectionError } from "@/components/ui/section-error";
import "./globals.css";

/**
 * An error in the root layout itself: it replaces that layout, so it brings its own document,
 * styles and theme (applied once it mounts, from the person's choice or the system's).
 */
export default function GlobalError(props: ErrorBoundaryProps) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <title>Something went wrong · Variance Dashboard</title>
      </head>
      <body className={APP_BODY_CLASS}>
        <AppThemeProvider>
          <main id="main" className="mx-auto max-w-3xl px-4 py-12 sm:px-6">
            <SectionError title="The dashboard could not be loaded" {...props} />
          </main>
        </AppThemeProvider>
      </body>
    </html>
  );
}
