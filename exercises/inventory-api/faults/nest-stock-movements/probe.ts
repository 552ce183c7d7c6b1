// The acceptance checks of one capability of the reference: stock movements, their validation and concurrency, and everything that needs a stocked product.
// Chosen by name so the fault matrix holds: each needs POST /products/{id}/stock-movements (directly or to stock a product), so they fail until movements exist.
// A name the suite no longer has fails loudly instead of shrinking the subset.
import type { FunctionalCheck } from '@faultline/kit';
import authHidden from '../../acceptance/auth.hidden.js';
import authVisible from '../../acceptance/auth.visible.js';
import concurrencyHidden from '../../acceptance/concurrency.hidden.js';
import errorsHidden from '../../acceptance/errors.hidden.js';
import errorsVisible from '../../acceptance/errors.visible.js';
import extrasHidden from '../../acceptance/extras.hidden.js';
import listingHidden from '../../acceptance/listing.hidden.js';
import productsHidden from '../../acceptance/products.hidden.js';
import stockHidden from '../../acceptance/stock.hidden.js';
import stockVisible from '../../acceptance/stock.visible.js';
import validationQueryHidden from '../../acceptance/validation-query.hidden.js';
import validationHidden from '../../acceptance/validation.hidden.js';
import validationVisible from '../../acceptance/validation.visible.js';
import { capabilityProbe } from '../../capability.js';

const NAMES: ReadonlyArray<[readonly FunctionalCheck[], string]> = [
  [authHidden, 'When a token differs from a real one in letter case, by a prefix or an extension, or is a role name, then it answers 401'],
  [authHidden, 'When the token is sent in the query string, X-Api-Key or a cookie, then it answers 401'],
  [authHidden, 'When any product endpoint is called without a token, then it answers 401 and nothing changes'],
  [authHidden, 'When the scheme is written bearer or BEARER, then the token is accepted'],
  [authHidden, 'When a reader writes, then it is a 403 whatever the body, id or content type, even for unknown products'],
  [authHidden, 'When paths are disguised (trailing or doubled slashes, case, dot segments, encoded slashes, HEAD, rewrite headers), then nothing answers 2xx without a token'],
  [authVisible, 'When a reader tries to write, then it answers 403 forbidden and nothing changes'],
  [authVisible, 'When a reader or an editor reads, then every GET endpoint answers 200'],
  [concurrencyHidden, 'When 20 ships of 1 hit a product with stock 5 at once, then exactly 5 succeed with stocks 4…0 and the other 15 get 409'],
  [concurrencyHidden, 'When 20 ships of 4 hit a product with stock 10 at once, then exactly two succeed and stock ends at 2'],
  [concurrencyHidden, 'When receives, ships and reads run at once on one product, then every 201 counts once, every 409 not at all, and stock is never negative'],
  [errorsHidden, 'When a path or method is not in the API, then it answers 404 not-found as a problem, never 405'],
  [errorsHidden, 'When a JSON body is truncated, has a trailing comma, single quotes, bare words or is empty, then it answers 400 malformed-json and nothing changes'],
  [errorsHidden, 'When a body is form data, multipart, merge-patch, text or has no Content-Type, then it answers 415 and nothing changes'],
  [errorsHidden, 'When Content-Type is application/json with a charset parameter, then the body is accepted'],
  [errorsHidden, 'When a body is over 64 KiB, with Content-Length or chunked, then it answers 413 payload-too-large and nothing changes'],
  [errorsHidden, 'When a valid ship or receive targets a product that never existed, then it answers 404 whatever the quantity'],
  [errorsHidden, 'When requests are refused for any reason, then no error body holds a stack trace, file path, SQL or exception name'],
  [errorsHidden, 'When ids or query strings are not valid percent-encoded UTF-8 or numbers are huge, then it answers 400 validation, never 5xx'],
  [errorsVisible, 'When a product id does not exist, then reading, patching and deleting it answer 404 not-found'],
  [errorsVisible, 'When a SKU is already taken, then POST /products answers 409 sku-conflict and the existing product is unchanged'],
  [errorsVisible, 'When a ship exceeds the stock, then it answers 409 insufficient-stock and nothing changes'],
  [extrasHidden, 'When If-Match is stale but the request fails earlier, then authentication, validation and existence win over 412'],
  [extrasHidden, 'When a request with an Idempotency-Key is refused with 400, 403, 404 or 415, then the key is not used up'],
  [extrasHidden, 'When identical movements are sent without an Idempotency-Key, then each one is recorded'],
  [listingHidden, 'When price and stock filters are combined, then the bounds are inclusive and every filter applies'],
  [listingHidden, 'When sorting by priceCents or stock, then equal values are ordered by id ascending in both directions'],
  [productsHidden, 'When a product with stock and movements is deleted, then every endpoint answers 404 for it and its SKU can be reused with a new id'],
  [stockHidden, 'When a movement is recorded, then its reason is trimmed, it has exactly six members and the product gets a new version and updatedAt'],
  [stockHidden, 'When the whole stock is shipped, then stock is 0 and the next ship is refused with 409'],
  [stockHidden, 'When several products have movements and some ships are refused, then each history holds only its own recorded movements'],
  [stockHidden, 'When patches and movements alternate, then stock is the sum of the history and version is 1 + patches + movements'],
  [stockVisible, 'When goods are received and then shipped, then each answers 201 with the movement and the new stock'],
  [stockVisible, 'When the movement history is read, then it lists every movement of this product, newest first'],
  [validationQueryHidden, 'When a path id is not a positive decimal integer up to 2147483647, then every id endpoint answers 400 with field "id" and nothing is touched'],
  [validationHidden, 'When PATCH breaks the field rules, then it answers 400 naming the field and the product is unchanged'],
  [validationHidden, 'When a body has unknown or read-only properties, sku on PATCH or an empty PATCH, then it answers 400 pointing at them and nothing changes'],
  [validationHidden, 'When a body is valid JSON but not an object, or there is no body at all, then it answers 400 with field ""'],
  [validationHidden, 'When a stock movement breaks the field rules, then it answers 400 naming the field, before any stock check, and nothing changes'],
  [validationHidden, 'When text holds SQL, markup or template syntax, then it is stored, searched and returned exactly and has no other effect'],
  [validationHidden, 'When a body has __proto__, constructor or prototype properties, then it is refused with 400 and later requests behave normally'],
  [validationVisible, 'When a path id is not a positive integer, then it answers 400 validation with field "id"'],
  [validationVisible, 'When a stock movement has an invalid type or quantity, then it answers 400 validation naming the field and the stock is unchanged'],
];

function pick(entries: typeof NAMES): FunctionalCheck[] {
  return entries.map(([checks, name]) => {
    const check = checks.find((c) => c.name === name);
    if (!check) throw new Error(`nest-stock-movements probe: the acceptance suite has no check named "${name}"`);
    return check;
  });
}

export default capabilityProbe('stock-movements', pick(NAMES));
