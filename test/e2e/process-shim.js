// mocha's browser build reads `process`; the web extension host (a Web Worker) has none.
export { default as process } from 'process/browser.js';
