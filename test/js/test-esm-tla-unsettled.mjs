// A top-level await that never settles: node exits with code 13 once nothing is left to do
// (the 'exit' event sees process.exitCode 13); node 20 prints no warning for it.
process.on('exit', (code) => console.log('exit event:', code, process.exitCode));
console.log('before the await');
await new Promise(() => {});
console.log('never printed');
