/** What a page says while the server cannot reach PostgreSQL (also the React notice's words). */
export const DATABASE_UNREACHABLE_COPY = {
  title: "Database unreachable — retrying",
  forUser:
    "The dashboard cannot reach its PostgreSQL database, so nothing can be shown or saved right now. It checks again every second and loads this page by itself as soon as the database answers: there is no need to restart anything.",
  /** Text and code, alternating. */
  forOperator: [
    "For the operator: check that PostgreSQL is running and reachable at the host and port in ",
    "DATABASE_URL",
    ". The server's log names the exact cause (lines starting with ",
    "[start]",
    ").",
  ],
} as const;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/**
 * The whole page, answered with 503 by the proxy before any page renders. Self-contained (no
 * React, no stylesheet: the build's assets may be what a restart is replacing), it asks the
 * health check each second and reloads once the database answers; without scripts it
 * reloads every five seconds. Light or dark as the app's theme setting says.
 */
export function databaseUnreachablePage(nonce: string): Response {
  const { title, forUser, forOperator } = DATABASE_UNREACHABLE_COPY;
  const operator = forOperator
    .map((part, index) => (index % 2 ? `<code>${escapeHtml(part)}</code>` : escapeHtml(part)))
    .join("");
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Variance Dashboard</title>
<noscript><meta http-equiv="refresh" content="5"></noscript>
<script nonce="${nonce}">
  const theme = localStorage.getItem("theme");
  if (theme === "dark" || (theme !== "light" && matchMedia("(prefers-color-scheme: dark)").matches)) document.documentElement.classList.add("dark");
</script>
<style nonce="${nonce}">
  body { margin: 0; font-family: ui-sans-serif, system-ui, sans-serif; background: #f9fafb; color: #111827; }
  main { max-width: 48rem; margin: 3rem auto; padding: 0 1rem; }
  section { border: 1px solid #fcd34d; background: #fffbeb; color: #451a03; border-radius: 0.5rem; padding: 1.5rem; }
  h1 { font-size: 1.125rem; margin: 0; }
  p { font-size: 0.875rem; line-height: 1.5; margin: 0.5rem 0 0; }
  button { margin-top: 1rem; border: 0; border-radius: 0.375rem; padding: 0.375rem 0.75rem; font: 600 0.875rem/1.25rem inherit; background: #92400e; color: #fff; cursor: pointer; }
  .dark body { background: #030712; color: #f3f4f6; }
  .dark section { border-color: #92400e; background: #451a03; color: #fffbeb; }
  .dark button { background: #fde68a; color: #451a03; }
</style>
</head>
<body>
<main id="main">
<section aria-labelledby="database-unreachable-title" data-testid="database-unreachable">
<h1 id="database-unreachable-title">${escapeHtml(title)}</h1>
<p>${escapeHtml(forUser)}</p>
<p>${operator}</p>
<p role="status" id="database-check">Waiting for the database…</p>
<button type="button" id="check-now">Check now</button>
</section>
</main>
<script nonce="${nonce}">
  const status = document.getElementById("database-check");
  let timer;
  async function check() {
    clearTimeout(timer);
    status.textContent = "Checking…";
    const response = await fetch("/api/health", { cache: "no-store" }).catch(() => null);
    if (response && response.status !== 503) return location.reload();
    status.textContent = "Still unreachable at " + new Date().toLocaleTimeString() + ".";
    timer = setTimeout(check, 1000);
  }
  document.getElementById("check-now").addEventListener("click", check);
  timer = setTimeout(check, 1000);
</script>
</body>
</html>`;
  return new Response(html, {
    status: 503,
    headers: { "Content-Type": "text/html; charset=utf-8", "Retry-After": "5", "Cache-Control": "no-store" },
  });
}
