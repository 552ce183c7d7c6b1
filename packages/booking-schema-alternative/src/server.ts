// A small HTTP surface over the store, for scripts and the grader: POST /rpc/<method> with the
// method's argument object as JSON; the answer is the method's result as JSON, or an RFC 9457
// problem whose `code` is the store's error code.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { METHODS, StoreError, type BookingStore, type Method } from './store/types.js';

const STATUS: Record<StoreError['code'], number> = { 'not-found': 404, overlap: 409, 'invalid-transition': 409, 'invalid-argument': 400 };
const MAX_BODY = 1 << 20;

export function createRpcServer(store: BookingStore, log: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Server {
  return createServer((req, res) => {
    handle(store, req, res).catch((error: unknown) => {
      log(`internal error on ${req.method ?? ''} ${req.url ?? ''}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      if (!res.headersSent) problem(res, 500, 'Internal error', 'internal', 'the store failed; see the server log');
    });
  });
}

async function handle(store: BookingStore, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (req.method === 'GET' && url.pathname === '/health') return json(res, 200, { status: 'ok' });
  const match = /^\/rpc\/([A-Za-z]+)$/.exec(url.pathname);
  if (!match) return problem(res, 404, 'Not found', 'not-found', `no route ${url.pathname}: use POST /rpc/<method>, one of ${METHODS.join(', ')}`);
  const method = match[1] as Method;
  if (!METHODS.includes(method)) return problem(res, 404, 'Not found', 'not-found', `unknown method ${method}: use one of ${METHODS.join(', ')}`);
  if (req.method !== 'POST') return problem(res, 405, 'Method not allowed', 'invalid-argument', `use POST /rpc/${method}`);
  let input: unknown;
  try {
    const body = await readBody(req);
    input = body.trim() === '' ? {} : JSON.parse(body);
  } catch (error) {
    return problem(res, 400, 'Bad request', 'invalid-argument', `the body must be a JSON object of the method's arguments: ${(error as Error).message}`);
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return problem(res, 400, 'Bad request', 'invalid-argument', "the body must be a JSON object of the method's arguments");
  }
  try {
    const call = store[method] as (arg: unknown) => Promise<unknown>;
    const result = method === 'load' ? await store.load(String((input as { dir?: unknown }).dir ?? '')) : await call.call(store, input);
    json(res, 200, result ?? null);
  } catch (error) {
    if (error instanceof StoreError) return problem(res, STATUS[error.code], error.code, error.code, error.message);
    throw error;
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error(`the body is larger than ${MAX_BODY} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function problem(res: ServerResponse, status: number, title: string, code: string, detail: string): void {
  res.writeHead(status, { 'content-type': 'application/problem+json' }).end(JSON.stringify({ type: 'about:blank', title, status, code, detail }));
}
