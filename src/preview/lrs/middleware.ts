/**
 * The emulated LRS on the dev servers: one EmulatedLrs per server process, reachable under /__lrs/ by
 * the course (the xAPI endpoint and fetch URL of a launch) and by the preview page and the browser
 * tests (/__lrs/admin/...: launch, report, state, fault, close). Adapters for Koa (@web/test-runner)
 * and Connect (Vite). Never part of a package.
 */
import { EmulatedLrs, LRS_PREFIX, type Fault, type LaunchRequest, type LrsResponse } from './lrs';

export const lrs = new EmulatedLrs();

interface Incoming {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

const header = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value.join(', ') : value;

const json = (status: number, value: unknown): LrsResponse => ({
  status,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(value ?? null),
});

/** Answers one request under /__lrs/, or null for any other path. */
export function answer(incoming: Incoming): LrsResponse | null {
  const url = new URL(incoming.url, 'http://localhost');
  if (!url.pathname.startsWith(`${LRS_PREFIX}/`)) return null;
  const headers: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(incoming.headers)) headers[k.toLowerCase()] = header(v);
  if (!url.pathname.startsWith(`${LRS_PREFIX}/admin/`)) {
    return lrs.handle({
      method: incoming.method,
      path: url.pathname,
      query: url.searchParams,
      headers,
      body: incoming.body,
    });
  }
  const action = url.pathname.slice(`${LRS_PREFIX}/admin/`.length);
  const body = (): Record<string, unknown> =>
    incoming.body ? (JSON.parse(incoming.body) as Record<string, unknown>) : {};
  const q = url.searchParams;
  try {
    switch (action) {
      case 'launch': {
        const origin = `http://${headers['host'] ?? 'localhost'}`;
        const request = body() as unknown as Omit<LaunchRequest, 'origin' | 'auUrl'> & { auUrl: string };
        return json(200, lrs.launch({ ...request, auUrl: new URL(request.auUrl, origin).href, origin }));
      }
      case 'report':
        return json(200, lrs.report(q.get('registration') ?? ''));
      case 'state':
        return json(200, lrs.stateDocument(q.get('registration') ?? '', q.get('stateId') ?? ''));
      case 'fault': {
        const { registration, fault } = body() as { registration: string; fault: Fault };
        lrs.setFault(registration, fault);
        return json(200, { ok: true });
      }
      case 'close':
        lrs.closeSession(String(body()['sessionId'] ?? ''));
        return json(200, { ok: true });
      default:
        return json(404, { error: `no admin action ${action}` });
    }
  } catch (error) {
    return json(400, { error: error instanceof Error ? error.message : String(error) });
  }
}

async function readBody(stream: AsyncIterable<unknown>): Promise<string> {
  let text = '';
  for await (const chunk of stream)
    text += typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8');
  return text;
}

const hold = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface KoaContext {
  method: string;
  url: string;
  req: AsyncIterable<unknown> & { headers: Record<string, string | string[] | undefined> };
  status: number;
  body: unknown;
  set(name: string, value: string): void;
}

/** For @web/test-runner's `middleware` list. */
export async function lrsKoaMiddleware(ctx: KoaContext, next: () => Promise<unknown>): Promise<unknown> {
  if (!ctx.url.startsWith(`${LRS_PREFIX}/`)) return next();
  const response = answer({
    method: ctx.method,
    url: ctx.url,
    headers: ctx.req.headers,
    body: await readBody(ctx.req),
  })!;
  if (response.holdMs) await hold(response.holdMs);
  ctx.status = response.status;
  for (const [k, v] of Object.entries(response.headers)) ctx.set(k, v);
  ctx.set('Cache-Control', 'no-store');
  ctx.body = response.body;
  return undefined;
}

interface ConnectRequest extends AsyncIterable<unknown> {
  method?: string;
  url?: string;
  headers: Record<string, string | string[] | undefined>;
}
interface ConnectResponse {
  statusCode: number;
  setHeader(name: string, value: string): void;
  end(body?: string): void;
}

/** For Vite's dev server (`configureServer`). */
export function lrsConnectMiddleware(req: ConnectRequest, res: ConnectResponse, next: () => void): void {
  if (!req.url?.startsWith(`${LRS_PREFIX}/`)) return next();
  void readBody(req).then(async (body) => {
    const response = answer({ method: req.method ?? 'GET', url: req.url!, headers: req.headers, body })!;
    if (response.holdMs) await hold(response.holdMs);
    res.statusCode = response.status;
    for (const [k, v] of Object.entries(response.headers)) res.setHeader(k, v);
    res.setHeader('Cache-Control', 'no-store');
    res.end(response.body);
  });
}
