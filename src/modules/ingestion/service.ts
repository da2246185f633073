export { authenticate, type Principal } from './keys.js';
