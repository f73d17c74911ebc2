'use strict';
// import() inside vm code: rejected with node's errors when no loader was chosen or a callback
// (which needs --experimental-vm-modules) was given; the main loader when asked for.
const vm = require('vm');
const show = (p, name) => p.then((v) => console.log(name, 'resolved', typeof v), (e) => console.log(name, e.name, e.code, e.message));
show(new vm.Script('import("fs")').runInThisContext(), 'script');
show(vm.compileFunction('return import("fs")')(), 'fn');
show(new vm.Script('import("fs")', { importModuleDynamically() {} }).runInThisContext(), 'script cb');
show(new vm.Script('import("fs")', { importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER }).runInThisContext(), 'default');
show(vm.runInNewContext('import("fs")'), 'new ctx');
show(import('fs'), 'plain');
