import { person } from './ms.json';

export default { person };
