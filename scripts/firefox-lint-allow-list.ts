/**
 * Compares what Mozilla's addons-linter reports on the Firefox build with the allow-list in
 * store/addons-linter-allowed.json. Pure: the linter's messages and the bundle's text come in, the
 * problems go out, so the rule is tested without a build.
 */
import { z } from '../lib/zod';

export const allowListSchema = z.object({
  about: z.string(),
  allowed: z.array(
    z.object({
      code: z.string().min(1),
      /** The file in the build, `*` standing for a hashed chunk name. */
      file: z.string().min(1),
      /** Text that must be within NEAR_CHARACTERS of the reported place, so an entry names one spot. */
      near: z.string().min(1),
      count: z.number().int().positive(),
      reason: z.string().min(20),
    }),
  ),
});
export type AllowList = z.infer<typeof allowListSchema>;

const lintMessageSchema = z.looseObject({
  code: z.string(),
  message: z.string().optional(),
  file: z.string().optional(),
  line: z.number().optional(),
  column: z.number().optional(),
});
export const lintReportSchema = z.looseObject({
  errors: z.array(lintMessageSchema),
  warnings: z.array(lintMessageSchema),
  notices: z.array(lintMessageSchema),
});
export type LintReport = z.infer<typeof lintReportSchema>;
type LintMessage = z.infer<typeof lintMessageSchema>;

export const NEAR_CHARACTERS = 300;

const fileMatches = (pattern: string, file: string) =>
  new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`).test(file);

/** The bundle's text around a reported place (line and column are 1-based and 0-based, as the linter reports them). */
function around(message: LintMessage, readFile: (file: string) => string | undefined): string {
  if (!message.file) return '';
  const text = readFile(message.file);
  if (text === undefined) return '';
  const line = text.split('\n')[(message.line ?? 1) - 1] ?? '';
  const column = message.column ?? 0;
  return line.slice(Math.max(0, column - NEAR_CHARACTERS), column + NEAR_CHARACTERS);
}

const describe = (m: LintMessage) =>
  `${m.code} in ${m.file ?? 'the extension'}${m.line ? ` line ${m.line}` : ''}${m.column !== undefined ? ` column ${m.column}` : ''}: ${m.message ?? ''}`.trim();

/** Every problem with the report, in words; none means the Firefox build passes. */
export function problemsWithLintReport(
  report: LintReport,
  allowList: AllowList,
  readFile: (file: string) => string | undefined,
): string[] {
  const problems = report.errors.map((e) => `Error: ${describe(e)}`);
  const seen = allowList.allowed.map(() => 0);
  for (const message of [...report.warnings, ...report.notices]) {
    const nearby = around(message, readFile);
    const entry = allowList.allowed.findIndex(
      (a) =>
        a.code === message.code &&
        message.file !== undefined &&
        fileMatches(a.file, message.file) &&
        nearby.includes(a.near),
    );
    if (entry < 0) problems.push(`Not in store/addons-linter-allowed.json: ${describe(message)}`);
    else seen[entry] = (seen[entry] ?? 0) + 1;
  }
  allowList.allowed.forEach((a, i) => {
    const times = seen[i] ?? 0;
    if (times !== a.count) {
      problems.push(
        `store/addons-linter-allowed.json expects ${a.code} near "${a.near}" in ${a.file} ${a.count} time(s), the linter reported it ${times} time(s): ${times === 0 ? 'remove the entry' : 'check the new place and update the count and reason'}.`,
      );
    }
  });
  return problems;
}
