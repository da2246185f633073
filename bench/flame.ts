/**
 * A flame graph (SVG) from a V8 .cpuprofile, as `node --cpu-prof` writes it: one box per call
 * stack frame, as wide as the time spent in it and below it; idle time left out. No dependency:
 * the SVG opens in any browser (hover a box for its name and share).
 *
 *   node --import tsx bench/flame.ts <file.cpuprofile> <out.svg> [title]
 */
import { readFileSync, writeFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const WIDTH = 1600;
const ROW = 16;
const IDLE = new Set(['(idle)', '(program)']);

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Where a frame lives: package, node internal, or the project's file. */
function label(node: Node): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  const where = pkg ?? (url.startsWith('node:') ? url : url.replace(/^file:\/\/.*?\/(src|dist|bench)\//, '$1/'));
  return `${functionName || '(anonymous)'}${where ? ` ${where}:${lineNumber + 1}` : ''}`;
}

/** The SVG of a profile's flame graph. */
export function flameGraph(profile: Profile, title: string): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = new Map<number, number>();
  const sum = (node: Node): number => {
    if (IDLE.has(node.callFrame.functionName)) return 0;
    let t = self.get(node.id) ?? 0;
    for (const child of node.children ?? []) t += sum(byId.get(child)!);
    total.set(node.id, t);
    return t;
  };
  const root = profile.nodes[0]!;
  const all = sum(root) || 1;
  const boxes: string[] = [];
  let depth = 0;
  const draw = (node: Node, x: number, level: number) => {
    const t = total.get(node.id) ?? 0;
    const width = (t / all) * WIDTH;
    if (width < 0.3) return;
    depth = Math.max(depth, level);
    const name = level === 0 ? 'all' : label(node);
    const share = ((100 * t) / all).toFixed(1);
    const hue = /node_modules/.test(node.callFrame.url)
      ? 30
      : node.callFrame.url.startsWith('node:') || !node.callFrame.url
        ? 200
        : 100;
    const text =
      width > 40
        ? `<text x="${(x + 3).toFixed(1)}" y="${ROW - 4}" font-size="11">${escape(name.slice(0, Math.floor(width / 6.5)))}</text>`
        : '';
    boxes.push(
      `<g transform="translate(0 ${level * ROW})"><title>${escape(name)} (${share}%)</title><rect x="${x.toFixed(1)}" width="${width.toFixed(1)}" height="${ROW - 1}" fill="hsl(${hue} 70% ${60 + (level % 3) * 6}%)"/>${text}</g>`,
    );
    let childX = x;
    for (const child of node.children ?? []) {
      const c = byId.get(child)!;
      draw(c, childX, level + 1);
      childX += ((total.get(c.id) ?? 0) / all) * WIDTH;
    }
  };
  draw(root, 0, 0);
  const height = (depth + 1) * ROW + 30;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" font-family="monospace">
<text x="4" y="14" font-size="13">${escape(title)}: ${(all / 1e6).toFixed(2)} s busy sampled; width = share of it (idle left out); hover for names. Green: project, orange: packages, blue: Node/V8.</text>
<g transform="translate(0 24)">${boxes.join('\n')}</g>
</svg>
`;
}

if (process.argv[1]?.endsWith('flame.ts')) {
  const [file, out, title] = process.argv.slice(2);
  if (!file || !out) throw new Error('usage: bench/flame.ts <file.cpuprofile> <out.svg> [title]');
  writeFileSync(out, flameGraph(JSON.parse(readFileSync(file, 'utf8')) as Profile, title ?? file));
}
