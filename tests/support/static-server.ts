import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import type { AddressInfo } from 'net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.xml': 'application/xml',
};

/**
 * Answers requests for files below `root` (optionally below a URL prefix such as "/stellenplan/", as an
 * intranet server hosts the add-in) with the add-in's CSP and any further headers; everything else is 404.
 */
export function staticFiles(
  root: string,
  csp: string,
  options: { prefix?: string; headers?: Record<string, string> } = {},
): http.RequestListener {
  const prefix = options.prefix ?? '/';
  return (req, res) => {
    const urlPath = decodeURIComponent((req.url ?? '/').split('?')[0]);
    const rel = urlPath.startsWith(prefix) ? urlPath.slice(prefix.length) : null;
    const file = rel === null ? '' : path.join(root, path.normalize(rel).replace(/^(\.\.[/\\])+/, ''));
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': csp,
      ...options.headers,
    });
    fs.createReadStream(file).pipe(res);
  };
}

/** Serves a build folder on 127.0.0.1 with the add-in's CSP, like the dev server does. */
export async function serveStatic(
  root: string,
  csp: string,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer(staticFiles(root, csp));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}
