'use strict';
// Prints one line per check; absolute paths are shown relative to <fixtures> (test/js/fixtures/
// modules) or <testdir> (test/js) so node's recorded output matches on any machine.
const probe = require('./fixtures/modules/probe.js');
const { fixtures, clean, check } = require('./common/module-check');

// "imports" (#specifiers) of the package scope "fixture-app", seen from app/probe.js.
const app = require('./fixtures/modules/app/probe.js');

check('#dep', () => app.require('#dep'));
check('#dep resolved', () => app.resolve('#dep'));
check('#cond (node condition)', () => app.require('#cond'));
check('#pat/* pattern', () => app.require('#pat/one'));
check('#pat/* with slashes', () => app.require('#pat/deep/two'));
check('#pat/*.json longer pattern wins', () => app.require('#pat/conf.json'));
check('#bare (package target)', () => app.require('#bare'));
check('#bare-sub/* (package subpath target)', () => app.require('#bare-sub/sub'));
check('#shadow resolves from the package', () => app.require('#shadow'));
check('#array', () => app.resolve('#array'));
check('#nested conditions', () => app.resolve('#nested'));
check('#null target', () => app.resolve('#null'));
check('#escape invalid target', () => app.resolve('#escape'));
check('#missing file', () => app.resolve('#missing'));
check('#undefined-name', () => app.resolve('#undefined-name'));
check('# alone', () => app.resolve('#'));
check('#/ slash', () => app.resolve('#/x'));
check('#pat/ trailing slash', () => app.resolve('#pat/'));
check('#dep outside any package with imports', () => probe.resolve('#dep'));
check('#dep from this test (no package.json)', () => require.resolve('#dep'));
check('#builtin (target names a builtin)', () => app.resolve('#builtin'));
check('#url-target (node: URL target)', () => app.resolve('#url-target'));
check('#bare-missing', () => app.resolve('#bare-missing'));
check('#bare-exports/* through the target package exports', () => app.require('#bare-exports/one'));
check('#bare-exports/* not exported', () => app.resolve('#bare-exports/private/hidden'));
