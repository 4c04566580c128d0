// Public entry of the directory domain.
export {};
