import { staff } from './ms.json';

export default { staff };
