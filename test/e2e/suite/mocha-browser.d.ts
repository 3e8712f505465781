// mocha's browser bundle: imported for its side effect of defining the global `mocha`.
declare module 'mocha/mocha.js';
