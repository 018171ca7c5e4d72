/**
 * ESLint rule: no import cycles among the project's own modules.
 *
 * For each relative import of a file (static, type-only, re-export or dynamic `import()`), it
 * follows the imports of the target, read from disk, and reports the shortest way back to the
 * file. Type-only imports count: a circle of types still ties the modules' shapes together.
 *
 * Written here rather than taken from eslint-plugin-import-x: that plugin's resolver is a native
 * binary (one prebuilt package per platform), which this project does not install. This needs only
 * TypeScript's own import scanner, already a dependency.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const EXTENSIONS = ['', '.ts', '.tsx', '.js', '.mjs', '/index.ts', '/index.tsx'];
const SOURCE = /\.(ts|tsx|js|mjs)$/;

/** file → { mtime, imports } for files read from disk during this run. */
const cache = new Map();

function isFile(p) {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** The module file a relative specifier names, or undefined (packages, CSS, missing files). */
function resolve(fromFile, spec) {
  if (!spec.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(fromFile), spec);
  for (const ext of EXTENSIONS) {
    const candidate = base + ext;
    if (SOURCE.test(candidate) && isFile(candidate)) return candidate;
  }
  return undefined;
}

function importsOf(file) {
  let mtime;
  try {
    mtime = fs.statSync(file).mtimeMs;
  } catch {
    return [];
  }
  const hit = cache.get(file);
  if (hit && hit.mtime === mtime) return hit.imports;
  const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
  const imports = [...new Set(info.importedFiles.map((i) => resolve(file, i.fileName)).filter(Boolean))];
  cache.set(file, { mtime, imports });
  return imports;
}

/** The shortest chain of imports from `start` back to `goal`, or undefined. */
function pathBack(start, goal) {
  const parent = new Map([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift();
    for (const next of importsOf(file)) {
      if (next === goal) {
        const chain = [file];
        for (let p = parent.get(file); p; p = parent.get(p)) chain.unshift(p);
        return chain;
      }
      if (!parent.has(next)) {
        parent.set(next, file);
        queue.push(next);
      }
    }
  }
  return undefined;
}

export default {
  meta: {
    type: 'problem',
    docs: { description: "Disallow import cycles among the project's modules" },
    schema: [],
    messages: { cycle: 'Import cycle: {{chain}}.' },
  },
  create(context) {
    const file = path.resolve(context.filename);
    const cwd = context.cwd ?? process.cwd();
    const seen = new Set();
    const check = (node, source) => {
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      const target = resolve(file, source.value);
      if (!target || seen.has(target)) return;
      seen.add(target);
      const chain = target === file ? [] : pathBack(target, file);
      if (!chain) return;
      const names = [file, ...chain, file].map((f) => path.relative(cwd, f).split(path.sep).join('/'));
      context.report({ node: source, messageId: 'cycle', data: { chain: names.join(' → ') } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
    };
  },
};
