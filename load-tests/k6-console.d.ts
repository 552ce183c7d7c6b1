// k6 has console.log, but @types/k6 dropped its declaration because it clashed with @types/node
// (DefinitelyTyped#54070), and lib "dom" would bring browser globals k6 lacks.
declare const console: {
  log(...data: unknown[]): void;
  warn(...data: unknown[]): void;
  error(...data: unknown[]): void;
};
