import { staff } from './en.json';

export default { staff };
