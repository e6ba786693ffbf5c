import { HttpContextToken } from '@angular/common/http';

/**
 * Marks sign-in, refresh and sign-out: they travel with the refresh cookie and the CSRF header,
 * and a 401 from them is an answer (wrong password, session over), not a reason to refresh.
 */
export const AUTH_CALL = new HttpContextToken<boolean>(() => false);
