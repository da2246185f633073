import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

const RESULTS = fileURLToPath(new URL('./RESULTS.md', import.meta.url));

/** The machine a run happened on, for the record. */
export function machine(): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}`;
}

/** Replaces (or appends) one `## title` section of bench/RESULTS.md, keeping the others. */
export function writeSection(title: string, body: string): void {
  const heading = `## ${title}`;
  const current = existsSync(RESULTS)
    ? readFileSync(RESULTS, 'utf8')
    : '# Benchmark results\n\nEvery section says the command that produced it, the machine and the date.\n';
  const start = current.indexOf(`${heading}\n`);
  const section = `${heading}\n\n${body.trim()}\n`;
  if (start === -1) {
    writeFileSync(RESULTS, `${current.trimEnd()}\n\n${section}`);
    return;
  }
  const next = current.indexOf('\n## ', start + heading.length);
  writeFileSync(RESULTS, `${current.slice(0, start)}${section}${next === -1 ? '' : current.slice(next)}`);
}

/** Percentile of sorted numbers (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/**
 * `npm start`'s node arguments (its script is `node <args>`), after building dist/ as its
 * prestart does: benches run the service exactly as deployed.
 */
export function buildAndStartArgs(): string[] {
  const root = fileURLToPath(new URL('..', import.meta.url));
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root });
  const { scripts } = JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as { scripts: Record<string, string> };
  const [program, ...args] = scripts.start!.split(' ');
  if (program !== 'node') throw new Error(`npm start is not "node …": ${scripts.start}`);
  return args;
}
