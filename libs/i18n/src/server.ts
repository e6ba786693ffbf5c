// The whole catalogues (every language, every surface), for the server and tests only: the
// browser loads its part through `PERSON_CATALOGUES` / `STAFF_CATALOGUES`.
export * from './all-catalogues';
export * from './icu';
