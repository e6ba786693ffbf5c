export * from './catalogue';
export * from './translator';
export * from './icu-loader';
