// fastify-stock-movements is "present" while receive/ship/history are missing: runs the
// acceptance checks that need them (and CRUD, which they build on) but none of the senior extras.
// The names were chosen so that the fault matrix holds: each subset passes once its fix and the
// fixes it requires are applied, and fails before. A name is a check's name or its beginning.
import { capabilityProbe } from '../../capability.js';
import checks from '../../acceptance/index.js';

const NAMES: readonly string[] = [
  "When 1000 malformed requests generated from the spec's schemas arrive, then none gets a 5xx and no error body carries internals",
  "When 20 ships of 1 hit a product with stock 5 at once, then exactly 5 succeed with stocks 4…0 and the other 15 get 409",
  "When 20 ships of 4 hit a product with stock 10 at once, then exactly two succeed and stock ends at 2",
  "When Content-Type is application/json with a charset parameter, then the body is accepted",
  "When If-Match is stale but the request fails earlier, then authentication, validation and existence win over 412",
  "When PATCH breaks the field rules, then it answers 400 naming the field and the product is unchanged",
  "When a JSON body is truncated, has a trailing comma, single quotes, bare words or is empty, then it answers 400 malformed-json and nothing changes",
  "When a SKU is already taken, then POST /products answers 409 sku-conflict and the existing product is unchanged",
  "When a body has __proto__, constructor or prototype properties, then it is refused with 400 and later requests behave normally",
  "When a body has unknown or read-only properties, sku on PATCH or an empty PATCH, then it answers 400 pointing at them and nothing changes",
  "When a body is form data, multipart, merge-patch, text or has no Content-Type, then it answers 415 and nothing changes",
  "When a body is over 64 KiB, with Content-Length or chunked, then it answers 413 payload-too-large and nothing changes",
  "When a body is valid JSON but not an object, or there is no body at all, then it answers 400 with field \"\"",
  "When a movement is recorded, then its reason is trimmed, it has exactly six members and the product gets a new version and updatedAt",
  "When a path id is not a positive decimal integer up to 2147483647, then every id endpoint answers 400 with field \"id\" and nothing is touched",
  "When a path id is not a positive integer, then it answers 400 validation with field \"id\"",
  "When a path or method is not in the API, then it answers 404 not-found as a problem, never 405",
  "When a product id does not exist, then reading, patching and deleting it answer 404 not-found",
  "When a product with stock and movements is deleted, then every endpoint answers 404 for it and its SKU can be reused with a new id",
  "When a reader or an editor reads, then every GET endpoint answers 200",
  "When a reader tries to write, then it answers 403 forbidden and nothing changes",
  "When a reader writes, then it is a 403 whatever the body, id or content type, even for unknown products",
  "When a request with an Idempotency-Key is refused with 400, 403, 404 or 415, then the key is not used up",
  "When a ship exceeds the stock, then it answers 409 insufficient-stock and nothing changes",
  "When a stock movement breaks the field rules, then it answers 400 naming the field, before any stock check, and nothing changes",
  "When a stock movement has an invalid type or quantity, then it answers 400 validation naming the field and the stock is unchanged",
  "When a token differs from a real one in letter case, by a prefix or an extension, or is a role name, then it answers 401",
  "When a valid ship or receive targets a product that never existed, then it answers 404 whatever the quantity",
  "When any product endpoint is called without a token, then it answers 401 and nothing changes",
  "When goods are received and then shipped, then each answers 201 with the movement and the new stock",
  "When identical movements are sent without an Idempotency-Key, then each one is recorded",
  "When ids or query strings are not valid percent-encoded UTF-8 or numbers are huge, then it answers 400 validation, never 5xx",
  "When patches and movements alternate, then stock is the sum of the history and version is 1 + patches + movements",
  "When paths are disguised (trailing or doubled slashes, case, dot segments, encoded slashes, HEAD, rewrite headers), then nothing answers 2xx without a token",
  "When price and stock filters are combined, then the bounds are inclusive and every filter applies",
  "When receives, ships and reads run at once on one product, then every 201 counts once, every 409 not at all, and stock is never negative",
  "When requests are refused for any reason, then no error body holds a stack trace, file path, SQL or exception name",
  "When several products have movements and some ships are refused, then each history holds only its own recorded movements",
  "When sorting by priceCents or stock, then equal values are ordered by id ascending in both directions",
  "When text holds SQL, markup or template syntax, then it is stored, searched and returned exactly and has no other effect",
  "When the movement history is read, then it lists every movement of this product, newest first",
  "When the scheme is written bearer or BEARER, then the token is accepted",
  "When the token is sent in the query string, X-Api-Key or a cookie, then it answers 401",
  "When the whole stock is shipped, then stock is 0 and the next ship is refused with 409",
];

const selected = checks.filter((check) => NAMES.some((name) => check.name === name || check.name.startsWith(name)));
if (selected.length !== NAMES.length) throw new Error(`fastify-stock-movements probe: ${NAMES.length} checks named, ${selected.length} found in the acceptance suite`);

export default capabilityProbe('stock movements', selected);
