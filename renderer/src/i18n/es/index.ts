import type { Messages } from '../index';

export const es: Messages = {};
