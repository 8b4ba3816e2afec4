/**
 * The command line as a table: each command is one entry (its positionals and options); `node:util`
 * parseArgs with strict: true does the parsing, so an unknown option or a missing value never passes
 * silently. The help text is generated from the same table, so it lists every option there is.
 */
import { parseArgs as nodeParseArgs } from 'node:util';
import type { Lang } from './text';

type Text = { de: string; en: string };

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** The value's placeholder in the help (string options). */
  value?: Text;
  /** Allowed values (checked after parsing; the message lists them). */
  choices?: string[];
  /** The command cannot run without it (shown without brackets in the help). */
  required?: boolean;
  help: Text;
}

export interface CommandSpec {
  name: string;
  /** Required positionals, in order (placeholders for help and messages). */
  positionals: Text[];
  options: Record<string, OptionSpec>;
  summary: Text;
}

const OUT: OptionSpec = {
  type: 'string',
  short: 'o',
  value: { de: 'AUS.xlsx', en: 'OUT.xlsx' },
  help: {
    de: 'Ausgabedatei (Vorgabe: DATEI-<art>.xlsx daneben; die Eingabe wird nie überschrieben)',
    en: 'output file (default: FILE-<kind>.xlsx next to it; the input is never overwritten)',
  },
};
/** --output is the long spelling scripts used before; it means the same as -o/--out. */
const OUTPUT: OptionSpec = { ...OUT, short: undefined, help: { de: 'wie --out', en: 'same as --out' } };
const IN_PLACE: OptionSpec = {
  type: 'boolean',
  help: {
    de: 'die Eingabedatei selbst ändern (vorher wird eine Sicherungskopie angelegt)',
    en: 'change the input file itself (a backup is made first)',
  },
};
const PDF: OptionSpec = {
  type: 'boolean',
  help: {
    de: 'dazu die Papiere als PDF neben der Ausgabe (braucht LibreOffice)',
    en: 'also the papers as PDF next to the output (needs LibreOffice)',
  },
};
const FILE: Text = { de: 'DATEI.xlsx', en: 'FILE.xlsx' };
const MEASURE: Text = { de: 'MASSNAHME', en: 'MEASURE' };

/** Options every command (and the bare `stellenplan`) understands. */
export const GLOBAL_OPTIONS: Record<string, OptionSpec> = {
  lang: {
    type: 'string',
    value: { de: 'de|en', en: 'de|en' },
    choices: ['de', 'en'],
    help: { de: 'Sprache der Meldungen (Vorgabe de)', en: 'language of the messages (default de)' },
  },
  help: { type: 'boolean', short: 'h', help: { de: 'diese Hilfe', en: 'this help' } },
  version: { type: 'boolean', help: { de: 'Versionsnummer ausgeben', en: 'print the version' } },
};

export const COMMANDS: CommandSpec[] = [
  {
    name: 'init',
    positionals: [FILE],
    summary: {
      de: 'neue Arbeitsmappe mit allen Tabellen, Parametern und Auswahllisten anlegen',
      en: 'create a new workbook with all tables, parameters and validation lists',
    },
    options: {
      force: {
        type: 'boolean',
        help: { de: 'eine vorhandene Datei überschreiben', en: 'overwrite an existing file' },
      },
    },
  },
  {
    name: 'check',
    positionals: [FILE],
    summary: {
      de: 'Deckung prüfen (Exit 0: keine Fehler, 1: Fehler gefunden)',
      en: 'check the cover (exit 0: no errors, 1: errors found)',
    },
    options: {
      json: { type: 'boolean', help: { de: 'Ergebnis als JSON', en: 'result as JSON' } },
      scenario: {
        type: 'string',
        value: { de: 'NAME', en: 'NAME' },
        help: { de: 'nur Basis und dieses Szenario', en: 'only Basis and this scenario' },
      },
    },
  },
  {
    name: 'report',
    positionals: [FILE],
    summary: {
      de: 'Blätter Übersicht HFW, Szenarien, Stellenplan, Beschlussvorlage, Prüfung, Berechnung schreiben',
      en: 'write the sheets Übersicht HFW, Szenarien, Stellenplan, Beschlussvorlage, Prüfung, Berechnung',
    },
    options: {
      out: OUT,
      output: OUTPUT,
      'in-place': IN_PLACE,
      pdf: PDF,
    },
  },
  {
    name: 'compare',
    positionals: [FILE],
    summary: { de: 'Szenarien nebeneinander vergleichen', en: 'compare the scenarios side by side' },
    options: {},
  },
  {
    name: 'adopt',
    positionals: [FILE, MEASURE],
    summary: {
      de: 'beschlossene Maßnahme in den Plan übernehmen (jede Änderung im Blatt Protokoll)',
      en: 'take an adopted measure into the plan (every change logged in Protokoll)',
    },
    options: {
      out: OUT,
      output: OUTPUT,
      'in-place': IN_PLACE,
      betrag: {
        type: 'string',
        value: { de: 'berechnet|planansatz', en: 'berechnet|planansatz' },
        choices: ['berechnet', 'planansatz'],
        help: {
          de: 'Planansätze mit den berechneten Kosten (Vorgabe) oder dem Planansatz des Antrags ändern',
          en: "change budget lines by the computed cost (default) or the motion's Planansatz",
        },
      },
    },
  },
  {
    name: 'undo',
    positionals: [FILE],
    summary: {
      de: 'letzten Beschluss laut Protokoll zurücknehmen',
      en: 'take back the last adoption recorded in Protokoll',
    },
    options: {
      out: OUT,
      output: OUTPUT,
      'in-place': IN_PLACE,
      force: {
        type: 'boolean',
        help: {
          de: 'auch zurücknehmen, wenn Zellen seit dem Beschluss geändert wurden',
          en: 'undo even when cells were changed since the adoption',
        },
      },
    },
  },
  {
    name: 'vorlage',
    positionals: [FILE, MEASURE],
    summary: {
      de: 'Entwurf der Beschlussvorlage als Markdown (die Eingabe wird nur gelesen)',
      en: 'draft resolution as Markdown, in German (the input is only read)',
    },
    options: {
      out: {
        ...OUT,
        value: { de: 'AUS.md', en: 'OUT.md' },
        help: { de: 'Ausgabedatei statt Bildschirm', en: 'output file instead of the screen' },
      },
      output: OUTPUT,
    },
  },
  {
    name: 'nachtrag',
    positionals: [FILE],
    summary: {
      de: 'Nachtragsstellenplan: geänderte Zeilen gegenüber dem beschlossenen Plan',
      en: 'supplementary position plan: changed lines against the adopted plan',
    },
    options: {
      gegen: {
        type: 'string',
        required: true,
        value: { de: 'BESCHLOSSEN.xlsx', en: 'ADOPTED.xlsx' },
        help: { de: 'der beschlossene Plan (Pflicht)', en: 'the adopted plan (required)' },
      },
      out: OUT,
      pdf: PDF,
      output: OUTPUT,
    },
  },
];

/** A command line that cannot be used: exit 2 with this sentence. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly messageEn: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface Args {
  command?: CommandSpec;
  positionals: string[];
  values: Record<string, string | boolean | undefined>;
}

/** The language asked for, read before parsing so that parse errors come in it too. */
export function langOf(argv: string[]): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i < 0) return 'de';
  const value = argv[i] === '--lang' ? argv[i + 1] : argv[i].slice('--lang='.length);
  return value === 'en' ? 'en' : 'de';
}

type ParseConfig = Parameters<typeof nodeParseArgs>[0] & object;

function nodeOptions(options: Record<string, OptionSpec>): NonNullable<ParseConfig['options']> {
  return Object.fromEntries(
    Object.entries(options).map(([k, o]) => [
      k,
      o.short ? { type: o.type, short: o.short } : { type: o.type },
    ]),
  );
}

/**
 * Finds what strict parsing refused, from the tokens of a lenient parse: node's own error texts are English
 * and may change between versions, the tokens are stable.
 */
function refusal(argv: string[], options: Record<string, OptionSpec>, command: string): UsageError {
  const { tokens } = nodeParseArgs({
    args: argv,
    options: nodeOptions(options),
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const help = command ? `stellenplan ${command} --help` : 'stellenplan --help';
  for (const tok of tokens ?? []) {
    if (tok.kind !== 'option') continue;
    const spec = options[tok.name];
    if (!spec)
      return new UsageError(
        `Unbekannte Option „${tok.rawName}“${command ? ` für „${command}“` : ''} (Hilfe: ${help}).`,
        `Unknown option "${tok.rawName}"${command ? ` for "${command}"` : ''} (help: ${help}).`,
      );
    if (spec.type === 'string' && (tok.value === undefined || tok.value.startsWith('-')))
      return missingValue(tok.rawName, spec);
    if (spec.type === 'boolean' && tok.inlineValue)
      return new UsageError(
        `Die Option „${tok.rawName}“ nimmt keinen Wert.`,
        `Option "${tok.rawName}" takes no value.`,
      );
  }
  return new UsageError(
    `Die Befehlszeile ist nicht lesbar (Hilfe: ${help}).`,
    `The command line cannot be read (help: ${help}).`,
  );
}

function missingValue(raw: string, spec: OptionSpec): UsageError {
  const v = spec.value ?? { de: 'WERT', en: 'VALUE' };
  return new UsageError(
    `Der Option „${raw}“ fehlt der Wert (${raw} ${v.de}).`,
    `Option "${raw}" needs a value (${raw} ${v.en}).`,
  );
}

function strictParse(argv: string[], options: Record<string, OptionSpec>) {
  const r = nodeParseArgs({
    args: argv,
    options: nodeOptions(options),
    strict: true,
    allowPositionals: true,
    tokens: true,
  });
  // no option is declared `multiple`, so every value is a string or a boolean
  return {
    values: r.values as Record<string, string | boolean | undefined>,
    positionals: r.positionals,
    tokens: r.tokens ?? [],
  };
}

export function findCommand(name: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === name);
}

/**
 * Parses argv for the command it names (the first positional). Throws UsageError for an unknown command or
 * option, a missing or empty value, a value outside its choices, or a positional too many.
 */
export function parseArgs(argv: string[]): Args {
  // The command is the first positional of a lenient parse over all options (values are not commands).
  const everything: Record<string, OptionSpec> = { ...GLOBAL_OPTIONS };
  for (const c of COMMANDS) Object.assign(everything, c.options);
  const lenient = nodeParseArgs({
    args: argv,
    options: nodeOptions(everything),
    strict: false,
    allowPositionals: true,
  });
  const name = lenient.positionals[0];
  const command = name === undefined ? undefined : findCommand(name);
  if (name !== undefined && !command && name !== 'help')
    throw new UsageError(
      `Unbekannter Befehl „${name}“ (Befehle: ${COMMANDS.map((c) => c.name).join(', ')}; Hilfe: stellenplan --help).`,
      `Unknown command "${name}" (commands: ${COMMANDS.map((c) => c.name).join(', ')}; help: stellenplan --help).`,
    );
  const options = { ...GLOBAL_OPTIONS, ...(command?.options ?? {}) };
  let parsed: ReturnType<typeof strictParse>;
  try {
    parsed = strictParse(argv, options);
  } catch {
    throw refusal(argv, options, command?.name ?? '');
  }
  for (const tok of parsed.tokens) {
    if (tok.kind !== 'option') continue;
    const spec = options[tok.name];
    if (spec.type !== 'string') continue;
    if (!tok.value) throw missingValue(tok.rawName, spec);
    if (spec.choices && !spec.choices.includes(tok.value))
      throw new UsageError(
        `Die Option „${tok.rawName}“ kennt „${tok.value}“ nicht (erlaubt: ${spec.choices.join(', ')}).`,
        `Option "${tok.rawName}" does not accept "${tok.value}" (allowed: ${spec.choices.join(', ')}).`,
      );
  }
  for (const [key, spec] of Object.entries(options))
    if (spec.required && parsed.values[key] === undefined && !parsed.values.help)
      throw new UsageError(
        `Die Option „--${key}“ fehlt (Aufruf: ${synopsis(command!, 'de')}).`,
        `Option "--${key}" is required (usage: ${synopsis(command!, 'en')}).`,
      );
  const positionals = parsed.positionals.slice(1);
  if (command && positionals.length > command.positionals.length)
    throw new UsageError(
      `Unerwartetes Argument „${positionals[command.positionals.length]}“ (Aufruf: ${synopsis(command, 'de')}).`,
      `Unexpected argument "${positionals[command.positionals.length]}" (usage: ${synopsis(command, 'en')}).`,
    );
  return { command, positionals: name === 'help' ? parsed.positionals : positionals, values: parsed.values };
}

/** A string option under any of its spellings (e.g. --out / --output). */
export function option(args: Args, ...names: string[]): string | undefined {
  for (const n of names) {
    const v = args.values[n];
    if (typeof v === 'string') return v;
  }
  return undefined;
}

export function flag(args: Args, name: string): boolean {
  return args.values[name] === true;
}

export function synopsis(command: CommandSpec, lang: Lang): string {
  const opts = Object.entries(command.options)
    .filter(([k]) => k !== 'output')
    .map(([k, o]) => {
      const n = o.short ? `-${o.short}` : `--${k}`;
      const text = o.type === 'string' ? `${n} ${o.value?.[lang] ?? ''}` : n;
      return o.required ? text : `[${text}]`;
    });
  return ['stellenplan', command.name, ...command.positionals.map((p) => p[lang]), ...opts].join(' ');
}

function optionLines(options: Record<string, OptionSpec>, lang: Lang): string[] {
  const rows = Object.entries(options).map(([k, o]) => {
    const names =
      (o.short ? `-${o.short}, ` : '    ') +
      `--${k}` +
      (o.type === 'string' ? ` ${o.value?.[lang] ?? ''}` : '');
    return [names, o.help[lang]] as const;
  });
  const w = Math.max(...rows.map(([n]) => n.length)) + 2;
  return rows.map(([n, h]) => `  ${n.padEnd(w)}${h}`);
}

const EXIT_CODES: Text = {
  de: `Exit-Codes: 0 in Ordnung · 1 Prüfung fand Fehler · 2 Datei oder Befehlszeile unbrauchbar · 3 abgelehnt (z. B. zweimal beschlossen, nichts zurückzunehmen, Plan seit dem Beschluss geändert)`,
  en: `Exit codes: 0 fine · 1 the check found errors · 2 file or command line unusable · 3 refused (e.g. adopted twice, nothing to undo, plan changed since the adoption)`,
};

/** `stellenplan --help`: every command with its synopsis. */
export function usage(lang: Lang): string {
  const lines = [
    lang === 'en' ? 'Stellenplan & Deckung – command line' : 'Stellenplan & Deckung – Kommandozeile',
    '',
    lang === 'en' ? 'Usage:' : 'Aufruf:',
  ];
  for (const c of COMMANDS) lines.push(`  ${synopsis(c, lang)}`, `      ${c.summary[lang]}`);
  lines.push(
    '',
    lang === 'en' ? 'Options for every command:' : 'Optionen für jeden Befehl:',
    ...optionLines(GLOBAL_OPTIONS, lang),
    '',
    lang === 'en'
      ? 'Options of one command: stellenplan COMMAND --help'
      : 'Optionen eines Befehls: stellenplan BEFEHL --help',
    EXIT_CODES[lang],
  );
  return lines.join('\n');
}

/** `stellenplan COMMAND --help`: the command with every option it takes. */
export function commandHelp(command: CommandSpec, lang: Lang): string {
  const lines = [synopsis(command, lang), '', `  ${command.summary[lang]}`, ''];
  if (Object.keys(command.options).length > 0)
    lines.push(lang === 'en' ? 'Options:' : 'Optionen:', ...optionLines(command.options, lang), '');
  lines.push(
    lang === 'en' ? 'Options for every command:' : 'Optionen für jeden Befehl:',
    ...optionLines(GLOBAL_OPTIONS, lang),
    '',
    EXIT_CODES[lang],
  );
  return lines.join('\n');
}
