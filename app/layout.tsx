import type { Metadata } from "next";
import { headers } from "next/headers";
import { ThemeProvider } from "next-themes";
import { FormatProvider } from "@/components/ui/format-provider";
import { requestFormat } from "@/lib/request-format";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Variance Dashboard", template: "%s · Variance Dashboard" },
  description: "Find and fix the differences between NinjaOne and ThreatLocker.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // The proxy's per-response nonce, so the theme script (set before paint) passes the policy.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  const { locale } = await requestFormat();
  return (
    <html lang="en" suppressHydrationWarning>
      <body className="min-h-screen bg-gray-50 font-sans text-gray-900 antialiased dark:bg-gray-950 dark:text-gray-100">
        <ThemeProvider attribute="class" defaultTheme="system" enableSystem disableTransitionOnChange nonce={nonce}>
          <FormatProvider locale={locale}>{children}</FormatProvider>
        </ThemeProvider>
      </body>
    </html>
  );
}
