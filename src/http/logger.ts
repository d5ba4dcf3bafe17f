export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

export type LogLevel = 'silent' | 'error' | 'info';

/** One JSON line per event on stdout/stderr: what operators grep and ship. */
export function createLogger(level: LogLevel, base: Record<string, unknown> = {}): Logger {
  const write = (stream: NodeJS.WriteStream, lvl: string, message: string, fields?: Record<string, unknown>) =>
    stream.write(`${JSON.stringify({ time: new Date().toISOString(), level: lvl, message, ...base, ...fields })}\n`);
  return {
    info: (message, fields) => {
      if (level === 'info') write(process.stdout, 'info', message, fields);
    },
    error: (message, fields) => {
      if (level !== 'silent') write(process.stderr, 'error', message, fields);
    },
    child: (fields) => createLogger(level, { ...base, ...fields }),
  };
}
