/**
 * The passphrase comes from VIGIL_PASSPHRASE or an interactive prompt, never from an argument:
 * arguments show up in `ps` and in shell history. Read from the environment, it is removed from
 * it at once, so no child process and no later reader of process.env gets it.
 */
import { createInterface } from 'node:readline';

export class PassphraseUnavailableError extends Error {
  constructor() {
    super('No passphrase: set VIGIL_PASSPHRASE or run the command in a terminal to be asked for it.');
    this.name = 'PassphraseUnavailableError';
  }
}

function promptHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    // Echo nothing while the passphrase is typed.
    const rlAny = rl as unknown as { _writeToOutput: (s: string) => void };
    let asked = false;
    rlAny._writeToOutput = (s: string) => {
      if (!asked) {
        process.stderr.write(s);
        asked = true;
      }
    };
    rl.question(question, (answer) => {
      process.stderr.write('\n');
      rl.close();
      resolve(answer);
    });
    rl.on('SIGINT', () => {
      rl.close();
      reject(new Error('Cancelled.'));
    });
  });
}

export function readLine(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    rl.question(question, (answer) => {
      rl.close();
      resolve(answer);
    });
  });
}

export async function readPassphrase(opts: { confirm?: boolean; purpose?: string; ignoreEnv?: boolean } = {}): Promise<string> {
  const fromEnv = process.env.VIGIL_PASSPHRASE;
  if (!opts.ignoreEnv && fromEnv !== undefined && fromEnv !== '') {
    delete process.env.VIGIL_PASSPHRASE;
    return fromEnv;
  }
  if (!process.stdin.isTTY) throw new PassphraseUnavailableError();
  const first = await promptHidden(`${opts.purpose ?? 'Passphrase'}: `);
  if (opts.confirm) {
    const second = await promptHidden('Repeat the passphrase: ');
    if (first !== second) throw new Error('The two passphrases differ; nothing was created.');
  }
  return first;
}
