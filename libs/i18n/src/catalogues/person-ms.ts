import catalogue from './browser/person-ms.json';

export default catalogue;
