import catalogue from './browser/staff-ms.json';

export default catalogue;
