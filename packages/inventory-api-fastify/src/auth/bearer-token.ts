// `Authorization: Bearer <token>` (RFC 6750 §2.1); the scheme name is case-insensitive.
export function bearerToken(authorization: string | undefined): string | undefined {
  if (!authorization) return undefined;
  return authorization.trim().split(/\s+/).at(-1);
}
