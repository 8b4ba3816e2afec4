/** Minimal argument parsing: positionals, flags and options with a value. */
export interface Args {
  positionals: string[];
  flags: Set<string>;
  options: Map<string, string>;
}

const WITH_VALUE = new Set(['-o', '--out', '--output', '--scenario', '--lang', '--betrag', '--gegen']);

export function parseArgs(argv: string[]): Args {
  const positionals: string[] = [];
  const flags = new Set<string>();
  const options = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    if (eq > 0) options.set(a.slice(0, eq), a.slice(eq + 1));
    else if (WITH_VALUE.has(a)) options.set(a, argv[++i] ?? '');
    else if (a.startsWith('-') && a.length > 1) flags.add(a);
    else positionals.push(a);
  }
  return { positionals, flags, options };
}

export function option(args: Args, ...names: string[]): string | undefined {
  for (const n of names) if (args.options.has(n)) return args.options.get(n);
  return undefined;
}
