// Public entry of the seminars domain.
export {};
