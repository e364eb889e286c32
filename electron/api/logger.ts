/** A minimal logger interface so tests can capture what the main process reports. */
export interface Logger {
  info: (message: string) => void;
  error: (message: string, error?: unknown) => void;
}

export const consoleLogger: Logger = {
  info: (message) => process.stdout.write(`${message}\n`),
  error: (message, error) => {
    const detail =
      error instanceof Error
        ? (error.stack ?? error.message)
        : typeof error === 'string'
          ? error
          : error === undefined
            ? ''
            : JSON.stringify(error);
    process.stderr.write(`${message}${detail ? `: ${detail}` : ''}\n`);
  },
};
