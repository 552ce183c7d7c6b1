export interface HttpResponse<T = unknown> {
  status: number;
  headers: Headers;
  contentType: string;
  body: T;
  text: string;
  ms: number;
}

export interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
  /** Send this raw string instead of JSON-encoding `body`. */
  raw?: string;
  timeoutMs?: number;
}

/** A JSON HTTP client bound to one service instance; every request has a timeout. */
export class Endpoint {
  constructor(
    readonly name: string,
    readonly url: string,
    private readonly defaultTimeoutMs = 10_000,
  ) {}

  async request<T = unknown>(method: string, path: string, options: RequestOptions = {}): Promise<HttpResponse<T>> {
    const started = performance.now();
    const hasBody = options.raw !== undefined || options.body !== undefined;
    let response: Response;
    try {
      response = await fetch(this.url + path, {
        method,
        headers: { accept: 'application/json', ...(hasBody ? { 'content-type': 'application/json' } : {}), ...options.headers },
        body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
        signal: AbortSignal.timeout(options.timeoutMs ?? this.defaultTimeoutMs),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const reason =
        error instanceof Error && error.name === 'TimeoutError'
          ? `no answer within ${options.timeoutMs ?? this.defaultTimeoutMs} ms`
          : `${String(error)}${cause ? ` (${cause.code ?? cause.message})` : ''}`;
      throw new Error(`${method} ${path} on ${this.name}: ${reason}`, { cause: error });
    }
    const text = await response.text();
    const contentType = response.headers.get('content-type') ?? '';
    let body: unknown = text;
    if (contentType.includes('json') && text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    return { status: response.status, headers: response.headers, contentType, body: body as T, text, ms: performance.now() - started };
  }

  get<T = unknown>(path: string, options?: RequestOptions) {
    return this.request<T>('GET', path, options);
  }
  post<T = unknown>(path: string, body?: unknown, options?: RequestOptions) {
    return this.request<T>('POST', path, { ...options, body });
  }
  patch<T = unknown>(path: string, body?: unknown, options?: RequestOptions) {
    return this.request<T>('PATCH', path, { ...options, body });
  }

  /** Like request, but throws unless the status is the expected one; returns the body. */
  async expect<T = unknown>(status: number, method: string, path: string, options?: RequestOptions): Promise<T> {
    const response = await this.request<T>(method, path, options);
    if (response.status !== status) {
      throw new Error(`${method} ${path}: expected ${status}, got ${response.status} ${response.text.slice(0, 300)}`);
    }
    return response.body;
  }

  /** Sends `count` requests, `concurrency` at a time; returns the status counts. */
  async hammer(count: number, concurrency: number, pathOf: (index: number) => string): Promise<Map<number, number>> {
    const statuses = new Map<number, number>();
    let next = 0;
    const worker = async () => {
      while (next < count) {
        const index = next++;
        const response = await fetch(this.url + pathOf(index), { signal: AbortSignal.timeout(this.defaultTimeoutMs) });
        await response.arrayBuffer();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return statuses;
  }
}
