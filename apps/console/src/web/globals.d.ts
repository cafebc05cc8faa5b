// The SDK's transport names the DOM's BodyInit, which the project's Node-only lib does not declare:
// the one of Node's own fetch (undici) is the same thing.
type BodyInit = import('undici-types').BodyInit;
