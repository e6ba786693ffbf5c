import catalogue from './browser/person-es.json';

export default catalogue;
