/**
 * Serves an app through Node's own HTTP server (@hono/node-server, as `npm start` does) on a free
 * port of 127.0.0.1, for the checks that only Node makes — a header value Node refuses to send
 * (« Invalid character in header content ») is a 500 there, not under `app.request()`.
 */
import { serve } from '@hono/node-server';
import { freePort } from '../../scripts/lib/run-server';

export interface Listening {
  url: string;
  close(): Promise<void>;
}

export async function listen(app: { fetch: (req: Request) => Response | Promise<Response> }): Promise<Listening> {
  const port = await freePort();
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
