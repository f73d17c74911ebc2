// An uncaught error in the entry module: the report and exit code 1 ('exit' listeners run).
process.on('exit', (code) => console.log('exit event:', code));
console.log('before the throw');
throw new RangeError('thrown at the top level of an ES module');
