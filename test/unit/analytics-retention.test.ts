import { describe, expect, it } from 'vitest';
import { dayFromIso } from '../../electron/analytics/days';
import { retention, retentionByGroup } from '../../electron/analytics/retention';
import { salesDataFromRows, type SaleRow } from '../../electron/analytics/sales-data';

const d = dayFromIso;
const buys = (clientId: string, ...dates: string[]): SaleRow[] =>
  dates.map((date) => ({ clientId, date, amount: 100 }));
const march = { from: d('2024-03-01'), to: d('2024-03-31') };

// W = 30 days. 2024 is a leap year: 31 Jan → 1 Mar is 30 days.
const data = salesDataFromRows([
  ...buys('a', '2024-02-10', '2024-03-20'), // active at both ends (20 and 11 days)
  ...buys('b', '2024-02-05'), // active at the start (25 days), not at the end (55): churned
  ...buys('c', '2023-12-01', '2024-03-25'), // won back: inactive at the start (91 days), active at the end
  ...buys('d', '2024-03-10'), // new in the period
  ...buys('f', '2024-01-31'), // exactly W = 30 days before the start: active; 60 at the end: not
  ...buys('g', '2024-04-01'), // after the period: nowhere
  ...buys('h', '2024-03-31'), // new on the period's last day (bound inclusive)
]);

describe('analytics retention', () => {
  it('counts S, E, N and tells retention from cohort retention when clients come back', () => {
    // S = {a, b, f} = 3; E = {a, c, d, h} = 4; N = {d, h} = 2; S ∩ E = {a} = 1.
    // retention = (4 − 2) / 3 = 0.6667 (the won-back c fills b's place); cohort = 1 / 3.
    const [p] = retention(data, [march], { activeWindowDays: 30 });
    expect(p).toEqual({
      from: '2024-03-01',
      to: '2024-03-31',
      atStart: 3,
      atEnd: 4,
      new: 2,
      retentionRate: 2 / 3,
      cohortRetention: 1 / 3,
      churnRate: 1 - 2 / 3,
    });
  });

  it('counts a client whose first purchase is on `from` both at the start and as new', () => {
    const edge = salesDataFromRows([...buys('e', '2024-03-01'), ...buys('k', '2024-02-20')]);
    // e: active at the start (0 days) and at the end (30 days, W inclusive), and new.
    // k: active at the start (10 days), not at the end (40). S = 2, E = 1, N = 1: (1 − 1) / 2 = 0.
    const [p] = retention(edge, [march], { activeWindowDays: 30 });
    expect(p).toMatchObject({
      atStart: 2,
      atEnd: 1,
      new: 1,
      retentionRate: 0,
      cohortRetention: 0.5,
    });
  });

  it('gives null rates when nobody was active at the start, and uses W = 365 by default', () => {
    const [empty] = retention(salesDataFromRows(buys('d', '2024-03-10')), [march]);
    expect(empty).toMatchObject({
      atStart: 0,
      atEnd: 1,
      new: 1,
      retentionRate: null,
      churnRate: null,
    });
    // With W = 365 c (91 days) is active at the start too: S = {a, b, c, f} = 4, E = {a, b, c, d, f, h} = 6
    // (b: 55 days, f: 60 days), N = 2: (6 − 2) / 4 = 1; cohort 4 / 4.
    const [year] = retention(data, [march]);
    expect(year).toMatchObject({
      atStart: 4,
      atEnd: 6,
      new: 2,
      retentionRate: 1,
      cohortRetention: 1,
    });
  });

  it('splits retention by a per-client key', () => {
    // Clients in id order: a b c d f g h.
    const keys = ['web', 'web', 'shop', 'shop', null, 'web', 'shop'];
    const groups = retentionByGroup(data, keys, [march], { activeWindowDays: 30 });
    expect(groups.map((g) => g.key)).toEqual(['shop', 'web', null]);
    // shop: c, d, h: S = 0, E = 3. web: a, b, g: S = {a, b}, E = {a}, N = 0: 1 / 2. null: f.
    expect(groups[0]!.periods[0]).toMatchObject({
      atStart: 0,
      atEnd: 3,
      new: 2,
      retentionRate: null,
    });
    expect(groups[1]!.periods[0]).toMatchObject({ atStart: 2, atEnd: 1, retentionRate: 0.5 });
    expect(groups[2]!.periods[0]).toMatchObject({ atStart: 1, atEnd: 0, retentionRate: 0 });
  });
});
