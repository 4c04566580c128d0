// Public entry of the knowledge domain.
export {};
