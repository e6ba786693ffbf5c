import { AppConfig, ConfigurationError, loadConfig } from './app-config';

/** For process entry points: a bad setting stops start-up with a message naming it, no stack trace. */
export function loadConfigOrExit(processName: string): AppConfig {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigurationError) {
      console.error(`${processName} cannot start. ${error.message}`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}
