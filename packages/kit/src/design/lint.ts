// faultline lint-design: is an architecture design document complete enough to discuss? Every
// section of the template is there and holds the candidate's own words, diagrams parse, and the
// claims that need numbers carry them. Each finding names the section and what is missing.

export interface Finding {
  section: string;
  message: string;
}

export interface Section {
  title: string;
  /** 1-based line of the heading. */
  line: number;
  /** The body's lines, HTML comments removed. */
  lines: string[];
  mermaid: string[];
}

/** The sections every design must have, in the template's words (matched case-insensitively). */
export const REQUIRED_SECTIONS = [
  'Summary',
  'Components and data flows',
  'Capacity estimates',
  'Scalability',
  'Reliability',
  'Security',
  'Monitoring',
  'Cost',
  'Trade-offs and alternatives',
  'Rollout and migration plan',
] as const;

const MIN_WORDS = 20;

/** Splits a markdown document into its `##` sections (headings inside code blocks do not count). */
export function sections(markdown: string): Section[] {
  const text = markdown.replace(/<!--[\s\S]*?-->/g, (comment) => comment.replace(/[^\n]/g, ''));
  const result: Section[] = [];
  let current: Section | undefined;
  let fence: { marker: string; mermaid: boolean; lines: string[] } | undefined;
  text.split('\n').forEach((line, index) => {
    const fenceMatch = /^\s*(```+|~~~+)\s*([\w-]*)/.exec(line);
    if (fence) {
      if (fenceMatch && fenceMatch[1]?.startsWith(fence.marker[0] ?? '`') && (fenceMatch[1]?.length ?? 0) >= fence.marker.length && !fenceMatch[2]) {
        if (fence.mermaid && current) current.mermaid.push(fence.lines.join('\n'));
        fence = undefined;
      } else {
        fence.lines.push(line);
      }
      current?.lines.push(line);
      return;
    }
    if (fenceMatch) {
      fence = { marker: fenceMatch[1] ?? '```', mermaid: fenceMatch[2] === 'mermaid', lines: [] };
      current?.lines.push(line);
      return;
    }
    const heading = /^##\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading && !line.startsWith('###')) {
      current = { title: heading[1] ?? '', line: index + 1, lines: [], mermaid: [] };
      result.push(current);
      return;
    }
    current?.lines.push(line);
  });
  return result;
}

const normalise = (line: string) => line.replace(/\s+/g, ' ').trim().toLowerCase();

/** The candidate's own words in a section: prose outside code blocks, minus every line the template had. */
function ownWords(section: Section, templateLines: ReadonlySet<string>): string[] {
  const words: string[] = [];
  let inFence = false;
  for (const line of section.lines) {
    if (/^\s*(```|~~~)/.test(line)) {
      inFence = !inFence;
      continue;
    }
    if (inFence || templateLines.has(normalise(line))) continue;
    words.push(...line.replace(/^[>\s|*#-]+/, '').split(/[\s|]+/).filter((w) => /[\p{L}\p{N}]/u.test(w)));
  }
  return words;
}

const QUANTITY = /\b\d[\d,.]*\s*(?:k|K|M|million|billion)?\s*(?:%|ms|s\b|sec|seconds?|min|minutes?|h\b|hours?|days?|req\/s|rps|qps|requests?|ops\/s|tps|\/s|\/min|\/h|\/day|\/month|per (?:second|minute|hour|day|month)|GB|TB|MB|KB|GiB|TiB|MiB|PB|Gbps|Mbps|connections?|instances?|nodes?|replicas?|shards?|partitions?|users?|orders?|streams?|viewers?|transactions?|events?|messages?|cores?|vCPUs?|rows?|items?)/gi;
const TIME_AFTER = (label: string) => new RegExp(`\\b${label}\\b[^\\n]{0,80}?\\b\\d[\\d.,]*\\s*(?:ms|s\\b|sec|seconds?|min|minutes?|h\\b|hours?|days?)|\\b${label}\\b[^\\n]{0,40}?\\b(?:zero|0)\\b`, 'i');

function quantities(text: string): string[] {
  return [...text.matchAll(QUANTITY)].map((m) => m[0]);
}

export interface LintOptions {
  /** The template the design was written from: its lines are not the candidate's words. */
  template: string;
  /** Parses mermaid sources; returns an error message per source, null when it parses. */
  parseMermaid(sources: string[]): Promise<Array<string | null>>;
}

export async function lintDesign(markdown: string, options: LintOptions): Promise<Finding[]> {
  const findings: Finding[] = [];
  const templateSections = sections(options.template);
  const templateLines = new Set(options.template.split('\n').map(normalise).filter((l) => l.length > 0));
  const templateDiagrams = new Set(templateSections.flatMap((s) => s.mermaid).map(normalise));
  const found = sections(markdown);
  const byTitle = new Map(found.map((s) => [s.title.toLowerCase(), s]));

  for (const title of REQUIRED_SECTIONS) {
    const section = byTitle.get(title.toLowerCase());
    if (!section) {
      findings.push({ section: title, message: `missing: add a "## ${title}" section (see the template)` });
      continue;
    }
    const words = ownWords(section, templateLines);
    if (words.length === 0) {
      findings.push({ section: title, message: `still holds only the template's prompt (line ${section.line}): replace it with your design` });
      continue;
    }
    if (words.length < MIN_WORDS) findings.push({ section: title, message: `${words.length} words of your own: say more (at least ${MIN_WORDS}), or say why it does not apply` });
    const body = section.lines.filter((l) => !templateLines.has(normalise(l))).join('\n');
    const prose = body.replace(/```[\s\S]*?```/g, '');
    switch (title) {
      case 'Components and data flows': {
        const own = section.mermaid.filter((m) => !templateDiagrams.has(normalise(m)));
        if (own.length === 0) findings.push({ section: title, message: "no diagram of your own: add a ```mermaid flowchart of the components and data flows" });
        break;
      }
      case 'Capacity estimates': {
        const q = quantities(prose);
        if (q.length < 3) findings.push({ section: title, message: `capacity claims need numbers with units (req/s, ms, GB/month, instances, connections…): found ${q.length}${q.length ? ` (${q.join(', ')})` : ''}, want at least 3` });
        break;
      }
      case 'Scalability':
        if (quantities(prose).length === 0) findings.push({ section: title, message: 'no number: say how much load each part takes (e.g. "4 instances × 300 req/s") and where the next limit is' });
        break;
      case 'Reliability':
        for (const label of ['RPO', 'RTO']) {
          if (!TIME_AFTER(label).test(prose)) findings.push({ section: title, message: `no ${label} with a duration (e.g. "${label}: 5 min")` });
        }
        break;
      case 'Monitoring':
        if (!/\b\d+(?:\.\d+)?\s*%|\bp\d{2,3}\b[^\n]{0,40}?\d+\s*(?:ms|s\b)/i.test(prose)) findings.push({ section: title, message: 'no SLO with a number (e.g. "99.9 % of checkouts succeed", "p95 < 300 ms")' });
        break;
      case 'Cost':
        if (!/(?:[$€£]\s*\d|\b\d[\d,.]*\s*(?:k\s*)?(?:USD|EUR|GBP|\$|€|£))/i.test(prose)) findings.push({ section: title, message: 'no amount: give a monthly cost (e.g. "≈ $4,200/month") and the unit prices behind it' });
        break;
      default:
        break;
    }
  }

  const diagrams = found.flatMap((s) => s.mermaid.map((source, i) => ({ section: s.title, index: i + 1, source })));
  if (diagrams.length > 0) {
    const errors = await options.parseMermaid(diagrams.map((d) => d.source));
    diagrams.forEach((d, i) => {
      const error = errors[i];
      if (error) findings.push({ section: d.section, message: `mermaid diagram ${d.index} does not parse: ${error.split('\n').slice(0, 3).join(' ').slice(0, 300)}` });
    });
  }
  return findings;
}
