#!/usr/bin/env node
// Launcher of the publisher command line: it registers tsx so that Node runs the TypeScript
// sources of shared/cli/ directly, then hands over to them. No build step is needed.
import process from 'node:process';
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../shared/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
