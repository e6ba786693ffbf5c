/** Every API path, shared by the Nest controllers and the Angular data services. */
export const API_PREFIX = 'api';

export const API_ROUTES = {
  health: 'health',
  docs: 'docs',
} as const;
