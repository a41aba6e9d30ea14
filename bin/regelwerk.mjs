#!/usr/bin/env node
// The regelwerk CLI: runs the TypeScript sources through tsx (no build step needed).
// `serve` loads only the server (not the checker, engine and other commands): it starts faster and stays small.
import { register } from 'tsx/esm/api';

register();
const args = process.argv.slice(2);
if (args[0] === 'serve') {
  const { serve } = await import('../src/cli/serve.ts');
  process.exitCode = await serve(args.slice(1));
} else {
  const { main } = await import('../src/cli/main.ts');
  process.exitCode = await main(args);
}
