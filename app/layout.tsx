import type { Metadata } from "next";
import { headers } from "next/headers";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { APP_BODY_CLASS, AppThemeProvider } from "@/components/ui/app-theme";
import { AppToaster } from "@/components/ui/app-toaster";
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
      <body className={APP_BODY_CLASS}>
        <AppThemeProvider nonce={nonce}>
          <FormatProvider locale={locale}>
            <NuqsAdapter>{children}</NuqsAdapter>
          </FormatProvider>
          <AppToaster />
        </AppThemeProvider>
      </body>
    </html>
  );
}
