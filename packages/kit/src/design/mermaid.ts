// Parses mermaid diagrams with mermaid itself, in a headless Chromium: the same parser that
// renders them on GitHub, not an approximation of its grammar.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { InfrastructureError } from '../util/errors.js';

const CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  const path = env.CHROMIUM_PATH ?? CHROMIUM_PATHS.find((p) => existsSync(p));
  if (!path || !existsSync(path)) {
    throw new InfrastructureError('mermaid diagrams are parsed in Chromium, and none was found: install it (Debian: apt-get install chromium) or set CHROMIUM_PATH');
  }
  return path;
}

export async function parseMermaid(sources: string[]): Promise<Array<string | null>> {
  if (sources.length === 0) return [];
  const { chromium } = await import('playwright-core');
  const require = createRequire(import.meta.url);
  const script = join(dirname(require.resolve('mermaid/package.json')), 'dist', 'mermaid.min.js');
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'] });
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ path: script });
    return await page.evaluate(async (list: string[]) => {
      const m = (globalThis as unknown as { mermaid: { initialize(o: object): void; parse(s: string): Promise<unknown> } }).mermaid;
      m.initialize({ startOnLoad: false });
      const out: Array<string | null> = [];
      for (const source of list) {
        try {
          await m.parse(source);
          out.push(null);
        } catch (error) {
          out.push(error instanceof Error ? error.message : String(error));
        }
      }
      return out;
    }, sources);
  } finally {
    await browser.close();
  }
}
