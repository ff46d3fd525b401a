import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  allowListSchema,
  problemsWithLintReport,
  type AllowList,
  type LintReport,
} from '../../../scripts/firefox-lint-allow-list';

const REACT = 'o?.__html!==n&&(e.innerHTML=n)';
const files: Record<string, string> = {
  'chunks/app-AbC123.js': `x\n${'a'.repeat(500)}${REACT}${'b'.repeat(500)}${REACT}`,
  'background.js': 'if(x.jitless)return!1;try{return Function(``),!0}catch{return!1}',
};
const read = (file: string) => files[file];
const column = (file: string, text: string, from = 0) => {
  const line = (files[file] ?? '').split('\n').at(-1) ?? '';
  return line.indexOf(text, from);
};

const allowList: AllowList = {
  about: 'test',
  allowed: [
    {
      code: 'UNSAFE_VAR_ASSIGNMENT',
      file: 'chunks/*.js',
      near: '__html',
      count: 2,
      reason: 'React DOM, never given the prop',
    },
    {
      code: 'DANGEROUS_EVAL',
      file: 'background.js',
      near: 'jitless',
      count: 1,
      reason: 'zod probe, jitless set first',
    },
  ],
};

const react = (from = 0) => ({
  code: 'UNSAFE_VAR_ASSIGNMENT',
  message: 'Unsafe assignment to innerHTML',
  file: 'chunks/app-AbC123.js',
  line: 2,
  column: column('chunks/app-AbC123.js', 'e.innerHTML', from),
});
const zodProbe = { code: 'DANGEROUS_EVAL', message: 'eval', file: 'background.js', line: 1, column: 30 };
const report = (warnings: LintReport['warnings'], errors: LintReport['errors'] = []): LintReport => ({
  errors,
  warnings,
  notices: [],
});

describe('the Firefox build against the linter allow-list', () => {
  it('passes when every warning is listed, in its place, as many times as listed', () => {
    const second = react(column('chunks/app-AbC123.js', 'e.innerHTML') + 1);
    expect(problemsWithLintReport(report([react(), second, zodProbe]), allowList, read)).toEqual([]);
  });

  it('fails on any error, even with the warnings all listed', () => {
    const second = react(column('chunks/app-AbC123.js', 'e.innerHTML') + 1);
    const problems = problemsWithLintReport(
      report(
        [react(), second, zodProbe],
        [{ code: 'MANIFEST_FIELD_INVALID', message: 'bad', file: 'manifest.json' }],
      ),
      allowList,
      read,
    );
    expect(problems).toEqual(['Error: MANIFEST_FIELD_INVALID in manifest.json: bad']);
  });

  it('fails on a warning not listed, naming it', () => {
    const extra = { code: 'MISSING_DATA_COLLECTION_PERMISSIONS', message: 'missing', file: 'manifest.json' };
    const second = react(column('chunks/app-AbC123.js', 'e.innerHTML') + 1);
    expect(problemsWithLintReport(report([react(), second, zodProbe, extra]), allowList, read)).toEqual([
      'Not in store/addons-linter-allowed.json: MISSING_DATA_COLLECTION_PERMISSIONS in manifest.json: missing',
    ]);
  });

  it('fails on a listed code in another place (its nearby text differs)', () => {
    const elsewhere = { ...zodProbe, column: 0, file: 'chunks/app-AbC123.js', line: 1 };
    const second = react(column('chunks/app-AbC123.js', 'e.innerHTML') + 1);
    const problems = problemsWithLintReport(report([react(), second, zodProbe, elsewhere]), allowList, read);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^Not in store\/addons-linter-allowed.json: DANGEROUS_EVAL in chunks\/app-AbC123.js/,
    );
  });

  it('fails when a listed warning is seen more or fewer times, or no longer at all', () => {
    expect(problemsWithLintReport(report([react(), zodProbe]), allowList, read)).toEqual([
      expect.stringMatching(/expects UNSAFE_VAR_ASSIGNMENT .* 2 time\(s\), the linter reported it 1 time/),
    ]);
    const second = react(column('chunks/app-AbC123.js', 'e.innerHTML') + 1);
    expect(problemsWithLintReport(report([react(), second]), allowList, read)).toEqual([
      expect.stringMatching(/expects DANGEROUS_EVAL .* reported it 0 time\(s\): remove the entry/),
    ]);
  });

  it("the project's allow-list parses and gives each entry a reason", () => {
    const file = JSON.parse(
      readFileSync(join(import.meta.dirname, '../../../store/addons-linter-allowed.json'), 'utf8'),
    );
    const list = allowListSchema.parse(file);
    expect(list.allowed.length).toBeGreaterThan(0);
    for (const entry of list.allowed) expect(entry.reason.length).toBeGreaterThan(40);
  });
});
