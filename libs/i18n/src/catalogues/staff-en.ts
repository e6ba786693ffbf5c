import catalogue from './browser/staff-en.json';

export default catalogue;
