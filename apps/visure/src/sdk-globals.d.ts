// The SDK (sdk/src, imported by relative path) names the DOM's BodyInit; in Node it is undici's.
type BodyInit = import('undici-types').BodyInit;
