// Filled in by its area.
export const views = {};
