import { person } from './en.json';

export default { person };
