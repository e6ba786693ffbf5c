import catalogue from './browser/person-en.json';

export default catalogue;
