/**
 * The CDNOW sample (Fader, Hardie & Lee 2005: 2,357 buyers' CD purchases in 1997–98) read as
 * sales, for the BG/NBD unit test (the paper's figures) and the bench (the fit's time).
 * Lines: master id, sample id, YYYYMMDD, CDs, dollars.
 */
import fs from 'node:fs';
import path from 'node:path';
import { dayFromYmd } from '../electron/analytics/days';
import { SalesCollector, type SalesData } from '../electron/analytics/sales-data';

/** The fixture, from the repository's root. */
export const CDNOW_FILE = path.join('test', 'fixtures', 'CDNOW_sample.txt');

export function readCdnow(root: string): SalesData {
  const text = fs.readFileSync(path.join(root, CDNOW_FILE), 'utf8');
  const collector = new SalesCollector();
  for (const line of text.split('\n')) {
    const [, id, date, , dollars] = line.trim().split(/\s+/);
    if (!id || !date || !dollars) continue;
    const day = dayFromYmd(
      Number(date.slice(0, 4)),
      Number(date.slice(4, 6)),
      Number(date.slice(6, 8)),
    );
    collector.add(id, day, Math.round(Number(dollars) * 100), null);
  }
  return collector.build();
}
