export interface CountedRun {
  passed: number;
  failed: number;
  failures: string[];
}
export function countVitestRun(name: string, report: unknown, exitedOk: boolean, root: string): CountedRun;
