/**
 * Bearer-token access for a shared server: every /api request must carry `Authorization: Bearer <token>` matching
 * an entry of the token file; readers may only read (GET, HEAD), editors may also change the store. Without a token
 * list (a server kept to this machine) every request is let through as the local user.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { verifyToken, type Principal, type TokenEntry } from '../app/access-tokens.js';
import { DossierError } from '../model/index.js';

/** The user of a server without tokens: the person at this machine, who may do everything. */
export const LOCAL_PRINCIPAL: Principal = { role: 'editor', name: 'local user' };

/** Methods that change nothing, allowed to readers. */
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const principals = new WeakMap<Request, Principal>();

/** Who made this request (LOCAL_PRINCIPAL on a server without tokens). */
export function principalOf(c: Context): Principal {
  return principals.get(c.req.raw) ?? LOCAL_PRINCIPAL;
}

/**
 * The middleware for /api/*: 401 without a valid bearer token, 403 when a reader asks to change something.
 * @example app.use('/api/*', bearerAuth(loadTokenFile('tokens.txt')));
 */
export function bearerAuth(entries: readonly TokenEntry[]): MiddlewareHandler {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer[ \t]+(\S{1,512})[ \t]*$/i.exec(header);
    const principal = match ? verifyToken(entries, match[1]!) : undefined;
    if (!principal) {
      c.header('WWW-Authenticate', `Bearer realm="dossier"${header ? ', error="invalid_token"' : ''}`);
      throw new DossierError('E_UNAUTHORIZED', header ? 'the access token is not valid' : 'this server needs an access token: send "Authorization: Bearer <token>"');
    }
    if (!READ_METHODS.has(c.req.method) && principal.role !== 'editor') {
      throw new DossierError('E_FORBIDDEN', `a ${principal.role} token may only read: ${c.req.method} ${c.req.path} needs an editor token`);
    }
    principals.set(c.req.raw, principal);
    await next();
  };
}
