/**
 * zod, configured for extension pages: every schema is built through this module so that zod never
 * evaluates generated code. zod 4 compiles object parsers with `new Function` when it can; MV3's CSP
 * forbids that (each try is a CSP violation report), and Mozilla's linter flags it. zod decides per
 * object schema when the schema is built, so `jitless` must be set before any schema module runs:
 * importing `z` from here guarantees it (ESLint forbids importing zod's values anywhere else).
 */
import { config } from 'zod';

config({ jitless: true });

export { z } from 'zod';
