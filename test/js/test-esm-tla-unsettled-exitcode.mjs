// An exit code set by the program wins over node's 13 for an unsettled top-level await.
process.exitCode = 3;
await new Promise(() => {});
