import { describe, expect, it } from 'vitest';
import { serviceLevelLabel } from '../../../lib/domain/service-level-label';

describe('serviceLevelLabel', () => {
  it.each([
    ['STANDARD', 'Standard'],
    ['Standard', 'Standard'],
    ['SECOND_DAY', 'Second day'],
    ['SecondDay', 'Second day'],
    ['Second Day', 'Second day'],
    ['NEXT_DAY', 'Next day'],
    ['Expedited', 'Expedited'],
    ['FREE_ECONOMY', 'Free economy'],
    ['SAME_DAY', 'Same day'],
    ['SOME_NEW_LEVEL', 'Some new level'],
  ])('%s reads "%s"', (code, label) => {
    expect(serviceLevelLabel(code)).toBe(label);
  });
});
