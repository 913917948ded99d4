import { readFileSync } from 'node:fs';
import { Command, CommanderError, type OptionValues } from '@commander-js/extra-typings';
import { describeFailure } from './failure';

/** Exit codes every command-line tool uses. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export interface ProgramSpec {
  /** How it is run, e.g. `npm run ask --`: shown in the usage line. */
  name: string;
  /** One or two sentences: what the command does. */
  description: string;
  /** Complete command lines with a comment, shown under "Examples:". */
  examples: string[];
  /** Extra paragraphs after the examples (exit codes, output format, environment). */
  notes?: string;
}

/** Folds commander's messages (an unknown option with its "Did you mean" line) into one line. */
function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, ' ').trim();
}

/**
 * A commander program with what every tool shares: English help ending in examples, unknown
 * options and excess arguments rejected, usage errors printed as one line. Run it with
 * {@link runProgram}, which adds `--verbose` and `--version` and turns usage errors into exit code 2.
 *
 * @example
 * const program = createProgram({ name: 'npm run ask --', description: '…', examples: ['npm run ask -- "挥卡报03"'] })
 *   .option('--json', 'print one JSON object')
 *   .action(async (opts) => { … });
 * await runProgram(program);
 */
export function createProgram(spec: ProgramSpec) {
  const program = new Command()
    .name(spec.name)
    .description(spec.description)
    .allowExcessArguments(false)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      outputError: (message, write) => write(`${oneLine(message)} (see --help)\n`),
    });
  const examples = spec.examples.map((e) => `  ${e}`).join('\n');
  program.addHelpText('after', `\nExamples:\n${examples}\n${spec.notes ? `\n${spec.notes.trim()}\n` : ''}`);
  return program;
}

/** Reports a usage problem found after parsing (say, no question given): one line, exit code 2. */
export function usageError(program: { error(message: string, opts?: { exitCode?: number; code?: string }): never }, message: string): never {
  return program.error(`error: ${message}`, { exitCode: EXIT.usage, code: 'cli.usage' });
}

/**
 * Parses argv and runs the program's action. Help and `--version` exit 0; usage errors (unknown
 * option, bad value, missing argument) exit 2 after one line on stderr; a failure of the action
 * exits 1 with one line (a typed error's Chinese message), its stack only with `--verbose` or DEBUG.
 * Sets `process.exitCode` rather than exiting, so pending output is flushed.
 */
export async function runProgram(program: Command<unknown[], OptionValues>, argv: readonly string[] = process.argv): Promise<void> {
  // Added last so they are listed after the tool's own options.
  program
    .option('--verbose', 'print stack traces and details on failure (as DEBUG=1 does)')
    .version(VERSION, '-V, --version', 'print the version and exit')
    .helpOption('-h, --help', 'print this help and exit');
  // A reader that stops early (`| head`) closes the pipe: stop quietly, as other tools do.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(process.exitCode ?? EXIT.ok);
  });
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      process.exitCode = e.exitCode === 0 ? EXIT.ok : EXIT.usage;
      return;
    }
    // Loaded only now: the config module pulls in zod, which help and usage errors do without.
    const { debugFromEnv } = await import('../config');
    const verbose = !!(program.opts() as { verbose?: boolean }).verbose || debugFromEnv();
    process.stderr.write(`${describeFailure(e, verbose)}\n`);
    process.exitCode = EXIT.failure;
  }
}
