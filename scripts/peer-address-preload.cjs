/**
 * Loaded into the Next.js server (`node --require`, scripts/start.ts) so the app can know who
 * is at the other end of the TCP connection. `next start` offers no other way: it copies the
 * socket's address into X-Forwarded-For only when the client did not send that header, so the
 * header alone cannot tell a trusted proxy's report from a client's forgery.
 *
 * Every request gets the socket's address in PEER_ADDRESS_HEADER, overwriting whatever the
 * client sent under that name; lib/auth/client-address.ts believes the header only when the
 * marker below says this process stamps it.
 */
const http = require("node:http");

const PEER_ADDRESS_HEADER = "x-variance-dashboard-peer-address";
globalThis[Symbol.for("variance-dashboard.peer-address-header")] = PEER_ADDRESS_HEADER;

const createServer = http.createServer;
http.createServer = function createServerStampingPeer(...args) {
  const server = createServer.apply(this, args);
  // First in line, before Next.js's own listener reads the headers.
  server.prependListener("request", (request) => {
    request.headers[PEER_ADDRESS_HEADER] = request.socket.remoteAddress ?? "";
  });
  return server;
};
