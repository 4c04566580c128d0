// Reports of the three activities per region and province (filled in by the reports work).
export {};
