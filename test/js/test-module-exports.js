'use strict';
// Prints one line per check; absolute paths are shown relative to <fixtures> (test/js/fixtures/
// modules) or <testdir> (test/js) so node's recorded output matches on any machine.
const probe = require('./fixtures/modules/probe.js');
const { fixtures, clean, check } = require('./common/module-check');

// "exports" in package.json, as require() sees it (conditions "require", "node", "default").
const app = require('./fixtures/modules/app/probe.js');

check('exports sugar string', () => probe.require('exports-sugar'));
check('exports sugar hides main', () => probe.resolve('exports-sugar'));
check('exports sugar hides other files', () => probe.resolve('exports-sugar/other.js'));
check('exports sugar hides package.json', () => probe.resolve('exports-sugar/package.json'));
check('conditions import/require/default', () => probe.require('exports-cond'));
check('condition order: node before require', () => probe.require('exports-node'));
check('default condition', () => probe.require('exports-default'));
check('no matching condition', () => probe.resolve('exports-nomatch'));
check('mixed . and condition keys', () => probe.resolve('exports-mixed'));
check('invalid main target', () => probe.resolve('exports-badmain'));
check('numeric condition keys', () => probe.resolve('exports-numeric'));

const S = 'exports-subpaths';
check('. entry', () => probe.require(S));
check('./package.json', () => probe.resolve(`${S}/package.json`));
check('./feature', () => probe.require(`${S}/feature`));
check('./feature.js (not exported)', () => probe.resolve(`${S}/feature.js`));
check('pattern ./features/*', () => probe.require(`${S}/features/one`));
check('pattern ./features/* with slashes', () => probe.require(`${S}/features/deep/two`));
check('pattern ./features/* with extension', () => probe.resolve(`${S}/features/one.js`));
check('longest pattern wins', () => probe.require(`${S}/features/special/sp`));
check('null pattern target', () => probe.resolve(`${S}/features/private/hidden`));
check('pattern with trailer ./ext/*.js', () => probe.require(`${S}/ext/e.js`));
check('pattern with trailer, no match', () => probe.resolve(`${S}/ext/e`));
check('pattern ./data/* to json', () => probe.require(`${S}/data/info.json`));
check('nested conditions', () => probe.require(`${S}/nested`));
check('array: first invalid, second used', () => probe.require(`${S}/array`));
check('array: null then target', () => probe.resolve(`${S}/array-null`));
check('array: all invalid', () => probe.resolve(`${S}/array-all-invalid`));
check('null target', () => probe.resolve(`${S}/null`));
check('target escaping the package', () => probe.resolve(`${S}/escape`));
check('bare target', () => probe.resolve(`${S}/bare-target`));
check('target into node_modules', () => probe.resolve(`${S}/into-nm`));
check('target file missing', () => probe.resolve(`${S}/missing`));
check('number target', () => probe.resolve(`${S}/number`));
check('condition with null target', () => probe.resolve(`${S}/cond-null`));
check('condition not matched', () => probe.resolve(`${S}/cond-none`));
check('unexported subpath', () => probe.resolve(`${S}/not-exported.js`));
check('unexported subpath without extension', () => probe.resolve(`${S}/not-exported`));
check('subpath ./', () => probe.resolve(`${S}/`));
check('subpath with ..', () => probe.resolve(`${S}/features/../main.js`));
check('relative path into the package bypasses exports', () =>
  probe.require(`./node_modules/${S}/not-exported.js`));
check('scoped package exports', () => probe.require('@scope/exp/feature'));
check('scoped package unexported', () => probe.resolve('@scope/exp/hidden.js'));

// Self-reference by package name, from inside the package ("fixture-app").
check('self-reference from the package', () => app.resolve('fixture-app'));
check('self-reference subpath', () => app.require('fixture-app/util'));
check('self-reference conditional', () => app.require('fixture-app/conditional'));
check('self-reference unexported', () => app.resolve('fixture-app/lib/dep.js'));
check('self-reference from a nested file', () => app.require('./lib/self-ref.js'));
check('no self-reference from outside', () => probe.resolve('fixture-app'));
