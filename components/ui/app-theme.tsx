import { ThemeProvider } from "next-themes";

/** The page's colours, shared by the root layout and the error page that replaces it. */
export const APP_BODY_CLASS =
  "min-h-screen bg-gray-50 font-sans text-gray-900 antialiased dark:bg-gray-950 dark:text-gray-100";

/** Light or dark as a class on <html>: the person's choice, else the system's. */
export function AppThemeProvider({ nonce, children }: { nonce?: string; children: React.ReactNode }) {
  return (
    <ThemeProvider attribute="class" defaultTheme="system" enableSystem disableTransitionOnChange nonce={nonce}>
      {children}
    </ThemeProvider>
  );
}
