import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { FRESH_MODULES } from './test/helpers/fresh-modules';

/**
 * The slowest test files, slowest first (seconds on a quiet 2-core machine in brackets, roughly).
 * Vitest starts the files it has no timings for largest first, and these are small files: on a
 * clean clone (CI) they came last, and the run waited minutes for the last one while the other
 * worker had nothing left to do.
 */
const SLOWEST_FIRST = [
  'sync-property-hub-a', // ~110 (~150 before a sync kept its hub's connection for the next)
  'sync-property-hub-b', // ~110
  'sync-kill', // ~60
  'crash', // ~90
  'sync-property', // ~50
  'workbook-password',
  'sync-devices',
  'lint-layers',
];

class SlowestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => {
      const name = file.moduleId.replace(/^.*[\\/]/, '').replace(/\.test\.ts$/, '');
      const i = SLOWEST_FIRST.indexOf(name);
      return i < 0 ? SLOWEST_FIRST.length : i;
    };
    // A stable sort: the rest keep the order Vitest gave them.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    environment: 'node',
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          exclude: FRESH_MODULES,
          // The files of one worker share its modules instead of loading them again for each
          // file: importing them (the database layer, the contract, the handlers) was 170 s of
          // the suite's 420, spent file after file.
          isolate: false,
        },
      },
      {
        extends: true,
        test: { name: 'fresh', include: FRESH_MODULES, isolate: true },
      },
    ],
    // Two files at a time. Vitest's default is one less than the cores, so one file at a time on
    // this 2-core machine: 16 minutes, two thirds of them the crash test and the sync property
    // test, which now run beside the rest. The whole suite passed this way at load 5–7.
    maxWorkers: 2,
    sequence: { sequencer: SlowestFirst },
    testTimeout: 20_000,
    // One throwaway PostgreSQL for the sync tests, started only when a test asks for it.
    globalSetup: ['test/helpers/pg-global-setup.ts'],
  },
});
