/**
 * Progress of a long run on stderr (issue 28): rows read, rows a second and the share of bytes done; redrawn in place
 * when stderr is a terminal, a line every few seconds when it is not (a log file, a scheduled job), nothing with
 * `--quiet`. The clock is the command line's, never the library's.
 */
export interface ProgressOptions {
  readonly quiet: boolean;
  /** stderr, or what the tests give. */
  readonly stream: { isTTY?: boolean; write(text: string): unknown };
  /** How often a line is written when the stream is not a terminal, in milliseconds. */
  readonly every?: number;
  /** The clock, in milliseconds. */
  readonly now?: () => number;
}

export class Progress {
  private readonly started: number;
  private last: number;
  private drawn = false;
  private readonly now: () => number;
  constructor(private readonly options: ProgressOptions) {
    this.now = options.now ?? (() => performance.now());
    this.started = this.now();
    // the first line after a while: a short run says nothing
    this.last = this.started;
  }

  /** Rows read so far, and the bytes done of the bytes to read. */
  update(rows: number, bytes: number, totalBytes: number, file: string): void {
    this.draw((seconds) => {
      const rate = seconds > 0 ? Math.round(rows / seconds) : 0;
      const share = totalBytes > 0 ? Math.min(100, (bytes / totalBytes) * 100).toFixed(0) : '100';
      return `读取 / reading ${file}: ${rows.toLocaleString('en')} 行 rows, ${rate.toLocaleString('en')} 行/秒 rows/s, ${share}%`;
    });
  }

  /** The share done of work that counts no rows as it goes (DuckDB's reading, by its own estimate). */
  share(what: string, percent: number): void {
    this.draw(() => `读取 / reading ${what}: ${Math.min(100, percent).toFixed(0)}%`);
  }

  private draw(text: (seconds: number) => string): void {
    if (this.options.quiet) return;
    const t = this.now();
    const tty = this.options.stream.isTTY === true;
    if (t - this.last < (tty ? 200 : (this.options.every ?? 5000))) return;
    this.last = t;
    this.write(text((t - this.started) / 1000), tty);
  }

  private write(text: string, tty: boolean): void {
    if (tty) {
      this.options.stream.write(`\r\x1b[2K${text}`);
      this.drawn = true;
    } else {
      this.options.stream.write(`${text}\n`);
    }
  }

  /** Clears the line drawn in place, before the summary. */
  done(): void {
    if (this.drawn) this.options.stream.write('\r\x1b[2K');
    this.drawn = false;
  }

  /** Seconds since the run began. */
  get seconds(): number {
    return (this.now() - this.started) / 1000;
  }
}
