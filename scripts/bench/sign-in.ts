/**
 * Signs in over HTTP the way the browser's form does underneath: Auth.js's CSRF token, then
 * its credentials callback. Returns the Cookie header of the signed-in session.
 */
export async function signInOverHttp(origin: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${origin}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: cookieHeader(csrfCookies(csrf.headers.getSetCookie(), csrfToken)),
    },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${origin}/` }),
  });
  const cookies = response.headers.getSetCookie();
  if (!cookies.some((cookie) => cookie.includes("session-token="))) {
    throw new Error(`signing in as ${email} failed (HTTP ${response.status}, no session cookie)`);
  }
  return cookieHeader(cookies);
}

/** The proxy and the route both set a CSRF cookie on that first answer; only one matches the token. */
const csrfCookies = (setCookies: string[], csrfToken: string) =>
  setCookies.filter(
    (cookie) => !cookie.includes("csrf-token=") || cookie.split(";")[0]!.split("=")[1]!.startsWith(csrfToken),
  );

const cookieHeader = (setCookies: string[]) => setCookies.map((cookie) => cookie.split(";")[0]).join("; ");
