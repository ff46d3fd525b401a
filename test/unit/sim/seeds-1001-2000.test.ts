import { seedRangeTest } from './seed-range';

seedRangeTest(1001, 1000);
