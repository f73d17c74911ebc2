'use strict';
// Generates test/node/tests.list: every test/parallel test of the modules ringjs claims
// (modules.js), minus
//   - tests that need node internals: --expose-internals, internalBinding, process.binding,
//     --allow-natives-syntax, the inspector;
//   - tests Debian's parallel.status marks SKIP or FAIL on Linux;
//   - tests that do not pass under node on this machine (the oracle; run with --retries 1).
// Each exclusion is written into the list with its reason. Run by node:
//
//   node test/node/make-list.js [--root DIR] [--modules a,b,...] [--jobs N] [--timeout S]
//                               [--fresh-oracle] [--out FILE]
//
// The oracle runs only the tests it has no verdict for: verdicts recorded in the current list
// (listed = passed, "excluded: ... under node" = did not) are reused when the list's source
// version and node version match this run's. --fresh-oracle runs every candidate again.

const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync, spawnSync } = require('child_process');
const { MODULES, CLAIMED, moduleOf } = require('./modules');
const { readList } = require('./runner');

function parseArgs(argv) {
  const opts = {
    root: null, modules: CLAIMED, jobs: 2, timeout: 60, fresh: false,
    out: path.join(__dirname, 'tests.list'),
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const next = () => argv[++i];
    switch (arg) {
      case '--root': opts.root = path.resolve(next()); break;
      case '--modules': opts.modules = next().split(',').map((s) => s.trim()).filter(Boolean); break;
      case '--jobs': opts.jobs = next(); break;
      case '--timeout': opts.timeout = next(); break;
      case '--fresh-oracle': opts.fresh = true; break;
      case '--out': opts.out = path.resolve(next()); break;
      default:
        console.error(`make-list.js: unknown argument ${arg}`);
        process.exit(2);
    }
  }
  const known = new Set(MODULES.map(([name]) => name));
  for (const m of opts.modules) {
    if (!known.has(m)) {
      console.error(`make-list.js: no test pattern for module ${m} (add it to modules.js)`);
      process.exit(2);
    }
  }
  return opts;
}

// Code with comments removed (roughly: enough that a comment mentioning process.binding does
// not exclude a test). The `// Flags:` line is read separately.
function stripComments(source) {
  return source.replace(/\/\*[^]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

function flagsOf(source) {
  const m = /\/\/\s+Flags:(.*)/.exec(source);
  return m ? m[1].trim().split(/\s+/) : [];
}

const INTERNALS = [
  [(flags) => flags.some((f) => /^--expose[-_]internals$/.test(f)), null, 'needs --expose-internals'],
  [(flags) => flags.some((f) => /^--allow[-_]natives[-_]syntax$/.test(f)), null, 'needs --allow-natives-syntax'],
  [(flags) => flags.some((f) => /^--inspect/.test(f)), null, 'needs the inspector (--inspect)'],
  [null, /\binternalBinding\s*\(/, 'uses internalBinding'],
  [null, /\bprocess\.binding\s*\(|\bprocess\._linkedBinding\s*\(/, 'uses process.binding'],
  [null, /require\(\s*['"]internal\//, 'requires internal/ modules'],
  [null, /--expose[-_]internals/, 'runs code with --expose-internals'],
  [null, /--allow[-_]natives[-_]syntax|%(?:Optimize|Prepare|Never|Get|Is|Debug|Deoptimize|Have)\w*\(/, 'uses natives syntax'],
  [null, /require\(\s*['"](?:node:)?inspector(?:\/promises)?['"]\s*\)|from\s+['"](?:node:)?inspector|skipIfInspectorDisabled|inspector-helper/, 'needs the inspector'],
];

function internalsReason(source) {
  const flags = flagsOf(source);
  const code = stripComments(source);
  for (const [flagTest, codeRe, reason] of INTERNALS) {
    if (flagTest && flagTest(flags)) return reason;
    if (codeRe && codeRe.test(code)) return reason;
  }
  return null;
}

// parallel.status, as tools/test.py reads it for linux x64: tests whose outcome does not
// include PASS (SKIP, FAIL) are not run.
function statusExclusions(root) {
  const file = path.join(root, 'test', 'parallel', 'parallel.status');
  const out = new Map();
  if (!fs.existsSync(file)) return out;
  const vars = { system: 'linux', arch: os.arch() === 'x64' ? 'x64' : os.arch(), mode: 'release' };
  const holds = (cond) => cond.split('||').some((any) => any.split('&&').every((term) => {
    term = term.trim();
    if (term === 'true') return true;
    const m = /^\$(\w+)\s*(==|!=)\s*(\w+)$/.exec(term);
    if (!m) return false;
    return (vars[m[1]] === m[3]) === (m[2] === '==');
  }));
  let active = false;
  for (const raw of fs.readFileSync(file, 'utf8').split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    if (!line || line.startsWith('prefix ')) continue;
    const section = /^\[(.*)\]$/.exec(line);
    if (section) {
      active = holds(section[1]);
      continue;
    }
    const m = /^([\w.-]+)\s*:\s*(.*)$/.exec(line);
    if (!active || !m) continue;
    const outcomes = m[2].split(',').map((s) => s.trim().toUpperCase());
    if (!outcomes.includes('PASS')) out.set(m[1], `parallel.status: ${outcomes.join(',')} on Linux`);
  }
  return out;
}

function fetchRoot() {
  return execFileSync('sh', [path.join(__dirname, 'fetch.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim().split('\n').pop();
}

// Verdicts of the list being replaced: listed tests passed under node, "under node" exclusions
// did not.
function previousOracle(file, source, oracle) {
  const verdicts = new Map();
  if (!fs.existsSync(file)) return verdicts;
  const list = readList(file);
  if (list.meta.source !== source || list.meta.oracle !== oracle) return verdicts;
  for (const t of list) verdicts.set(t.name, null);
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const m = /^# excluded: (\S+) — (.*under node.*)$/.exec(line);
    if (m) verdicts.set(m[1], m[2]);
  }
  return verdicts;
}

function oracleReason(r, version) {
  switch (r.verdict) {
    case 'skip': return `skipped under node ${version}: ${r.reason}`;
    case 'timeout': return `times out under node ${version}`;
    case 'crash': return `crashes under node ${version} (${r.signal})`;
    default: return `fails under node ${version}: ${(r.reason || `exit code ${r.code}`).replace(/\s+/g, ' ').slice(0, 160)}`;
  }
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const root = opts.root || fetchRoot();
  const source = fs.readFileSync(path.join(root, '.version'), 'utf8').trim();
  const oracle = `node ${process.version}`;
  const claimed = new Set(opts.modules);
  const status = statusExclusions(root);

  const files = fs.readdirSync(path.join(root, 'test', 'parallel'))
    .filter((f) => /^test-.*\.m?js$/.test(f)).sort();
  const byModule = new Map(opts.modules.map((m) => [m, { listed: [], excluded: [] }]));
  const toOracle = [];
  for (const file of files) {
    const module = moduleOf(file);
    if (!claimed.has(module)) continue;
    const entry = byModule.get(module);
    const text = fs.readFileSync(path.join(root, 'test', 'parallel', file), 'utf8');
    const reason = internalsReason(text) || status.get(file.replace(/\.m?js$/, ''));
    if (reason) entry.excluded.push([file, reason]);
    else toOracle.push({ name: file, module });
  }

  // The oracle: node must pass each remaining test here.
  const previous = opts.fresh ? new Map() : previousOracle(opts.out, source, oracle);
  const verdicts = new Map();
  const unknown = toOracle.filter((t) => {
    if (!previous.has(t.name)) return true;
    verdicts.set(t.name, previous.get(t.name));
    return false;
  });
  console.log(`${toOracle.length} candidates; ${toOracle.length - unknown.length} oracle verdicts reused, ` +
              `${unknown.length} to run under ${oracle}`);
  if (unknown.length) {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ringjs-make-list-'));
    const list = path.join(tmp, 'oracle.list');
    const sections = new Map();
    for (const t of unknown) {
      if (!sections.has(t.module)) sections.set(t.module, []);
      sections.get(t.module).push(t.name);
    }
    fs.writeFileSync(list, [...sections].map(([m, names]) => `[${m}]\n${names.join('\n')}\n`).join(''));
    // The oracle's logs stay next to the other runs, for reference.
    const out = path.join(path.dirname(root), 'runs', `oracle-${new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '')}`);
    const r = spawnSync(process.execPath, [
      path.join(__dirname, 'runner.js'), '--root', root, '--list', list, '--runtime', 'node',
      '--jobs', String(opts.jobs), '--timeout', String(opts.timeout), '--retries', '1',
      '--no-doc', '--quiet', '--out', out,
    ], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`oracle run failed (${r.status} ${r.signal})`);
    const { results } = JSON.parse(fs.readFileSync(path.join(out, 'results.json'), 'utf8'));
    for (const res of results) {
      verdicts.set(res.test, res.verdict === 'pass' ? null
        : oracleReason(res, process.version).split(root).join('<src>').replace(/\/tmp\/ringjs-compat-[^\s'"]*/g, '<tmp>'));
    }
    fs.rmSync(tmp, { recursive: true, force: true });
    console.log(`oracle logs: ${out}`);
  }
  for (const t of toOracle) {
    const reason = verdicts.get(t.name);
    if (reason) byModule.get(t.module).excluded.push([t.name, reason]);
    else byModule.get(t.module).listed.push(t.name);
  }

  let listed = 0;
  let excluded = 0;
  for (const e of byModule.values()) {
    listed += e.listed.length;
    excluded += e.excluded.length;
  }
  const lines = [
    "# node's own tests that ringjs runs: test/parallel of Debian 12's nodejs source package.",
    '# Generated by `node test/node/make-list.js` (patterns in modules.js); do not edit by hand.',
    '# Each [module] section lists its tests, then its exclusions as `# excluded: <test> — <reason>`.',
    `# source: ${source}`,
    `# oracle: ${oracle}`,
    `# modules: ${opts.modules.join(' ')}`,
    `# listed: ${listed}, excluded: ${excluded}`,
  ];
  for (const [module, e] of byModule) {
    lines.push('', `[${module}]`, ...e.listed);
    for (const [file, reason] of e.excluded.sort()) lines.push(`# excluded: ${file} — ${reason}`);
  }
  fs.writeFileSync(opts.out, `${lines.join('\n')}\n`);
  console.log(`wrote ${opts.out}: ${listed} listed, ${excluded} excluded`);
  for (const [module, e] of byModule) console.log(`  ${module.padEnd(16)} ${e.listed.length} listed, ${e.excluded.length} excluded`);
}

main();
