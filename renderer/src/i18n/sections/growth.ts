/** Strings of one area of the renderer, in English and Russian (same keys; a unit test checks). */
export const en = {};

export const ru: typeof en = {};
