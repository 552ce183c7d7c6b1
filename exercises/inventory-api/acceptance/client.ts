// The suite's only way into a server: HTTP requests with the right token, plus set-up helpers
// that create their own products (the database is never assumed empty).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import type { Endpoint, ProbeContext } from '@faultline/kit';

export type Role = 'editor' | 'reader' | 'anonymous';

/** An answer, with the request it answers, so every assertion message can name it. */
export interface Answer {
  /** e.g. "POST /products (editor)" */
  label: string;
  method: string;
  path: string;
  status: number;
  headers: Headers;
  contentType: string;
  body: unknown;
  text: string;
}

export interface SendOptions {
  body?: unknown;
  /** Sent as is instead of JSON-encoding `body` (content-type application/json unless overridden). */
  raw?: string;
  headers?: Record<string, string>;
  /** Replaces the default label suffix, e.g. 'with "Authorization: Basic …"'. */
  as?: string;
}

export interface RawOptions {
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Send the body with Transfer-Encoding: chunked, in pieces, without Content-Length. */
  chunked?: boolean;
  as?: string;
}

export interface Product {
  id: number;
  sku: string;
  name: string;
  description: string | null;
  priceCents: number;
  stock: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ProductInput {
  sku: string;
  name: string;
  description?: string | null;
  priceCents: number;
}

export interface Movement {
  id: number;
  productId: number;
  type: 'receive' | 'ship';
  quantity: number;
  reason: string;
  createdAt: string;
}

export interface MovementCreated {
  movement: Movement;
  stock: number;
}

export interface ProductPage {
  items: Product[];
  total: number;
  limit: number;
  offset: number;
}

/** A product and its history, to prove later that a refused request changed nothing. */
export interface Snapshot {
  product: Product;
  movements: Movement[];
}

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Upper-case letters and digits, e.g. for SKUs and search tags. */
export function randomCode(length: number): string {
  return [...randomBytes(length)].map((byte) => ALPHABET[byte % ALPHABET.length]).join('');
}

/** A SKU no other check or run uses, matching ^[A-Z0-9][A-Z0-9-]{2,31}$. */
export function uniqueSku(prefix = 'T'): string {
  return `${prefix}-${Date.now().toString(36).toUpperCase()}-${randomCode(6)}`;
}

/** A word to put in names so that `q` narrows a list to this check's products. */
export function uniqueTag(): string {
  return `ZQ${randomCode(10)}`;
}

/** An id that is well-formed but far above anything a test server assigns. */
export function unknownId(): number {
  return 2_147_000_000 + Math.floor(Math.random() * 400_000);
}

function setting(ctx: ProbeContext, name: string): string {
  const value = ctx.settings[name];
  if (!value) throw new Error(`the suite needs ${name} (a token of the ${name === 'READ_TOKEN' ? 'reader' : 'editor'} role) in its environment`);
  return value;
}

export class Api {
  readonly readToken: string;
  readonly editToken: string;
  readonly endpoint: Endpoint;

  constructor(ctx: ProbeContext) {
    this.endpoint = ctx.primary;
    this.readToken = setting(ctx, 'READ_TOKEN');
    this.editToken = setting(ctx, 'EDIT_TOKEN');
  }

  token(role: Exclude<Role, 'anonymous'>): string {
    return role === 'editor' ? this.editToken : this.readToken;
  }

  async send(role: Role, method: string, path: string, options: SendOptions = {}): Promise<Answer> {
    const auth: Record<string, string> = role === 'anonymous' ? {} : { authorization: `Bearer ${this.token(role)}` };
    const response = await this.endpoint.request(method, path, {
      ...(options.body !== undefined ? { body: options.body } : {}),
      ...(options.raw !== undefined ? { raw: options.raw } : {}),
      headers: { ...auth, ...options.headers },
    });
    const who = options.as ?? (role === 'anonymous' ? 'without a token' : `(${role})`);
    return { label: `${method} ${path} ${who}`, method, path, status: response.status, headers: response.headers, contentType: response.contentType, body: response.body, text: response.text };
  }

  editor(method: string, path: string, options?: SendOptions): Promise<Answer> {
    return this.send('editor', method, path, options);
  }

  reader(method: string, path: string, options?: SendOptions): Promise<Answer> {
    return this.send('reader', method, path, options);
  }

  anonymous(method: string, path: string, options?: SendOptions): Promise<Answer> {
    return this.send('anonymous', method, path, options);
  }

  /**
   * A request with exactly the given headers and bytes, on node:http: for paths fetch would
   * normalise (`/a/../b`), bodies without Content-Type and chunked bodies.
   */
  raw(method: string, path: string, options: RawOptions = {}): Promise<Answer> {
    const url = new URL(this.endpoint.url);
    const headers: Record<string, string> = { ...options.headers };
    const body = options.body === undefined ? undefined : Buffer.from(options.body);
    if (body && !options.chunked) headers['content-length'] = String(body.length);
    if (body && options.chunked) headers['transfer-encoding'] = 'chunked';
    const label = `${method} ${path} ${options.as ?? ''}`.trim();
    return new Promise<Answer>((resolve, reject) => {
      const request = httpRequest(
        { host: url.hostname, port: url.port, method, path, headers, agent: false, timeout: 10_000 },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            const contentType = response.headers['content-type'] ?? '';
            let parsed: unknown = text;
            if (contentType.includes('json') && text) {
              try {
                parsed = JSON.parse(text);
              } catch {
                parsed = text;
              }
            }
            const responseHeaders = new Headers();
            for (const [name, value] of Object.entries(response.headers)) {
              if (value !== undefined) responseHeaders.set(name, Array.isArray(value) ? value.join(', ') : value);
            }
            resolve({ label, method, path, status: response.statusCode ?? 0, headers: responseHeaders, contentType, body: parsed, text });
          });
        },
      );
      request.on('timeout', () => request.destroy(new Error(`${label}: no answer within 10 s`)));
      request.on('error', (error) => reject(new Error(`${label}: ${error.message}`, { cause: error })));
      if (body && options.chunked) {
        // Several chunks, so the size is only known once the body has arrived.
        const piece = 16 * 1024;
        for (let start = 0; start < body.length; start += piece) request.write(body.subarray(start, start + piece));
        request.end();
      } else {
        request.end(body);
      }
    });
  }

  /** Creates a product as the editor; asserts 201. */
  async createProduct(fields: Partial<ProductInput> = {}): Promise<Product> {
    const input: ProductInput = { sku: uniqueSku(), name: `Acceptance item ${randomCode(6)}`, priceCents: 1299, ...fields };
    const answer = await this.editor('POST', '/products', { body: input });
    assert.equal(answer.status, 201, `set-up: ${answer.label} with ${JSON.stringify(input).slice(0, 200)}: expected 201, got ${answer.status} ${answer.text.slice(0, 300)}`);
    return answer.body as Product;
  }

  /** Creates a product and brings its stock to `stock` with one receive. */
  async stockedProduct(stock: number, fields: Partial<ProductInput> = {}): Promise<Product> {
    const product = await this.createProduct(fields);
    if (stock > 0) await this.move(product.id, 'receive', stock);
    return this.product(product.id);
  }

  /** GET /products/{id} as the reader; asserts 200. */
  async product(id: number): Promise<Product> {
    const answer = await this.reader('GET', `/products/${id}`);
    assert.equal(answer.status, 200, `${answer.label}: expected 200, got ${answer.status} ${answer.text.slice(0, 300)}`);
    return answer.body as Product;
  }

  /** Records a movement as the editor; asserts 201. */
  async move(id: number, type: 'receive' | 'ship', quantity: number, reason = `Acceptance ${type}`): Promise<MovementCreated> {
    const answer = await this.editor('POST', `/products/${id}/stock-movements`, { body: { type, quantity, reason } });
    assert.equal(answer.status, 201, `${answer.label} ${type} ${quantity}: expected 201, got ${answer.status} ${answer.text.slice(0, 300)}`);
    return answer.body as MovementCreated;
  }

  /** GET /products/{id}/stock-movements as the reader; asserts 200. */
  async history(id: number): Promise<Movement[]> {
    const answer = await this.reader('GET', `/products/${id}/stock-movements`);
    assert.equal(answer.status, 200, `${answer.label}: expected 200, got ${answer.status} ${answer.text.slice(0, 300)}`);
    const items = (answer.body as { items?: unknown }).items;
    assert.ok(Array.isArray(items), `${answer.label}: expected {"items": [...]}, got ${answer.text.slice(0, 300)}`);
    return items as Movement[];
  }

  /** GET /products?{query} as the reader; asserts 200 and the page envelope. */
  async list(query: string): Promise<ProductPage> {
    const answer = await this.reader('GET', `/products?${query}`);
    assert.equal(answer.status, 200, `${answer.label}: expected 200, got ${answer.status} ${answer.text.slice(0, 300)}`);
    const page = answer.body as ProductPage;
    assert.ok(Array.isArray(page.items) && Number.isInteger(page.total), `${answer.label}: expected {items, total, limit, offset}, got ${answer.text.slice(0, 300)}`);
    return page;
  }

  async snapshot(id: number): Promise<Snapshot> {
    const [product, movements] = await Promise.all([this.product(id), this.history(id)]);
    return { product, movements };
  }

  /** "Nothing changes": the same product, same version, same movements. */
  async assertUnchanged(before: Snapshot, after: string): Promise<void> {
    const now = await this.snapshot(before.product.id);
    assert.deepEqual(now.product, before.product, `after ${after}: the product must be unchanged (same values, same version)`);
    assert.deepEqual(now.movements, before.movements, `after ${after}: the movement history must be unchanged`);
  }

  /** How many products exist: "no product was created" when it is the same before and after. */
  async countProducts(): Promise<number> {
    return (await this.list('limit=1')).total;
  }

  /** No product with this SKU exists (searching by SKU with q). */
  async assertNoSku(sku: string, after: string): Promise<void> {
    const page = await this.list(`q=${encodeURIComponent(sku)}`);
    const found = page.items.filter((p) => p.sku === sku);
    assert.equal(found.length, 0, `after ${after}: no product with SKU ${sku} may exist, found ${JSON.stringify(found).slice(0, 200)}`);
  }
}
