import WebSocket from 'ws';

interface SnapshotMeta {
  node_fields: string[];
  node_types: [string[], ...unknown[]];
}

/**
 * Talks to a service's inspector (started with --inspect) to measure the bytes its heap retains:
 * a heap snapshot holds only reachable objects, so the sum of their self sizes is what the
 * process keeps alive. Compiled code is left out (it grows as the JIT warms up, not with data).
 */
export class HeapInspector {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private chunks: string[] = [];

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (raw: WebSocket.RawData) => {
      const message = JSON.parse(raw.toString()) as { id?: number; method?: string; params?: { chunk?: string }; result?: unknown; error?: { message: string } };
      if (message.method === 'HeapProfiler.addHeapSnapshotChunk' && message.params?.chunk) {
        this.chunks.push(message.params.chunk);
        return;
      }
      if (message.id !== undefined) {
        const waiter = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.error) waiter?.reject(new Error(message.error.message));
        else waiter?.resolve(message.result);
      }
    });
    socket.on('close', () => {
      for (const waiter of this.pending.values()) waiter.reject(new Error('inspector connection closed (did the service exit?)'));
      this.pending.clear();
    });
  }

  static async connect(url: string, timeoutMs = 5000): Promise<HeapInspector> {
    const socket = new WebSocket(url, { handshakeTimeout: timeoutMs });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    const inspector = new HeapInspector(socket);
    await inspector.send('HeapProfiler.enable');
    return inspector;
  }

  send(method: string, params: Record<string, unknown> = {}, timeoutMs = 60_000): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`inspector ${method} got no answer within ${timeoutMs / 1000} s`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  /** Bytes held by reachable objects, after a full garbage collection. */
  async retainedBytes(): Promise<number> {
    await this.send('HeapProfiler.collectGarbage');
    this.chunks = [];
    await this.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false, captureNumericValue: false });
    const snapshot = JSON.parse(this.chunks.join('')) as { snapshot: { meta: SnapshotMeta }; nodes: number[] };
    this.chunks = [];
    return sumSelfSizes(snapshot.snapshot.meta, snapshot.nodes);
  }

  close(): void {
    this.socket.close();
  }
}

export function sumSelfSizes(meta: SnapshotMeta, nodes: number[]): number {
  const fieldCount = meta.node_fields.length;
  const typeField = meta.node_fields.indexOf('type');
  const sizeField = meta.node_fields.indexOf('self_size');
  const codeType = meta.node_types[0].indexOf('code');
  let total = 0;
  for (let offset = 0; offset < nodes.length; offset += fieldCount) {
    if (nodes[offset + typeField] === codeType) continue;
    total += nodes[offset + sizeField] ?? 0;
  }
  return total;
}
