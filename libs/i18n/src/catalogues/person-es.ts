import { person } from './es.json';

export default { person };
