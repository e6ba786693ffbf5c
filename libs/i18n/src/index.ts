export * from './catalogue';
export * from './translator';
