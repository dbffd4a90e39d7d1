import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { analyze } from '../engine/analyze';
import { runExamples } from '../rules/examples';
import { generateKeyPair, sign, verifySignature } from '../rules/signing';
import type { RulesOptions } from './args';
import { policyOf, readPackFile, RulesError } from './rules';

/**
 * `clearpost rules check|test|keygen|sign|verify`: the compliance team's tools. Problems go to
 * stderr with the pack path and JSON path; results to stdout. Exit: 0 ok, 1 an example failed or
 * a signature does not match, 2 a bad pack, key or file.
 */

export interface RulesIO {
  readonly stdout: { write(s: string): unknown };
  readonly stderr: { write(s: string): unknown };
}

export async function runRules(opts: RulesOptions, io: RulesIO = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const out = (s: string) => io.stdout.write(`${s}\n`);
  const err = (s: string) => io.stderr.write(`clearpost: ${s}\n`);
  try {
    switch (opts.action) {
      case 'check': {
        const { pack } = readPackFile(opts.pack!);
        const policy = policyOf(pack);
        out(`${opts.pack}: ok: ${pack.id} ${pack.version}, ${pack.patterns?.length ?? 0} pattern(s), ${pack.dictionaries?.deny?.length ?? 0} deny and ${pack.dictionaries?.allow?.length ?? 0} allow entries, ${pack.examples?.length ?? 0} example(s), locked: ${policy.locked.length ? policy.locked.join(', ') : 'nothing'}`);
        return 0;
      }
      case 'test': {
        const { pack } = readPackFile(opts.pack!);
        const examples = pack.examples ?? [];
        if (!examples.length) {
          out(`${opts.pack}: no examples to run (add "examples": [{"text", "expect": [...]}])`);
          return 0;
        }
        const results = runExamples(examples, policyOf(pack).analyze, analyze);
        for (const r of results) {
          const ex = examples[r.index];
          const label = `example ${r.index + 1}${ex.note ? ` (${ex.note})` : ''}`;
          out(`${r.passed ? 'PASS' : 'FAIL'} ${label}`);
          for (const f of r.failures) out(`     ${f}`);
        }
        const failed = results.filter((r) => !r.passed).length;
        out(`${results.length - failed} passed, ${failed} failed`);
        return failed ? 1 : 0;
      }
      case 'keygen': {
        const { privatePem, publicKey } = await generateKeyPair();
        writeFileSync(`${opts.out}.key`, privatePem, { mode: 0o600 });
        chmodSync(`${opts.out}.key`, 0o600);
        writeFileSync(`${opts.out}.pub`, `${publicKey}\n`);
        out(`wrote ${opts.out}.key (private: keep it out of the repository) and ${opts.out}.pub`);
        out(`public key for policy (rulePackPublicKey): ${publicKey}`);
        return 0;
      }
      case 'sign': {
        // Never sign a pack that the extension would refuse.
        const { bytes } = readPackFile(opts.pack!);
        const pem = readText(opts.key!, 'key file');
        const { signature, publicKey } = await sign(bytes, pem);
        writeFileSync(`${opts.pack}.sig`, `${signature}\n`);
        out(`wrote ${opts.pack}.sig; publish it beside the pack (same URL + ".sig")`);
        out(`public key for policy (rulePackPublicKey): ${publicKey}`);
        return 0;
      }
      case 'verify': {
        const bytes = readBytes(opts.pack!, 'pack');
        const sigPath = opts.sig ?? `${opts.pack}.sig`;
        const signature = readText(sigPath, 'signature file').trim();
        const key = /^[A-Za-z0-9+/]{43}=$/.test(opts.pubkey!.trim()) ? opts.pubkey!.trim() : readText(opts.pubkey!, 'public key file').trim();
        const problem = await verifySignature(bytes, signature, key);
        if (problem) {
          err(`${opts.pack}: ${problem}`);
          return problem.startsWith('the signature does not match') ? 1 : 2;
        }
        out(`${opts.pack}: signature ok (${sigPath})`);
        return 0;
      }
    }
    return 2;
  } catch (e) {
    if (e instanceof RulesError) {
      err(e.message);
      return 2;
    }
    throw e;
  }
}

function readBytes(path: string, what: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (e) {
    throw new RulesError(`${path}: cannot read ${what} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

function readText(path: string, what: string): string {
  return new TextDecoder().decode(readBytes(path, what));
}
