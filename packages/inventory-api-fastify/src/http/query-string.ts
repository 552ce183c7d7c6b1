// Query strings, parsed strictly: a repeated parameter keeps every value (so the schema refuses
// it, R39) and an undecodable one becomes null (so the schema names it, R31).
export function parseQueryString(query: string): Record<string, unknown> {
  const params: Record<string, unknown> = Object.create(null);
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const name = decode(equals < 0 ? pair : pair.slice(0, equals));
    if (name === undefined) continue;
    const value = decode(equals < 0 ? '' : pair.slice(equals + 1)) ?? null;
    const previous = params[name];
    params[name] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
  }
  return params;
}

function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replaceAll('+', ' '));
  } catch {
    return undefined;
  }
}
