/** Command-line options shared by the bench commands: `--clients 20000 --seed 1 --out <file>`. */
export interface BenchArgs {
  clients: number;
  seed: number;
  out: string | null;
  /** Generate a fresh workbook even when a cached one of this size and seed exists. */
  fresh: boolean;
  /** Only the measurements whose names contain one of these (`--only import,analytics`). */
  only: string[];
}

export function parseArgs(argv: readonly string[]): BenchArgs {
  const args: BenchArgs = { clients: 100_000, seed: 1, out: null, fresh: false, only: [] };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    const number = () => {
      const n = Number(value);
      if (!Number.isSafeInteger(n) || n < 1) throw new Error(`${flag} needs a positive integer`);
      i += 1;
      return n;
    };
    if (flag === '--clients') args.clients = number();
    else if (flag === '--seed') args.seed = number();
    else if (flag === '--fresh') args.fresh = true;
    else if (flag === '--only' && value) {
      args.only = value.split(',').map((s) => s.trim());
      i += 1;
    } else if (flag === '--out' && value) {
      args.out = value;
      i += 1;
    } else throw new Error(`unknown option ${flag ?? ''}`);
  }
  return args;
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
