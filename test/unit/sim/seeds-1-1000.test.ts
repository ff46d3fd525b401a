import { seedRangeTest } from './seed-range';

seedRangeTest(1, 1000);
