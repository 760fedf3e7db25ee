// Imported first by the one-shot CLI, before any module builds a schema: zod then validates by walking each schema
// instead of compiling a parser function per object schema on its first use, a cost a short process never earns back.
import { config } from 'zod';

config({ jitless: true });
