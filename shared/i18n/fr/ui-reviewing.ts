export const reviewing = {};
