// Countries and emergency numbers alone, for the public pages' first screen (`@sg/domain/geo`):
// importing the domain's barrel there would bring every rule of the product to a person's phone.
export * from './countries';
export * from './emergency-numbers';
