// Public entry of the search domain.
export {};
