'use strict';
// vm.SourceTextModule / vm.SyntheticModule / vm.Module: only with --experimental-vm-modules
// (this test runs itself again with the flag); linking, evaluation, status, errors, contexts,
// import() callbacks, import.meta, code cache and timeouts, as node reports them.
const vm = require('vm');
const { spawnSync } = require('child_process');

if (!process.execArgv.includes('--experimental-vm-modules')) {
  console.log('without flag:', typeof vm.SourceTextModule, typeof vm.SyntheticModule,
              typeof vm.Module);
  const child = spawnSync(process.execPath, ['--experimental-vm-modules', '--no-warnings', __filename],
                          { encoding: 'utf8' });
  process.stdout.write(child.stdout);
  if (child.stderr) console.log('stderr:', child.stderr);
  console.log('child exit', child.status);
  return;
}

const util = require('util');
const { SourceTextModule, SyntheticModule, Module } = vm;
const show = (label, f) => {
  try {
    console.log(label, 'ok', f());
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
};
const showAsync = async (label, f) => {
  try {
    console.log(label, 'ok', await f());
  } catch (e) {
    console.log(label, e.name, e.code, e.message, e.cause ? e.cause.message : '');
  }
};

show('new Module', () => new Module());
show('Module proto', () => Object.getOwnPropertyNames(Module.prototype));
show('STM proto', () => Object.getOwnPropertyNames(SourceTextModule.prototype));
show('Synthetic proto', () => Object.getOwnPropertyNames(SyntheticModule.prototype));
const m = new SourceTextModule('export const a = 1; import "x";');
show('fresh', () => [m.identifier, m.status, m.dependencySpecifiers, m.context]);
show('namespace unlinked', () => m.namespace);
show('error unlinked', () => m.error);
show('identifier 5', () => new SourceTextModule('', { identifier: 5 }));
show('context {}', () => new SourceTextModule('', { context: {} }));
show('source 5', () => new SourceTextModule(5));
show('options 5', () => new SourceTextModule('', 5));
show('lineOffset', () => new SourceTextModule('', { lineOffset: 'a' }));
show('cachedData 5', () => new SourceTextModule('', { cachedData: 5 }));
show('import.meta 5', () => new SourceTextModule('', { initializeImportMeta: 5 }));
show('importModuleDynamically 5', () => new SourceTextModule('', { importModuleDynamically: 5 }));
show('syntax error', () => new SourceTextModule('export x'));
show('second identifier', () => new SourceTextModule('').identifier);
const context = vm.createContext({ seen: [] });
show('context identifiers', () => [new SourceTextModule('', { context }).identifier,
                                   new SourceTextModule('', { context }).identifier]);
show('duplicate names', () => new SyntheticModule(['a', 'a'], () => {}));
show('names not strings', () => new SyntheticModule([1], () => {}));
show('steps 5', () => new SyntheticModule(['a'], 5));
console.log(util.inspect(m));
// Getters and methods on something that is not such a module.
show('inspect receiver', () => m[util.inspect.custom].call(Object.create(null)));
show('setExport receiver', () => SyntheticModule.prototype.setExport.call({}, 'foo'));
for (const key of ['identifier', 'context', 'namespace', 'status', 'error']) {
  show(`${key} receiver`, () => Object.getOwnPropertyDescriptor(Module.prototype, key).get.call({}));
}
for (const key of ['dependencySpecifiers', 'status', 'error']) {
  show(`STM ${key} receiver`,
       () => Object.getOwnPropertyDescriptor(SourceTextModule.prototype, key).get.call(new SyntheticModule([], () => {})));
}

(async () => {
  await showAsync('link receiver', () => Module.prototype.link.call({}, () => {}));
  await showAsync('evaluate receiver', () => Module.prototype.evaluate.call({}));
  await showAsync('evaluate unlinked', () => m.evaluate());
  const synthetic = new SyntheticModule(['a', 'b'], function() {
    this.setExport('a', 1);
  });
  show('setExport unlinked', () => synthetic.setExport('a', 1));
  await synthetic.link(() => {});
  console.log('synthetic', synthetic.status);
  show('setExport unknown', () => synthetic.setExport('c', 1));
  show('setExport 5', () => synthetic.setExport(5, 1));
  console.log(await synthetic.evaluate(), synthetic.status, synthetic.namespace);
  show('synthetic cached data', () => typeof synthetic.createCachedData);

  // Linking a graph: dependencies the linker returns are linked with the same linker.
  const leaf = new SourceTextModule('export default 5; export let count = 0;');
  const middle = new SourceTextModule('import five from "leaf"; export default five * 2;');
  const root = new SourceTextModule(
    'import ten from "middle"; import { a } from "synthetic"; globalThis.rootResult = [ten, a];',
    { identifier: 'root' });
  const modules = { leaf, middle, synthetic };
  await root.link((specifier, referrer, extra) => {
    console.log('linker', specifier, referrer.identifier, root.status, extra.attributes, extra.assert);
    return modules[specifier];
  });
  console.log('linked', root.status, middle.status, leaf.status);
  await showAsync('link again', () => root.link(() => {}));
  console.log(await root.evaluate(), globalThis.rootResult, root.status, middle.namespace.default);

  // Evaluation errors: the same error for every evaluate().
  const thrower = new SourceTextModule('throw new TypeError("boom")');
  await thrower.link(() => {});
  await showAsync('evaluate thrower', () => thrower.evaluate());
  await showAsync('evaluate thrower again', () => thrower.evaluate());
  console.log('thrower', thrower.status, thrower.error.message);
  show('thrower cached data', () => thrower.createCachedData());
  await showAsync('link errored', () => thrower.link(() => {}));

  // Linker mistakes make the module errored.
  const notModule = new SourceTextModule('import "y"');
  await showAsync('not a module', () => notModule.link(() => 5));
  console.log('notModule', notModule.status, notModule.error.code);
  const otherContext = new SourceTextModule('import "y"', { context });
  await showAsync('other context', () => otherContext.link(() => new SourceTextModule('')));
  const toErrored = new SourceTextModule('import "y"');
  await showAsync('errored dependency', () => toErrored.link(() => thrower));
  const missingExport = new SourceTextModule('import { q } from "y"');
  await showAsync('missing export', () => missingExport.link(() => new SourceTextModule('')));
  console.log('missingExport', missingExport.status);

  // Top-level await.
  const waiting = new SourceTextModule('await 1; export default 3');
  await waiting.link(() => {});
  const pending = waiting.evaluate();
  console.log('waiting', waiting.status);
  await pending;
  console.log('waited', waiting.status, waiting.namespace.default);
  await showAsync('timeout -1', () => waiting.evaluate({ timeout: -1 }));
  await showAsync('options 5', () => waiting.evaluate(5));
  await showAsync('linker 5', () => new SourceTextModule('').link(5));

  // import.meta: empty unless initializeImportMeta fills it.
  const meta = new SourceTextModule('export default import.meta');
  await meta.link(() => {});
  await meta.evaluate();
  console.log('meta', meta.namespace.default, Object.getPrototypeOf(meta.namespace.default));
  const meta2 = new SourceTextModule('export default import.meta', {
    initializeImportMeta(object, module) {
      object.url = module.identifier;
    },
    identifier: 'meta2',
  });
  await meta2.link(() => {});
  await meta2.evaluate();
  console.log('meta2', meta2.namespace.default);

  // import(): rejected without a callback, else what the callback answers.
  const noCallback = new SourceTextModule('export default import("x")');
  await noCallback.link(() => {});
  await noCallback.evaluate();
  await showAsync('import without callback', () => noCallback.namespace.default);
  const withCallback = new SourceTextModule('export default import("leaf")', {
    importModuleDynamically(specifier, referrer, attributes) {
      console.log('import callback', specifier, referrer === withCallback, attributes);
      return modules[specifier];
    },
  });
  await withCallback.link(() => {});
  await withCallback.evaluate();
  console.log('imported', (await withCallback.namespace.default) === leaf.namespace);
  const script = new vm.Script('import("leaf", { assert: { type: "x" } })', {
    importModuleDynamically(specifier, referrer, attributes) {
      console.log('script callback', specifier, referrer === script, attributes);
      return leaf.namespace;
    },
  });
  console.log('script imported', (await script.runInThisContext()) === leaf.namespace);
  const fn = vm.compileFunction('return import("z")', [], {
    importModuleDynamically(specifier, referrer) {
      console.log('function callback', specifier, referrer === fn);
      return 5;
    },
  });
  await showAsync('function import not a module', () => fn());

  // A module of a vm context runs there.
  const inContext = new SourceTextModule('seen.push(typeof process); export default globalThis',
                                         { context });
  await inContext.link(() => {});
  await inContext.evaluate();
  console.log('in context', context.seen, inContext.namespace.default === vm.runInContext('globalThis', context));
  const synthInContext = new SyntheticModule([], () => {}, { context });
  console.log('synthetic context', synthInContext.context === context, synthInContext.identifier);

  // Code cache: accepted for the same source, rejected for another.
  const cachedData = new SourceTextModule('const a = 1').createCachedData();
  console.log('cache', Buffer.isBuffer(cachedData), cachedData.length > 0);
  show('cache accepted', () => new SourceTextModule('const a = 1', { cachedData }).status);
  show('cache rejected', () => new SourceTextModule('differentSource', { cachedData }));

  // A timeout stops an endless module (and its microtasks, in an afterEvaluate context).
  const endless = new SourceTextModule('Promise.resolve().then(() => { for (;;); }); for (;;);', {
    context: vm.createContext({}, { microtaskMode: 'afterEvaluate' }),
  });
  await endless.link(() => {});
  await showAsync('timeout', () => endless.evaluate({ timeout: 50 }));
  await showAsync('breakOnSigint 1', () => endless.evaluate({ breakOnSigint: 1 }));
  console.log(util.inspect(synthetic), util.inspect(root, { depth: -1 }));
})();
