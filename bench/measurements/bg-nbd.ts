/**
 * The BG/NBD fit on the CDNOW sample (2,357 buyers): the unit test checks that it lands on the
 * paper's figures; its time is measured here, where a slow machine is a figure and not a failed
 * test. The floor is the same number of likelihood-and-gradient evaluations at the optimum: the
 * work any fit that takes as many steps must do. Medians of five runs.
 */
import path from 'node:path';
import { aggregate, bgNbdSummary } from '../../electron/analytics/bg-nbd';
import { fitBgNbd, logLikelihood } from '../../electron/analytics/bg-nbd-fit';
import { dayFromIso } from '../../electron/analytics/days';
import { readCdnow } from '../cdnow';
import { percentile, timeSync } from '../measure';
import type { Measurement } from './types';

export const bgNbdFit: Measurement = {
  name: 'bg-nbd fit',
  run() {
    // The bundle runs from dist/bench; the fixture is in the repository.
    const data = readCdnow(path.resolve(__dirname, '..', '..'));
    const groups = aggregate(bgNbdSummary(data, dayFromIso('1997-09-30')));
    const fit = fitBgNbd(groups);
    const grad = [0, 0, 0, 0];
    const floor = () => {
      for (let i = 0; i < fit.evaluations; i++) logLikelihood(fit.params, groups, grad);
    };
    // Medians of several runs after a first one that also compiles.
    const fits: number[] = [];
    const floors: number[] = [];
    for (let run = 0; run < 6; run++) {
      const [, ms] = timeSync(() => fitBgNbd(groups));
      const [, floorMs] = timeSync(floor);
      if (run > 0) {
        fits.push(ms);
        floors.push(floorMs);
      }
    }
    const ms = percentile(fits, 50);
    const floorMs = percentile(floors, 50);
    return Promise.resolve([
      {
        name: 'BG/NBD fit, CDNOW sample (target < 2 s)',
        ms,
        floorMs,
        note: `${fit.evaluations} evaluations over ${groups.weight.length} (x, t_x, T) groups; floor = as many at the optimum`,
      },
    ]);
  },
};
