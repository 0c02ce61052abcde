/**
 * How the command line fails: a message a person can act on and an exit code (DESIGN.md: 0 done, 1 input beyond what
 * the flags allow, 2 usage). Nothing here prints a stack trace; `--debug` does (cli/program.ts).
 */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    message: string,
    /** 1: the input (a file, a row, a policy file); 2: the command (a flag, its value, a file that is not there). */
    readonly exitCode: 1 | 2,
  ) {
    super(message);
  }
}

/** A usage error (exit 2): a flag, its value, a missing file. */
export const usage = (message: string) => new CliError(message, 2);
/** An input error (exit 1): a file that cannot be read, rows beyond what the flags allow. */
export const input = (message: string) => new CliError(message, 1);
