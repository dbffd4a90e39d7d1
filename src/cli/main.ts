import { readFileSync } from 'node:fs';
import { parseCommand, UsageError } from './args';

/** `clearpost` entry: parses the command line and returns the exit status (bin sets it). */
export async function main(argv: readonly string[]): Promise<number> {
  let command;
  try {
    command = parseCommand(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`clearpost: ${err.message}\n\n${err.usage}`);
    return 2;
  }
  switch (command.kind) {
    case 'help':
      process.stdout.write(command.usage);
      return 0;
    case 'version':
      process.stdout.write(`${version()}\n`);
      return 0;
    case 'scan': {
      // Loaded on demand: help, version and usage errors answer without loading the engine.
      const { runScan } = await import('./scan');
      return runScan(command.options);
    }
    case 'rules': {
      const { runRules } = await import('./rules-command');
      return runRules(command.options);
    }
    case 'redact': {
      const [{ runRedact }, { loadRules, RulesError }] = await Promise.all([import('./images'), import('./rules')]);
      let rules;
      try {
        rules = command.options.rules === undefined ? {} : loadRules(command.options.rules);
      } catch (err) {
        if (!(err instanceof RulesError)) throw err;
        process.stderr.write(`clearpost: ${err.message}\n`);
        return 2;
      }
      return runRedact({ ...command.options, rules });
    }
  }
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
