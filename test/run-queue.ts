/**
 * Jest gives a 2-core machine one worker, so a file whose tests each wait on a long single-threaded
 * command (promtool's rule tests) leaves the other core idle while its tests run one after the
 * other. (tsc and eslint already keep both cores busy: run side by side they took no less time.) A run queue lets such a file queue every command as it is collected, start them one per
 * core in beforeAll (in the order queued: put the longest first), and have each test await its own
 * result, so every test still makes exactly its own assertions on exactly its own command.
 */
import { execFile } from 'child_process';
import * as os from 'os';

export interface RunQueue {
  /** Queues a run; its promise settles once the run does, after `start`. */
  queued<T>(run: () => Promise<T>): Promise<T>;
  /** Starts the queued runs, one per core at a time (call in beforeAll). */
  start(): void;
}

export const runQueue = (slots = Math.max(1, os.cpus().length)): RunQueue => {
  const jobs: Array<() => Promise<void>> = [];
  return {
    queued: <T>(run: () => Promise<T>): Promise<T> => {
      const result = new Promise<T>((resolve, reject) => {
        jobs.push(() => run().then(resolve, reject));
      });
      // A run that fails before its test awaits it is reported by that test, not as an unhandled rejection.
      result.catch(() => undefined);
      return result;
    },
    start: () => {
      const next = async (): Promise<void> => {
        for (let job = jobs.shift(); job; job = jobs.shift()) await job();
      };
      void Promise.all(Array.from({ length: slots }, next));
    },
  };
};

/** A command's stdout; rejects with its exit and full output when it fails. */
export const execFileText = (
  cmd: string,
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<string> =>
  new Promise((resolve, reject) => {
    execFile(cmd, args, { ...opts, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) =>
      err
        ? reject(new Error(`${cmd} ${args.join(' ')} failed (${String(err.code ?? err.signal)}):\n${stdout}${stderr}`))
        : resolve(stdout),
    );
  });
