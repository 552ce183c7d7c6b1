#!/usr/bin/env node
// The CLI is compiled to dist/ by `pnpm install` (root prepare script) or `pnpm build`.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('faultline: the kit is not built yet: run `pnpm install` (or `pnpm build`) at the repository root\n');
  process.exit(2);
}
await import(cli.href);
