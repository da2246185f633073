export { noEvents, type DataEvents } from './events.js';
