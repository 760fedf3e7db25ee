#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `npx breachdesk …` works straight from a clone.
import { register } from 'tsx/esm/api';

register();
await import('../adapters/cli/main.ts');
