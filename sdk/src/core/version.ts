/** Kept equal to sdk/package.json's version (a unit test checks it). */
export const SDK_VERSION = '0.1.0';
