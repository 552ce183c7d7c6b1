/** The minimal environment a target runs with: nothing from the interviewer's shell leaks in. */
export function serviceEnv(databaseUrl: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    HOME: process.env.HOME ?? '/tmp',
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    ...extra,
  };
}

export function buildEnv(): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    HOME: process.env.HOME ?? '/tmp',
    NODE_ENV: 'development',
    CI: 'true',
    npm_config_update_notifier: 'false',
  };
}

/**
 * The environment for pnpm in another project (an exported repo): the settings an outer
 * `pnpm run` hands its children (npm_config_*, the package's own npm_package_*) would otherwise
 * leak into that project's install.
 */
export function standaloneEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|pnpm_config_|INIT_CWD$|PNPM_SCRIPT_SRC_DIR$)/i.test(key)) continue;
    env[key] = value;
  }
  return { ...env, npm_config_update_notifier: 'false' };
}
