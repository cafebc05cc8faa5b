export const CONSOLE_CONFIG = Symbol('ConsoleConfig');
export const SESSIONS = Symbol('SessionService');
export const CLOCK = Symbol('Clock');
