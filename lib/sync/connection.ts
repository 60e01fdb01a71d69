/**
 * The user's sync server: where it is, who they are there, and which databases hold their data.
 *
 * Rules the lead wires (issue 13, "Opt-in, least privilege"):
 * - the connection (password included) lives only in the background's own storage, never in a
 *   backup file, never in a message to a content script or a framed page, never in a log;
 * - connecting asks for the optional host permission `hostPermissionPattern(url, browser)`, for
 *   that origin only; disconnecting removes it;
 * - without a connection no code here runs, so DigestLens makes no network request at all.
 */
import { z } from 'zod';

/** CouchDB's rule for database names. */
const DATABASE_NAME = /^[a-z][a-z0-9_$()+/-]*$/;

export const SyncConnectionSchema = z.object({
  /** The server's base URL, e.g. `https://couch.example.org` (a path prefix is allowed). */
  serverUrl: z.string().max(2000),
  user: z.string().min(1).max(200),
  /** The password or a CouchDB token; sent as HTTP basic auth over https. */
  password: z.string().min(1).max(1000),
  /** The user's private database (notes, versions, queue, settings and their papers). */
  privateDatabase: z.string().regex(DATABASE_NAME).max(238),
  /** The lab's shared corpus (digests and their papers), or null when there is none. */
  labDatabase: z.string().regex(DATABASE_NAME).max(238).nullable(),
});
export type SyncConnection = z.infer<typeof SyncConnectionSchema>;

export type ServerUrlCheck = { ok: true; url: URL } | { ok: false; reason: string };

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * Whether `input` may be a sync server: http(s) only; https except on this machine (loopback),
 * since the password travels with every request; no user name or password inside the URL.
 */
export function checkServerUrl(input: string): ServerUrlCheck {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false, reason: 'this is not a web address' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: 'the address must start with https://' };
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    return { ok: false, reason: 'the address must start with https:// (plain http is allowed only for this computer)' };
  }
  if (url.username || url.password) return { ok: false, reason: 'put the user name and password in their own fields, not in the address' };
  if (url.search || url.hash) return { ok: false, reason: 'the address must not have a query (?) or a fragment (#)' };
  return { ok: true, url };
}

/**
 * The optional host permission to request for the server. Chrome match patterns may name a
 * port; Firefox's take none (a port there makes the pattern invalid), so Firefox gets the host.
 */
export function hostPermissionPattern(serverUrl: string, browser: 'chrome' | 'firefox'): string {
  const check = checkServerUrl(serverUrl);
  if (!check.ok) throw new Error(`not a sync server address: ${check.reason}`);
  const { protocol, hostname, host } = check.url;
  return `${protocol}//${browser === 'firefox' ? hostname : host}/*`;
}

/** The URL of one of the connection's databases. */
export function databaseUrl(connection: SyncConnection, database: string): string {
  const base = connection.serverUrl.trim().replace(/\/+$/, '');
  return `${base}/${encodeURIComponent(database)}`;
}

/** `Basic <base64 of user:password>`, UTF-8 safe (btoa alone fails on non-Latin-1 passwords). */
export function basicAuthorization(user: string, password: string): string {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  return `Basic ${btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''))}`;
}

export type Fetch = (url: string | Request, init?: RequestInit) => Promise<Response>;

/** A request that gets no answer in this long fails as "unreachable", so one stuck run cannot block sync forever. */
export const REQUEST_TIMEOUT_MS = 60_000;

/**
 * A fetch that sends the connection's credentials with every request and nothing else: no
 * cookies (`credentials: 'omit'`), so a CouchDB session cookie from a visited page is never used.
 * Each request gives up after REQUEST_TIMEOUT_MS.
 */
export function authorizedFetch(connection: Pick<SyncConnection, 'user' | 'password'>, baseFetch: Fetch = fetch): Fetch {
  const authorization = basicAuthorization(connection.user, connection.password);
  return (url, init = {}) => {
    const headers = new Headers(init.headers);
    headers.set('Authorization', authorization);
    const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
    const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    return baseFetch(url, { ...init, headers, credentials: 'omit', signal });
  };
}
