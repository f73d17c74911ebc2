#!/bin/sh
# Module loading: start-up of a script that imports a generated graph of 1,000 ES modules, of
# one that requires a generated CommonJS package tree (1,000 files in 50 packages under
# node_modules, resolved through "main"/"exports" and relative paths), and of an ES module that
# imports that CommonJS tree (named exports found by lexing every file). Everything is
# generated into a temporary directory at run time. Each case runs under ringjs and node (and
# bun/deno when on PATH), interleaved, best of N runs. Prints best and median wall time in ms
# and the ratio node/ringjs (> 1 means ringjs is faster).
# Usage: bench/modules.sh [runs]   (RINGJS=path/to/ringjs to pick another build)
set -eu
cd "$(dirname "$0")/.."
runs=${1:-10}
work=$(mktemp -d "${TMPDIR:-/tmp}/ringjs-bench-modules.XXXXXX")
trap 'rm -rf "$work"' EXIT
ringjs=${RINGJS:-build/ringjs}
case $ringjs in /*) ;; *) ringjs=$(pwd)/$ringjs ;; esac
set -- "ringjs:$ringjs"
command -v node >/dev/null && set -- "$@" "node:$(command -v node)"
command -v bun >/dev/null && set -- "$@" "bun:$(command -v bun)"
command -v deno >/dev/null && set -- "$@" "deno:$(command -v deno) run -A"

node - "$work" <<'JS'
const fs = require('fs');
const path = require('path');
const work = process.argv[2];
const write = (file, text) => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
};
// Some realistic body per module: a class, a few functions, a table.
const body = (i, kind) => `
${kind === 'esm' ? 'export ' : ''}class Widget${i} {
  constructor(options = {}) { this.id = ${i}; this.options = { size: ${i % 7}, ...options }; }
  render(depth) { return depth > 0 ? \`<w${i}>\${this.render(depth - 1)}</w${i}>\` : String(this.id); }
  static create(n) { return Array.from({ length: n }, (_, k) => new Widget${i}({ k })); }
}
${kind === 'esm' ? 'export ' : ''}function compute${i}(values) {
  let total = 0;
  for (const v of values) total += (v * ${i}) % 97;
  return total;
}
${kind === 'esm' ? 'export ' : ''}const table${i} = Object.freeze({ name: 'module ${i}', weight: ${i * 3 % 11}, tags: ['a', 'b', '${i}'] });
`;

// 1,000 ES modules: module i imports 3 later modules (a DAG with shared dependencies) and,
// every 50th, a builtin.
const N = 1000;
for (let i = 0; i < N; i++) {
  const deps = [...new Set([2 * i + 1, 2 * i + 2, i + 7])].filter((j) => j < N);
  let src = deps.map((j) => `import { compute${j}, table${j} } from './m${j}.mjs';`).join('\n');
  if (i % 50 === 0) src += `\nimport { join } from 'node:path';`;
  src += body(i, 'esm');
  src += `export const value${i} = ${i} + ${deps.map((j) => `compute${j}([table${j}.weight])`).join(' + ') || '0'};\n`;
  write(path.join(work, 'esm', `m${i}.mjs`), src);
}
write(path.join(work, 'esm', 'main.mjs'),
  "import { value0 } from './m0.mjs';\nconsole.log('esm graph', value0);\n");

// A CommonJS package tree: 50 packages x 20 files. File k of a package requires two files of
// its own package (relative) and the entry of two other packages (bare names, through
// "main" for even packages and "exports" for odd ones).
const P = 50;
const F = 20;
for (let p = 0; p < P; p++) {
  const dir = path.join(work, 'cjs', 'node_modules', `pkg-${p}`);
  const pkg = p % 2 === 0 ?
    { name: `pkg-${p}`, main: './lib/f0.js' } :
    { name: `pkg-${p}`, exports: { '.': { require: './lib/f0.js', import: './lib/f0.js' }, './lib/*': './lib/*.js' } };
  write(path.join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
  for (let f = 0; f < F; f++) {
    const requires = [];
    for (const g of [2 * f + 1, 2 * f + 2]) if (g < F) requires.push(`require('./f${g}')`);
    if (f === 0) {
      for (const q of [2 * p + 1, 2 * p + 2]) if (q < P) requires.push(`require('pkg-${q}')`);
    }
    let src = `'use strict';\nconst deps = [${requires.join(', ')}];\n`;
    src += body(p * F + f, 'cjs');
    src += `exports.Widget = Widget${p * F + f};\nexports.compute = compute${p * F + f};\n`;
    src += `exports.table = table${p * F + f};\nexports.count = 1 + deps.reduce((n, d) => n + d.count, 0);\n`;
    write(path.join(dir, 'lib', `f${f}.js`), src);
  }
}
write(path.join(work, 'cjs', 'main.js'),
  "console.log('cjs tree', require('pkg-0').count);\n");
write(path.join(work, 'cjs', 'main.mjs'),
  "import { count, compute } from 'pkg-0';\nconsole.log('esm importing the cjs tree', count, typeof compute);\n");
JS

node - "$runs" "$work" "$@" <<'JS'
const { execFileSync } = require('child_process');
const [runs, work, ...runtimes] = process.argv.slice(2);
const cases = [
  ['1,000 ES modules', `${work}/esm/main.mjs`],
  ['CommonJS tree (1,000 files)', `${work}/cjs/main.js`],
  ['ESM importing that tree', `${work}/cjs/main.mjs`],
];
for (const [label, script] of cases) {
  const times = new Map(runtimes.map((r) => [r, []]));
  const outputs = new Map();
  for (let i = 0; i < +runs; i++) {
    for (const r of runtimes) {
      const cmd = r.slice(r.indexOf(':') + 1);
      const [bin, ...args] = cmd.split(' ');
      const start = process.hrtime.bigint();
      const out = execFileSync(bin, [...args, script], { stdio: ['ignore', 'pipe', 'inherit'] });
      times.get(r).push(Number(process.hrtime.bigint() - start) / 1e6);
      outputs.set(r, String(out).trim());
    }
  }
  const stats = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return { best: s[0], median: s[s.length >> 1] };
  };
  const ringjs = stats(times.get(runtimes[0]));
  console.log(`${label}, ${runs} runs each (ms) — output: ${outputs.get(runtimes[0])}`);
  for (const r of runtimes) {
    const name = r.slice(0, r.indexOf(':'));
    const s = stats(times.get(r));
    if (outputs.get(r) !== outputs.get(runtimes[0])) console.log(`  ${name} printed: ${outputs.get(r)}`);
    console.log(`  ${name.padEnd(8)} best ${s.best.toFixed(1).padStart(7)}  median ${s.median.toFixed(1).padStart(7)}  ` +
                `ratio(best ${name}/ringjs) ${(s.best / ringjs.best).toFixed(2)}`);
  }
}
JS
