import { parseArgs } from 'node:util';

/**
 * Command-line parsing for `clearpost`. Built on node:util parseArgs (strict): an unknown flag or
 * a missing value is a UsageError, which main turns into exit status 2 with the usage text.
 */

export const MAIN_USAGE = `Usage: clearpost <command> [options]

Warns before a social-media draft exposes patient health information (PHI), gives
patient-specific advice, or states an opinion without a disclaimer. Runs on this machine only.

Commands:
  scan [options] FILE...   Scan drafts (.txt/.md: one draft; .jsonl: one draft a line; - : stdin)
                           and images (.png .jpg .jpeg .webp .gif .bmp)
  redact IMAGE -o OUT      Write a copy of IMAGE with the PHI blacked out and no metadata
  rules <action> ...       Check, test, sign and verify rule packs (clearpost rules --help)

Options:
  -h, --help               Show help (also: clearpost scan --help)
  -V, --version            Print the version

Exit status: 0 no blocking finding, 1 a finding blocks posting, 2 bad input or usage.
`;

export const SCAN_USAGE = `Usage: clearpost scan [--json] [--rules PATH] FILE...

Inputs:
  FILE.txt, FILE.md        one draft per file
  FILE.jsonl               one draft a line: {"id": ..., "text": "...", "site": "x"}
  -                        JSON Lines from standard input
  IMAGE (.png .jpg .jpeg .webp .gif .bmp)
                           burned-in text (on-device OCR), metadata (EXIF, XMP, IPTC, PNG
                           text) and faces; findings carry a pixel box or a metadata field

Options:
  --json                   One JSON object a line on stdout: {"id" or "file", "findings": [...]}
                           (an image: {"file", "findings", "ms"}, plus "partial"/"notChecked")
                           (the summary goes to stderr)
  --rules PACK             Rule pack (docs/rule-packs.md) layered over the bundled rules
  -h, --help               Show this help

Large .jsonl inputs are streamed in constant memory and scanned on every core; output keeps
input order. Progress shows on stderr when it is a terminal. Colour follows NO_COLOR/FORCE_COLOR.

Exit status: 0 no blocking finding, 1 a finding blocks posting, 2 bad input (reported on
stderr by file and line; the other inputs are still scanned) or an image that could not be
checked (never reported as clean).
`;

export const REDACT_USAGE = `Usage: clearpost redact [--json] [--rules PATH] IMAGE -o OUT

Writes a copy of IMAGE (.png .jpg .jpeg .webp .gif .bmp) with solid boxes over every PHI
finding in the pixels, the same size, re-encoded without any metadata. PNG, JPEG and WebP keep
their format; GIF and BMP become PNG (OUT's extension is changed to .png).

Options:
  -o, --out OUT            Where to write the copy (required)
  --json                   Print {"file", "out", "format", "boxes", "findings", "ms"}
  --rules PATH             JSON file of analyze options: allow, deny, detectors, threshold
  -h, --help               Show this help

Exit status: 0 written, 2 bad input or an image that could not be checked (nothing written).
`;

export const RULES_USAGE = `Usage: clearpost rules <action> ...

  check PACK                    Validate a rule pack; print every problem with its JSON path
  test PACK                     Run the pack's examples; print what passed and failed
  keygen --out NAME             Write NAME.key (private, keep it secret) and NAME.pub (for policy)
  sign PACK --key NAME.key      Write PACK.sig beside the pack (publish both at https URLs)
  verify PACK --pubkey KEY      Check PACK.sig (or --sig FILE) against a base64 key or NAME.pub

Exit status: 0 ok, 1 an example failed or a signature does not match, 2 bad pack or usage.
`;

export class UsageError extends Error {
  constructor(message: string, readonly usage: string) {
    super(message);
  }
}

export type Command =
  | { kind: 'help'; usage: string }
  | { kind: 'version' }
  | { kind: 'scan'; options: ScanOptions }
  | { kind: 'redact'; options: RedactOptions }
  | { kind: 'rules'; options: RulesOptions };

export interface RulesOptions {
  action: 'check' | 'test' | 'keygen' | 'sign' | 'verify';
  pack?: string;
  key?: string;
  out?: string;
  pubkey?: string;
  sig?: string;
}

export interface RedactOptions {
  file: string;
  out: string;
  json: boolean;
  rules?: string;
}

export interface ScanOptions {
  files: string[];
  json: boolean;
  rules?: string;
  /** Hidden: print `clearpost-stats {json}` (drafts, seconds, peak RSS) on stderr at the end. */
  stats: boolean;
  /** Hidden: worker threads to use (0 = scan on the main thread); default: one per core. */
  workers?: number;
}

export function parseCommand(argv: readonly string[]): Command {
  const [first, ...rest] = argv;
  if (first === 'scan') return parseScan(rest);
  if (first === 'redact') return parseRedact(rest);
  if (first === 'rules') return parseRulesCommand(rest);
  if (first === 'help') return { kind: 'help', usage: rest[0] === 'scan' ? SCAN_USAGE : rest[0] === 'redact' ? REDACT_USAGE : rest[0] === 'rules' ? RULES_USAGE : MAIN_USAGE };
  if (first !== undefined && !first.startsWith('-')) throw new UsageError(`unknown command '${first}'`, MAIN_USAGE);
  const { values } = parseOrThrow(argv, {
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean', short: 'V' },
  }, MAIN_USAGE, false);
  if (values.version) return { kind: 'version' };
  if (values.help) return { kind: 'help', usage: MAIN_USAGE };
  throw new UsageError('missing command', MAIN_USAGE);
}

function parseScan(argv: readonly string[]): Command {
  const { values, positionals } = parseOrThrow(argv, {
    json: { type: 'boolean' },
    rules: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
    stats: { type: 'boolean' },
    workers: { type: 'string' },
  }, SCAN_USAGE, true);
  if (values.help) return { kind: 'help', usage: SCAN_USAGE };
  if (positionals.length === 0) throw new UsageError('no input files (use - for standard input)', SCAN_USAGE);
  let workers: number | undefined;
  if (values.workers !== undefined) {
    workers = Number(values.workers);
    if (!Number.isInteger(workers) || workers < 0 || workers > 64) throw new UsageError('--workers takes a whole number from 0 to 64', SCAN_USAGE);
  }
  if (values.rules === '') throw new UsageError('--rules needs a file path', SCAN_USAGE);
  return {
    kind: 'scan',
    options: { files: positionals, json: values.json === true, rules: values.rules as string | undefined, stats: values.stats === true, workers },
  };
}

function parseRedact(argv: readonly string[]): Command {
  const { values, positionals } = parseOrThrow(argv, {
    out: { type: 'string', short: 'o' },
    json: { type: 'boolean' },
    rules: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  }, REDACT_USAGE, true);
  if (values.help) return { kind: 'help', usage: REDACT_USAGE };
  if (positionals.length !== 1) throw new UsageError(positionals.length ? 'redact takes one image' : 'no input image', REDACT_USAGE);
  if (!values.out) throw new UsageError('-o OUT is required (where to write the redacted copy)', REDACT_USAGE);
  if (values.rules === '') throw new UsageError('--rules needs a file path', REDACT_USAGE);
  return { kind: 'redact', options: { file: positionals[0], out: values.out as string, json: values.json === true, rules: values.rules as string | undefined } };
}

const RULES_ACTIONS = ['check', 'test', 'keygen', 'sign', 'verify'] as const;

function parseRulesCommand(argv: readonly string[]): Command {
  const { values, positionals } = parseOrThrow(argv, {
    key: { type: 'string' },
    out: { type: 'string' },
    pubkey: { type: 'string' },
    sig: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  }, RULES_USAGE, true);
  if (values.help) return { kind: 'help', usage: RULES_USAGE };
  const [action, ...args] = positionals;
  if (!action) throw new UsageError('missing action (check, test, keygen, sign, verify)', RULES_USAGE);
  if (!(RULES_ACTIONS as readonly string[]).includes(action)) throw new UsageError(`unknown action '${action}'`, RULES_USAGE);
  const a = action as RulesOptions['action'];
  const needs = a === 'keygen' ? 0 : 1;
  if (args.length !== needs) throw new UsageError(needs ? `rules ${a} takes one PACK file` : 'rules keygen takes no file (use --out NAME)', RULES_USAGE);
  if (a === 'keygen' && !values.out) throw new UsageError('rules keygen needs --out NAME', RULES_USAGE);
  if (a === 'sign' && !values.key) throw new UsageError('rules sign needs --key NAME.key', RULES_USAGE);
  if (a === 'verify' && !values.pubkey) throw new UsageError('rules verify needs --pubkey (base64 key or NAME.pub)', RULES_USAGE);
  return {
    kind: 'rules',
    options: { action: a, pack: args[0], key: values.key as string | undefined, out: values.out as string | undefined, pubkey: values.pubkey as string | undefined, sig: values.sig as string | undefined },
  };
}

type OptionSpec = Record<string, { type: 'boolean' | 'string'; short?: string }>;

function parseOrThrow(argv: readonly string[], options: OptionSpec, usage: string, allowPositionals: boolean) {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals, strict: true });
  } catch (err) {
    throw new UsageError(describeParseError(err), usage);
  }
}

/** parseArgs' own messages are long and suggest `--`; keep the first sentence. */
function describeParseError(err: unknown): string {
  const code = (err as { code?: string }).code;
  const message = err instanceof Error ? err.message : String(err);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const m = /'([^']+)'/.exec(message);
    return `unknown option ${m ? m[1] : ''}`.trim();
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return 'unexpected argument';
  return message.split('. ')[0];
}
