/**
 * The arrows between the folders of src/ (docs/architecture.md), as one ESLint rule:
 * - src/domain imports nothing outside itself: no package but node built-ins, no other folder;
 * - src/db imports no module, and from src/domain only types;
 * - a module is reached from outside only through its service.ts or its GraphQL types (types/), and its
 *   loaders.ts by the context, which builds every loader;
 * - src/http is imported only by the app, the server entry point and the command-line tools;
 * - nothing imports src/cli.
 */
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ENTRY_POINTS = new Set(['src/app.ts', 'src/server.ts']);

/** Where a file of src/ sits: its top folder, and its module's name for files under src/modules. */
function placeOf(path) {
  const parts = path.split('/');
  if (parts[0] !== 'src') return { area: 'outside' };
  if (parts.length === 2) return { area: 'root', file: path };
  if (parts[1] === 'modules') return { area: 'modules', module: parts[2], inModule: parts.slice(3).join('/') };
  return { area: parts[1] };
}

/** Why an import from `from` of `spec` breaks an arrow, or null when it is allowed. */
function violation(from, spec, typeOnly) {
  const source = placeOf(from);
  if (source.area === 'outside') return null;
  if (!spec.startsWith('.')) {
    if (source.area === 'domain' && !spec.startsWith('node:')) return `src/domain imports no package (${spec})`;
    return null;
  }
  const target = placeOf(
    relative(root, resolve(root, dirname(from), spec))
      .split(sep)
      .join('/')
      .replace(/\.js$/, '.ts'),
  );
  if (source.area === 'domain' && target.area !== 'domain') return 'src/domain imports nothing outside src/domain';
  if (source.area === 'db' && target.area === 'modules') return 'src/db imports no module';
  if (source.area === 'db' && target.area === 'domain' && !typeOnly) return 'src/db imports only types from src/domain';
  if (target.area === 'cli' && source.area !== 'cli') return 'nothing imports src/cli';
  if (target.area === 'http' && !['http', 'cli'].includes(source.area) && !ENTRY_POINTS.has(source.file)) {
    return 'only the app (src/app.ts, src/server.ts) imports src/http';
  }
  if (target.area === 'modules' && !(source.area === 'modules' && source.module === target.module)) {
    const open = target.inModule === 'service.ts' || target.inModule.startsWith('types/');
    const loaders = target.inModule === 'loaders.ts' && source.file === 'src/context.ts';
    const who = source.area === 'modules' ? `modules/${source.module}` : from;
    if (!open && !loaders) return `${who} reaches modules/${target.module} only through its service.ts or types/`;
  }
  return null;
}

const rule = {
  meta: { type: 'problem', docs: { description: 'the arrows between the folders of src/' }, schema: [] },
  create(context) {
    const from = relative(root, context.filename).split(sep).join('/');
    const check = (node, typeOnly) => {
      if (!node.source || typeof node.source.value !== 'string') return;
      const why = violation(from, node.source.value, typeOnly);
      if (why) context.report({ node: node.source, message: `${why}: ${node.source.value}` });
    };
    return {
      ImportDeclaration: (node) =>
        check(node, node.importKind === 'type' || node.specifiers.every((s) => s.importKind === 'type')),
      ExportNamedDeclaration: (node) => check(node, node.exportKind === 'type'),
      ExportAllDeclaration: (node) => check(node, node.exportKind === 'type'),
      ImportExpression: (node) => check(node, false),
    };
  },
};

/** The ESLint plugin holding the rule. */
export default { rules: { arrows: rule } };
