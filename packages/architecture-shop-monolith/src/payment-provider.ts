// The payment provider as the shop sees it: an HTTP API that answers in ~150 ms on a good day.
// For the lab it runs in this process on its own port, and its latency and failure rate can be
// changed at run time (PUT /config), to replay the provider's incidents.
import { createServer, type Server } from 'node:http';
import { randomUUID } from 'node:crypto';

export interface ProviderBehaviour {
  latencyMs: number;
  /** Share of payments refused with 502, 0–1. */
  failureRate: number;
}

export function startLabPaymentProvider(initial: ProviderBehaviour): Promise<{ url: string; behaviour: ProviderBehaviour; server: Server }> {
  const behaviour = { ...initial };
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      if (req.method === 'PUT' && req.url === '/config') {
        try {
          const next = JSON.parse(body) as Partial<ProviderBehaviour>;
          if (next.latencyMs !== undefined) behaviour.latencyMs = Math.max(0, Number(next.latencyMs));
          if (next.failureRate !== undefined) behaviour.failureRate = Math.min(1, Math.max(0, Number(next.failureRate)));
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(behaviour));
        } catch {
          res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"body must be JSON: {\\"latencyMs\\": 3000, \\"failureRate\\": 0.1}"}');
        }
        return;
      }
      if (req.method === 'GET' && req.url === '/config') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(behaviour));
        return;
      }
      if (req.method === 'POST' && req.url === '/payments') {
        setTimeout(() => {
          if (Math.random() < behaviour.failureRate) {
            res.writeHead(502, { 'content-type': 'application/json' }).end('{"error":"acquirer unavailable"}');
          } else {
            res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ reference: randomUUID(), status: 'captured' }));
          }
        }, behaviour.latencyMs);
        return;
      }
      res.writeHead(404).end();
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ url: `http://127.0.0.1:${port}`, behaviour, server });
    });
  });
}
