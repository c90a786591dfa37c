/** Minimal `--name value` / `--flag` parser for the data scripts; unknown options are errors. */
export function parseArgs(argv: string[], known: Record<string, 'string' | 'boolean'>): Record<string, string | boolean> {
  const out: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new Error(`Argument inattendu : ${arg}`);
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    const kind = known[name];
    if (!kind) throw new Error(`Option inconnue : --${name} (options : ${Object.keys(known).map((k) => `--${k}`).join(', ')})`);
    if (kind === 'boolean') out[name] = true;
    else {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new Error(`L'option --${name} attend une valeur`);
      out[name] = value;
    }
  }
  return out;
}
