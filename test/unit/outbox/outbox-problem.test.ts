import { describe, expect, it } from 'vitest';
import { outboxProblemOf } from '../../../lib/outbox/outbox-problem';
import { SpApiError } from '../../../lib/sp-api/errors';

const error = (status: number, code: string) =>
  new SpApiError({ operation: 'createFeed', status, code, message: 'Something went wrong' });

describe('outboxProblemOf', () => {
  it.each([
    [403, 'Unauthorized', true],
    [404, 'NotFound', true],
    [401, 'Unauthorized', true],
    [500, 'InternalFailure', false],
    [503, 'ServiceUnavailable', false],
  ])(
    'says a %i %s in words, without the status or code, and whether waiting helps',
    (status, code, permanent) => {
      const problem = outboxProblemOf(error(status, code));
      expect(problem.permanent).toBe(permanent);
      expect(problem.message).not.toContain(String(status));
      expect(problem.message).not.toContain(code);
      expect(problem.message).not.toContain('createFeed');
      expect(problem.message).toMatch(permanent ? /Settings/ : /sent again automatically/);
    },
  );
});
