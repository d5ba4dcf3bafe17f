export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  /** what only someone looking into the process's workings wants (LOG_LEVEL=debug) */
  debug(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

export type LogLevel = 'silent' | 'error' | 'info' | 'debug';
export type LogFormat = 'human' | 'json';

/**
 * JSON lines (one per event, what operators grep and ship) or, for a person at a terminal,
 * the message itself with its fields after it. Info and debug go to stdout, errors to stderr.
 */
export function createLogger(level: LogLevel, base: Record<string, unknown> = {}, format: LogFormat = 'json'): Logger {
  const write = (stream: NodeJS.WriteStream, lvl: string, message: string, fields?: Record<string, unknown>) =>
    stream.write(format === 'json' ? jsonLine(lvl, message, { ...base, ...fields }) : humanLine(lvl, message, { ...base, ...fields }));
  return {
    info: (message, fields) => {
      if (level === 'info' || level === 'debug') write(process.stdout, 'info', message, fields);
    },
    debug: (message, fields) => {
      if (level === 'debug') write(process.stdout, 'debug', message, fields);
    },
    error: (message, fields) => {
      if (level !== 'silent') write(process.stderr, 'error', message, fields);
    },
    child: (fields) => createLogger(level, { ...base, ...fields }, format),
  };
}

/** LOG_FORMAT=auto means human lines on a terminal and JSON lines into a pipe or a file. */
export function resolveLogFormat(setting: 'auto' | LogFormat, isTerminal: boolean): LogFormat {
  return setting === 'auto' ? (isTerminal ? 'human' : 'json') : setting;
}

function jsonLine(level: string, message: string, fields: Record<string, unknown>): string {
  return `${JSON.stringify({ time: new Date().toISOString(), level, message, ...fields })}\n`;
}

function humanLine(level: string, message: string, fields: Record<string, unknown>): string {
  const extra = Object.entries(fields)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' ');
  return `${level === 'error' ? 'error: ' : ''}${message}${extra ? `  (${extra})` : ''}\n`;
}
