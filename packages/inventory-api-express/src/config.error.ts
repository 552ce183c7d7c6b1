/** A missing or bad environment variable: start-up stops with this message, which names it. */
export class ConfigError extends Error {}
